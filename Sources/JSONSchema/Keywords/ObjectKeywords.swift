/// `properties`, `patternProperties` and `additionalProperties` of one schema, evaluated
/// in one pass over the instance's members.
final class PropertiesKeyword: Keyword, @unchecked Sendable {
    struct PatternSchema {
        let pattern: String
        let regex: PatternMatcher
        let schema: SchemaNode
    }

    let properties: PropertyTable
    let patterns: [PatternSchema]
    let additional: SchemaNode?
    /// `additionalProperties: false`: report the names that are allowed instead of a bare failure.
    let additionalForbidden: Bool
    let allowedNames: [String]

    init(node: SchemaNode, properties: [(String, SchemaNode)], patterns: [PatternSchema], additional: SchemaNode?, additionalForbidden: Bool) {
        self.properties = PropertyTable(properties)
        self.patterns = patterns
        self.additional = additional
        self.additionalForbidden = additionalForbidden
        self.allowedNames = properties.map(\.0)
        super.init(name: !properties.isEmpty ? "properties" : (!patterns.isEmpty ? "patternProperties" : "additionalProperties"), node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        let tracker = context.tracker
        let count = object.count
        for position in 0..<count {
            let member = object.members[position]
            var matched = false
            if let schema = properties.schema(for: member.key) {
                matched = true
                let ok = schema._withUnsafeGuaranteedRef {
                    context.applyToMember($0, member.value, key: member.key, "properties", member.key)
                }
                if !ok {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
            for pattern in patterns {
                let outcome = context.match(pattern.regex, member.key)
                if outcome == .timedOut {
                    context.report(self, .patternTimeout(pattern: pattern.pattern, limit: context.regexTimeout),
                                   keywordTokens: [pattern.pattern], instanceToken: member.key, as: "patternProperties")
                    valid = false
                    if !context.exhaustive { return false }
                    continue
                }
                guard outcome == .matched else { continue }
                matched = true
                if !context.applyToMember(pattern.schema, member.value, key: member.key, "patternProperties", pattern.pattern) {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
            if !matched, let additional {
                matched = true
                if additionalForbidden {
                    context.report(self, .additionalPropertyNotAllowed(name: member.key, allowed: allowedNames),
                                   instanceToken: member.key, as: "additionalProperties")
                    valid = false
                    if !context.exhaustive { return false }
                } else if !context.applyToMember(additional, member.value, key: member.key, "additionalProperties") {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
            if matched, let tracker { tracker.markProperty(position, of: count) }
        }
        return valid
    }

}

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

/// `required`.
final class RequiredKeyword: Keyword, @unchecked Sendable {
    let names: [String]

    init(node: SchemaNode, names: [String]) {
        self.names = names
        super.init(name: "required", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for name in names where object.index(forKey: name) == nil {
            valid = false
            guard context.exhaustive else { return false }
            context.report(self, .missingProperty(property: name))
        }
        return valid
    }
}

/// `dependentRequired`.
final class DependentRequiredKeyword: Keyword, @unchecked Sendable {
    let dependencies: [(property: String, required: [String])]

    init(node: SchemaNode, name: String = "dependentRequired", dependencies: [(property: String, required: [String])]) {
        self.dependencies = dependencies
        super.init(name: name, node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, required) in dependencies where object.index(forKey: property) != nil {
            for name in required where object.index(forKey: name) == nil {
                valid = false
                guard context.exhaustive else { return false }
                context.report(self, .missingDependentProperty(property: name, dependency: property), keywordTokens: [property])
            }
        }
        return valid
    }
}

/// `minProperties` / `maxProperties`.
final class PropertyCountKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    let isMinimum: Bool

    init(node: SchemaNode, limit: Int, isMinimum: Bool) {
        self.limit = limit
        self.isMinimum = isMinimum
        super.init(name: isMinimum ? "minProperties" : "maxProperties", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        let count = object.count
        if isMinimum ? count >= limit : count <= limit { return true }
        context.report(self, isMinimum ? .tooFewProperties(limit: limit, actual: count) : .tooManyProperties(limit: limit, actual: count))
        return false
    }
}

/// `unevaluatedProperties`: applies to members no other keyword of this schema (or of its
/// valid in-place subschemas) evaluated.
final class UnevaluatedPropertiesKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode
    let forbidden: Bool
    let allowedNames: [String]

    init(node: SchemaNode, schema: SchemaNode, forbidden: Bool, allowedNames: [String]) {
        self.schema = schema
        self.forbidden = forbidden
        self.allowedNames = allowedNames
        super.init(name: "unevaluatedProperties", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance, let tracker = context.tracker else { return true }
        var valid = true
        let count = object.count
        for position in 0..<count where !tracker.isPropertyEvaluated(position) {
            let member = object.members[position]
            if forbidden {
                valid = false
                guard context.exhaustive else { return false }
                context.report(self, .unevaluatedPropertyNotAllowed(name: member.key, allowed: allowedNames), instanceToken: member.key)
            } else if context.applyToMember(schema, member.value, key: member.key, "unevaluatedProperties") {
                tracker.markProperty(position, of: count)
            } else {
                valid = false
                if !context.exhaustive { return false }
            }
        }
        return valid
    }
}

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
