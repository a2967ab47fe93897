import JSONSchema

/// Walks a document alongside the description schema and reports every value whose schema
/// is one of the shared `$defs` shapes (`date`, `url`, `email`, `language_tag`, `spdx_id`,
/// `duration`, `text`, …), so that semantic rules check exactly the values the schema
/// types that way, without a second list of paths to keep in step.
struct FormatWalk {
    let schema: JSONValue
    /// The `$defs` names to report.
    let definitions: Set<String>
    private let maxDepth = 64

    /// Calls `visit(definition, value, pointer)` for every value typed by one of `definitions`.
    func walk(_ document: JSONValue, visit: (String, JSONValue, JSONPointer) -> Void) {
        walk(schema: schema, value: document, pointer: .root, depth: 0, visit: visit)
    }

    private func walk(schema node: JSONValue, value: JSONValue, pointer: JSONPointer, depth: Int, visit: (String, JSONValue, JSONPointer) -> Void) {
        guard depth < maxDepth, case .object(let schemaObject) = node else { return }
        if let reference = schemaObject["$ref"]?.stringValue, reference.hasPrefix("#/$defs/") {
            let name = String(reference.dropFirst("#/$defs/".count))
            if definitions.contains(name) {
                visit(name, value, pointer)
                return
            }
            if let target = schema["$defs"]?[name] {
                walk(schema: target, value: value, pointer: pointer, depth: depth + 1, visit: visit)
            }
        }
        switch value {
        case .object(let object):
            let properties = schemaObject["properties"]?.objectValue
            for member in object {
                if let sub = properties?[member.key] {
                    walk(schema: sub, value: member.value, pointer: pointer.appending(member.key), depth: depth + 1, visit: visit)
                } else if let additional = schemaObject["additionalProperties"], additional.objectValue != nil, !member.key.hasPrefix("x-") {
                    walk(schema: additional, value: member.value, pointer: pointer.appending(member.key), depth: depth + 1, visit: visit)
                }
            }
        case .array(let elements):
            if let items = schemaObject["items"] {
                for (index, element) in elements.enumerated() {
                    walk(schema: items, value: element, pointer: pointer.appending(index: index), depth: depth + 1, visit: visit)
                }
            }
        default:
            break
        }
    }
}
