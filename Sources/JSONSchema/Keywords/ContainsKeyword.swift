/// `contains` with `minContains` / `maxContains`.
final class ContainsKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode
    let minimum: Int
    let maximum: Int?
    let minimumIsExplicit: Bool

    init(node: SchemaNode, schema: SchemaNode, minimum: Int?, maximum: Int?) {
        self.schema = schema
        self.minimum = minimum ?? 1
        self.minimumIsExplicit = minimum != nil
        self.maximum = maximum
        super.init(name: "contains", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance else { return true }
        let tracker = context.tracker
        let canStop = tracker == nil && maximum == nil
        var matches = 0
        let saved = context.errors.count
        for (index, item) in array.enumerated() where context.applyToItem(schema, item, index: index, "contains") {
            matches += 1
            tracker?.markItem(index, of: array.count)
            if canStop, matches >= minimum { break }
        }
        if context.exhaustive { context.errors.removeSubrange(saved...) }
        if matches < minimum {
            context.report(self, .tooFewContains(limit: minimum, actual: matches), as: minimumIsExplicit ? "minContains" : "contains")
            return false
        }
        if let maximum, matches > maximum {
            context.report(self, .tooManyContains(limit: maximum, actual: matches), as: "maxContains")
            return false
        }
        return true
    }
}
