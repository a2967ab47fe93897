/// `not`.
final class NotKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode

    init(node: SchemaNode, schema: SchemaNode) {
        self.schema = schema
        super.init(name: "not", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        // Evaluate the subschema silently: its failures are this keyword's success.
        let saved = context.errors.count
        let outer = context.tracker
        context.tracker = nil
        let matched = schema.validate(instance, context)
        context.tracker = outer
        if context.exhaustive { context.errors.removeSubrange(saved...) }
        if matched { context.report(self, .matchesNot) }
        return !matched
    }
}
