/// `minItems` / `maxItems`.
final class ItemCountKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    let isMinimum: Bool

    init(node: SchemaNode, limit: Int, isMinimum: Bool) {
        self.limit = limit
        self.isMinimum = isMinimum
        super.init(name: isMinimum ? "minItems" : "maxItems", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance else { return true }
        let count = array.count
        if isMinimum ? count >= limit : count <= limit { return true }
        context.report(self, isMinimum ? .tooFewItems(limit: limit, actual: count) : .tooManyItems(limit: limit, actual: count))
        return false
    }
}
