/// `minProperties` / `maxProperties`.
final class PropertyCountKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    let isMinimum: Bool

    init(node: SchemaNode, limit: Int, isMinimum: Bool) {
        self.limit = limit
        self.isMinimum = isMinimum
        super.init(name: isMinimum ? "minProperties" : "maxProperties", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        let count = object.count
        if isMinimum ? count >= limit : count <= limit { return true }
        context.report(self, isMinimum ? .tooFewProperties(limit: limit, actual: count) : .tooManyProperties(limit: limit, actual: count))
        return false
    }
}
