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
