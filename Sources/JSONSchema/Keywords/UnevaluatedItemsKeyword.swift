/// `unevaluatedItems`: applies to items no other keyword of this schema (or of its valid
/// in-place subschemas) evaluated.
final class UnevaluatedItemsKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode
    let forbidden: Bool

    init(node: SchemaNode, schema: SchemaNode, forbidden: Bool) {
        self.schema = schema
        self.forbidden = forbidden
        super.init(name: "unevaluatedItems", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance, let tracker = context.tracker else { return true }
        var valid = true
        for index in array.indices where !tracker.isItemEvaluated(index) {
            if forbidden {
                valid = false
                guard context.exhaustive else { return false }
                context.report(self, .unevaluatedItemNotAllowed(index: index), instanceToken: String(index))
            } else if context.applyToItem(schema, array[index], index: index, "unevaluatedItems") {
                tracker.markItem(index, of: array.count)
            } else {
                valid = false
                if !context.exhaustive { return false }
            }
        }
        return valid
    }
}
