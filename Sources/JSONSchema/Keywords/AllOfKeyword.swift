/// `allOf`.
final class AllOfKeyword: Keyword, @unchecked Sendable {
    let schemas: [SchemaNode]
    let indexes: [String]

    init(node: SchemaNode, schemas: [SchemaNode]) {
        self.schemas = schemas
        self.indexes = schemas.indices.map(String.init)
        super.init(name: "allOf", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        var valid = true
        for (position, schema) in schemas.enumerated() where !context.applyInPlace(schema, instance, "allOf", indexes[position]) {
            valid = false
            if !context.exhaustive { return false }
        }
        return valid
    }
}
