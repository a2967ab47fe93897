/// `dependentSchemas`.
final class DependentSchemasKeyword: Keyword, @unchecked Sendable {
    let schemas: [(property: String, schema: SchemaNode)]

    init(node: SchemaNode, name: String = "dependentSchemas", schemas: [(property: String, schema: SchemaNode)]) {
        self.schemas = schemas
        super.init(name: name, node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, schema) in schemas where object.index(forKey: property) != nil {
            if !context.applyInPlace(schema, instance, name, property) {
                valid = false
                if !context.exhaustive { return false }
            }
        }
        return valid
    }
}
