import JSONSchema

/// Titles of description members read from the JSON Schema (`title` in English,
/// `x-title-fr` in French), following local `$ref`s and `allOf`/`anyOf`/`oneOf` branches.
public struct SchemaTitles: Sendable {
    let root: JSONValue

    /// Reads titles from a schema (normally the bundled `codesocial.schema.json`).
    public init(schema: JSONValue) { self.root = schema }

    /// The title of the member at `path` (member names from the root; list elements are
    /// passed through transparently), or `nil` when the schema has none.
    /// - Parameters:
    ///   - path: member names, e.g. `["models", "economic", "revenue_streams"]`.
    ///   - language: which title to return (English falls back to French and back).
    public func title(for path: [String], in language: DisplayLanguage) -> String? {
        guard let node = schema(at: path) else { return nil }
        let keys = language == .french ? ["x-title-fr", "title"] : ["title", "x-title-fr"]
        for key in keys {
            for candidate in branches(node) {
                if case .object(let object) = candidate, case .string(let title)? = object[key] { return title }
            }
        }
        return nil
    }

    /// The order in which the schema lists the members of the object at `path`.
    public func memberOrder(at path: [String]) -> [String] {
        guard let node = schema(at: path) else { return [] }
        var order: [String] = []
        for candidate in branches(node) {
            if case .object(let object) = candidate, case .object(let properties)? = object["properties"] {
                for key in properties.keys where !order.contains(key) { order.append(key) }
            }
        }
        return order
    }

    /// The subschema describing the member at `path`.
    func schema(at path: [String]) -> JSONValue? {
        var node = root
        for key in path {
            guard let next = child(of: node, named: key) else { return nil }
            node = next
        }
        return node
    }

    /// The subschema of member `key` in `node`, looking through `items` and branches.
    func child(of node: JSONValue, named key: String) -> JSONValue? {
        for candidate in branches(node) {
            guard case .object(let object) = candidate else { continue }
            if case .object(let properties)? = object["properties"], let found = properties[key] { return found }
        }
        for candidate in branches(node) {
            guard case .object(let object) = candidate else { continue }
            if let items = object["items"], let found = child(of: items, named: key) { return found }
        }
        return nil
    }

    /// The node itself and every schema reachable from it through `$ref`, `allOf`, `anyOf`,
    /// `oneOf`, `then` and `else` (bounded, cycles cut).
    func branches(_ node: JSONValue) -> [JSONValue] {
        var result: [JSONValue] = []
        var pending = [node]
        var visitedRefs = Set<String>()
        while let current = pending.popLast(), result.count < 64 {
            result.append(current)
            guard case .object(let object) = current else { continue }
            if case .string(let ref)? = object["$ref"], visitedRefs.insert(ref).inserted, let target = resolve(ref) {
                pending.insert(target, at: 0)
            }
            for keyword in ["allOf", "anyOf", "oneOf"] {
                if case .array(let list)? = object[keyword] { pending.insert(contentsOf: list.reversed(), at: 0) }
            }
            for keyword in ["then", "else"] {
                if let branch = object[keyword] { pending.insert(branch, at: 0) }
            }
        }
        return result
    }

    /// Resolves a local reference (`#/$defs/text`).
    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for raw in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let object):
                guard let next = object[token] else { return nil }
                node = next
            case .array(let list):
                guard let index = Int(token), list.indices.contains(index) else { return nil }
                node = list[index]
            default:
                return nil
            }
        }
        return node
    }
}
