import JSONSchema

/// A read-only view of one subschema of the bundled schema, for the generators that document it
/// (the scaffold and the field reference).
///
/// A local `$ref` (`#/$defs/name`) is followed: keywords written next to the `$ref` win, the
/// referenced definition supplies the rest. Only the annotations and the structural keywords the
/// generators need are exposed.
struct SchemaNode {
    /// The subschema's own keywords.
    let schema: JSONObject
    /// The root schema, for resolving `$ref`.
    let root: JSONObject
    /// How many `$ref`s were followed to reach this node (bounds cycles).
    private let depth: Int

    /// A view of the root schema.
    init(root: JSONObject) {
        self.init(schema: root, root: root, depth: 0)
    }

    init(schema: JSONObject, root: JSONObject, depth: Int = 0) {
        self.schema = schema
        self.root = root
        self.depth = depth
    }

    /// The name of the `$defs` entry this node refers to (`text`, `date`, …), if any.
    var refName: String? {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/$defs/") else { return nil }
        return String(reference.dropFirst("#/$defs/".count))
    }

    /// The definition behind `$ref` (itself resolved on demand), if any.
    var target: SchemaNode? {
        guard depth < 16, let name = refName, case .object(let definition)? = root["$defs"]?[name] else { return nil }
        return SchemaNode(schema: definition, root: root, depth: depth + 1)
    }

    private func child(_ schema: JSONObject) -> SchemaNode {
        SchemaNode(schema: schema, root: root, depth: 0)
    }

    /// The value of `keyword` here, else behind `$ref`.
    subscript(keyword: String) -> JSONValue? {
        schema[keyword] ?? target?[keyword]
    }

    /// The `title` in `language` (`x-title-fr` for French), falling back to English.
    func title(_ language: Language) -> String? {
        annotation("title", language)
    }

    /// The `description` in `language` (`x-description-fr` for French), falling back to English.
    func description(_ language: Language) -> String? {
        annotation("description", language)
    }

    private func annotation(_ name: String, _ language: Language) -> String? {
        if language == .fr, case .string(let text)? = schema["x-\(name)-fr"] { return text }
        if case .string(let text)? = schema[name] { return text }
        return target?.annotation(name, language)
    }

    /// The JSON types this node accepts (`type` as a string or a list), empty when unconstrained.
    var types: [String] {
        switch self["type"] {
        case .string(let type)?: [type]
        case .array(let types)?: types.compactMap(\.stringValue)
        default: []
        }
    }

    /// Whether `null` is accepted (an empty value in a scaffold).
    var acceptsNull: Bool { types.contains("null") }

    /// The named properties, in schema order.
    var properties: [(name: String, node: SchemaNode)] {
        guard case .object(let properties)? = self["properties"] else { return [] }
        return properties.compactMap { member in
            guard case .object(let schema) = member.value else { return nil }
            return (member.key, child(schema))
        }
    }

    /// The required property names.
    var required: Set<String> {
        Set((self["required"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// The schema of array items, if any.
    var items: SchemaNode? {
        guard case .object(let schema)? = self["items"] else { return nil }
        return child(schema)
    }

    /// The schema of other members of a map (`additionalProperties` as a schema), if any.
    var additionalProperties: SchemaNode? {
        guard case .object(let schema)? = self["additionalProperties"] else { return nil }
        return child(schema)
    }

    /// The allowed values (`enum`), as strings.
    var enumValues: [String] {
        (self["enum"]?.arrayValue ?? []).map { $0.stringValue ?? $0.description }
    }

    /// The `const` value, if any.
    var constValue: JSONValue? { self["const"] }

    /// Whether the node is an object whose named properties (other than `not_applicable`) are keys
    /// to write out or document one by one.
    var isMapping: Bool {
        types.contains("object") && properties.contains { $0.name != "not_applicable" }
    }

    /// Whether the node is a section: a mapping, or a list of mappings.
    var isSection: Bool {
        isMapping || items?.isMapping == true
    }

    /// Whether the node is a section that can be replaced by `not_applicable: <reason>`.
    var acceptsNotApplicable: Bool {
        properties.contains { $0.name == "not_applicable" }
    }

    /// The `$id` of the schema.
    var id: String? { root["$id"]?.stringValue }
}

extension SchemaNode {
    /// The named definitions (`$defs`) of the root schema, in schema order.
    var definitions: [(name: String, node: SchemaNode)] {
        guard case .object(let definitions)? = root["$defs"] else { return [] }
        return definitions.compactMap { member in
            guard case .object(let schema) = member.value else { return nil }
            return (member.key, SchemaNode(schema: schema, root: root))
        }
    }
}
