/// `propertyNames`.
final class PropertyNamesKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode

    init(node: SchemaNode, schema: SchemaNode) {
        self.schema = schema
        super.init(name: "propertyNames", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for member in object.members where !context.applyToMember(schema, .string(member.key), key: member.key, "propertyNames") {
            valid = false
            if !context.exhaustive { return false }
        }
        return valid
    }
}
