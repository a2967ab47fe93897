/// `if` / `then` / `else`.
final class ConditionalKeyword: Keyword, @unchecked Sendable {
    let condition: SchemaNode
    let thenSchema: SchemaNode?
    let elseSchema: SchemaNode?

    init(node: SchemaNode, condition: SchemaNode, then thenSchema: SchemaNode?, else elseSchema: SchemaNode?) {
        self.condition = condition
        self.thenSchema = thenSchema
        self.elseSchema = elseSchema
        super.init(name: "if", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        let saved = context.errors.count
        let holds = context.applyInPlace(condition, instance, "if")
        if context.exhaustive { context.errors.removeSubrange(saved...) }
        if holds {
            guard let thenSchema else { return true }
            return context.applyInPlace(thenSchema, instance, "then")
        }
        guard let elseSchema else { return true }
        return context.applyInPlace(elseSchema, instance, "else")
    }
}
