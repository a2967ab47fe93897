import JSONSchema

/// Finds every value whose schema is one of the shared `$defs` shapes (`date`, `url`,
/// `email`, `language_tag`, `spdx_id`, `duration`, `text`, …), so that semantic rules check
/// exactly the values the schema types that way, without a second list of paths to keep in
/// step with the schema.
///
/// The schema is compiled once into a plan (properties, `additionalProperties` and `items`
/// with local `$ref`s resolved); walking a document then costs one dictionary look-up per
/// member and builds no pointer unless a rule reports something.
struct FormatWalk: Sendable {
    /// What to do with a value.
    indirect enum Plan: Sendable {
        /// Report the value as being of this `$defs` shape.
        case visit(String)
        /// Descend into members and elements.
        case container(properties: [String: Plan], additional: Plan?, items: Plan?)
        /// Nothing to check below.
        case none
    }

    private let plan: Plan

    /// Compiles `schema`'s plan for the `$defs` named in `definitions`.
    init(schema: JSONValue, definitions: Set<String>) {
        plan = FormatWalk.compile(schema, root: schema, definitions: definitions, depth: 0)
    }

    private static func compile(_ node: JSONValue, root: JSONValue, definitions: Set<String>, depth: Int) -> Plan {
        guard depth < 48, case .object(let object) = node else { return .none }
        var base: Plan = .none
        if let reference = object["$ref"]?.stringValue, reference.hasPrefix("#/$defs/") {
            let name = String(reference.dropFirst("#/$defs/".count))
            if definitions.contains(name) { return .visit(name) }
            if let target = root["$defs"]?[name] {
                base = compile(target, root: root, definitions: definitions, depth: depth + 1)
            }
        }
        var properties: [String: Plan] = [:]
        var additional: Plan?
        var items: Plan?
        if case .container(let baseProperties, let baseAdditional, let baseItems) = base {
            properties = baseProperties
            additional = baseAdditional
            items = baseItems
        }
        for member in object["properties"]?.objectValue ?? JSONObject() {
            let sub = compile(member.value, root: root, definitions: definitions, depth: depth + 1)
            if case .none = sub { continue }
            properties[member.key] = sub
        }
        if let sub = object["additionalProperties"], sub.objectValue != nil {
            let compiled = compile(sub, root: root, definitions: definitions, depth: depth + 1)
            if case .none = compiled {} else { additional = compiled }
        }
        if let sub = object["items"] {
            let compiled = compile(sub, root: root, definitions: definitions, depth: depth + 1)
            if case .none = compiled {} else { items = compiled }
        }
        if properties.isEmpty && additional == nil && items == nil { return .none }
        return .container(properties: properties, additional: additional, items: items)
    }

    /// Calls `visit(definition, value, path)` for every value typed by one of the definitions;
    /// `path` holds the pointer's tokens (valid during the call only).
    func walk(_ document: JSONValue, visit: (String, JSONValue, [String]) -> Void) {
        var path: [String] = []
        walk(plan, document, &path, visit)
    }

    private func walk(_ plan: Plan, _ value: JSONValue, _ path: inout [String], _ visit: (String, JSONValue, [String]) -> Void) {
        switch plan {
        case .none:
            return
        case .visit(let name):
            visit(name, value, path)
        case .container(let properties, let additional, let items):
            switch value {
            case .object(let object):
                for member in object {
                    let sub: Plan?
                    if let declared = properties[member.key] {
                        sub = declared
                    } else if !member.key.hasPrefix("x-") {
                        sub = additional
                    } else {
                        sub = nil
                    }
                    guard let sub else { continue }
                    path.append(member.key)
                    walk(sub, member.value, &path, visit)
                    path.removeLast()
                }
            case .array(let elements):
                guard let items else { return }
                for (index, element) in elements.enumerated() {
                    path.append(String(index))
                    walk(items, element, &path, visit)
                    path.removeLast()
                }
            default:
                return
            }
        }
    }
}
