import JSONSchema

/// Follows an evaluation path (`keywordLocation`) through a schema document, resolving
/// local `$ref`s (`#/$defs/...`) on the way.
enum SchemaWalk {
    /// The subschema at the end of `path`, nil when it leaves the document.
    static func resolve(_ path: JSONPointer, in root: JSONValue) -> JSONValue? {
        var current = root
        for token in path.tokens {
            if token == "$ref" {
                guard let target = reference(current["$ref"], in: root) else { return nil }
                current = target
                continue
            }
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(token), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The `$defs` name of the last local `$ref` followed along `path` (`date` for
    /// `…/$ref/pattern` when the `$ref` is `#/$defs/date`).
    static func lastDefinition(along path: JSONPointer, in root: JSONValue) -> String? {
        var current = root
        var last: String?
        for token in path.tokens {
            if token == "$ref" {
                guard let text = current["$ref"]?.stringValue, let target = reference(current["$ref"], in: root) else { return last }
                if text.hasPrefix("#/$defs/") { last = String(text.dropFirst("#/$defs/".count)) }
                current = target
                continue
            }
            guard let next = current[token] ?? Int(token).flatMap({ current[$0] }) else { return last }
            current = next
        }
        return last
    }

    private static func reference(_ value: JSONValue?, in root: JSONValue) -> JSONValue? {
        guard let text = value?.stringValue, text.hasPrefix("#"), let pointer = JSONPointer(String(text.dropFirst())) else { return nil }
        return root[pointer]
    }
}
