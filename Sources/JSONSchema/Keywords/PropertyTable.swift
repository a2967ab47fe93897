/// Property name → subschema: a linear scan for a few names (faster than hashing), a hash
/// table beyond. Names compare by Unicode scalars, as JSON does.
struct PropertyTable {
    private let names: [String]
    /// Nodes are owned by the validator's arena; unmanaged to avoid retain/release per look-up.
    private let schemas: [Unmanaged<SchemaNode>]
    private let index: [ScalarKey: Int]?

    init(_ entries: [(String, SchemaNode)]) {
        var names: [String] = [], schemas: [Unmanaged<SchemaNode>] = []
        var index: [ScalarKey: Int] = [:]
        for (name, schema) in entries {
            if let existing = index[ScalarKey(name)] {
                schemas[existing] = Unmanaged.passUnretained(schema)
                continue
            }
            index[ScalarKey(name)] = names.count
            names.append(name)
            schemas.append(Unmanaged.passUnretained(schema))
        }
        self.names = names
        self.schemas = schemas
        self.index = names.count > 8 ? index : nil
    }

    @inline(__always)
    func schema(for name: String) -> Unmanaged<SchemaNode>? {
        if let index {
            guard let position = index[ScalarKey(name)] else { return nil }
            return schemas[position]
        }
        for position in names.indices where JSONValue.sameScalars(names[position], name) {
            return schemas[position]
        }
        return nil
    }
}
