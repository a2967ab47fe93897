/// Property name → subschema: a linear scan for a few names (faster than hashing), a hash
/// table beyond. Names compare by Unicode scalars, as JSON does.
struct PropertyTable {
    private let names: [String]
    /// Length and first bytes of each name, for the linear scan.
    private let prefixes: [ScalarPrefix]
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
        self.prefixes = names.map(ScalarPrefix.init)
        self.schemas = schemas
        self.index = names.count > 8 ? index : nil
    }

    /// The position of `name` in the table (names are unique), if it is there.
    func position(of name: String) -> Int? {
        if let index { return index[ScalarKey(name)] }
        return names.firstIndex { JSONValue.sameScalars($0, name) }
    }

    /// The subschema of `name` and its position in the table, if any.
    @inline(__always)
    func schema(for name: String) -> (schema: Unmanaged<SchemaNode>, position: Int)? {
        if let index {
            guard let position = index[ScalarKey(name)] else { return nil }
            return (schemas[position], position)
        }
        // Borrow the names: subscripting the array would copy (retain) each one.
        let prefix = ScalarPrefix(name)
        let position = names.withUnsafeBufferPointer { names in
            prefixes.withUnsafeBufferPointer { prefixes -> Int? in
                for position in 0..<names.count where ScalarPrefix.same(names[position], prefixes[position], name, prefix) {
                    return position
                }
                return nil
            }
        }
        guard let position else { return nil }
        return (schemas[position], position)
    }
}
