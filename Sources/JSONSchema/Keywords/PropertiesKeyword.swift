/// `properties`, `patternProperties` and `additionalProperties` of one schema, evaluated
/// in one pass over the instance's members.
final class PropertiesKeyword: Keyword, @unchecked Sendable {
    struct PatternSchema {
        let pattern: String
        let regex: PatternMatcher
        /// Owned by the validator's arena, like every node.
        let schema: Unmanaged<SchemaNode>

        init(pattern: String, regex: PatternMatcher, schema: SchemaNode) {
            self.pattern = pattern
            self.regex = regex
            self.schema = Unmanaged.passUnretained(schema)
        }
    }

    let properties: PropertyTable
    let patterns: [PatternSchema]
    let additional: SchemaNode?
    /// `additionalProperties: false`: report the names that are allowed instead of a bare failure.
    let additionalForbidden: Bool
    let allowedNames: [String]
    /// Flag mode only: the table positions of the sibling `required` names, when every one of
    /// them is a `properties` name at a position below 64 (set by the compiler, which then
    /// lets ``RequiredKeyword`` skip its own scan in flag mode). The member walk records the
    /// positions it meets and fails when one of these is missing.
    private(set) var requiredMask: UInt64 = 0

    /// Takes over the flag-mode check of the sibling `required`, if every name is a
    /// `properties` name; returns whether it did.
    func absorbRequired(_ names: [String]) -> Bool {
        var mask: UInt64 = 0
        for name in names {
            guard let position = properties.position(of: name), position < 64 else { return false }
            mask |= 1 << UInt64(position)
        }
        requiredMask = mask
        return true
    }

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
        // Index the members in place (`let member = members[i]` would copy each key and value)
        // and borrow the patterns through a buffer pointer (each would be copied otherwise).
        // Through buffer pointers each member value is passed to its subschema borrowed from
        // the object's storage (`members[position].value` on the array copies the payload).
        return object.members.withUnsafeBufferPointer { members in
            patterns.withUnsafeBufferPointer { patterns in
                validate(members, patterns, context)
            }
        }
    }

    @inline(__always)
    private func validate(_ members: UnsafeBufferPointer<JSONObject.Element>, _ patterns: UnsafeBufferPointer<PatternSchema>, _ context: Evaluation) -> Bool {
        var valid = true
        let tracker = context.tracker
        let count = members.count
        // Required `properties` names met so far (flag mode; see `requiredMask`).
        var seen: UInt64 = 0
        for position in 0..<count {
            var matched = false
            if let (schema, tablePosition) = properties.schema(for: members[position].key) {
                matched = true
                if tablePosition < 64 { seen |= 1 << UInt64(tablePosition) }
                let ok = schema._withUnsafeGuaranteedRef {
                    context.applyToMember($0, members[position].value, key: members[position].key, "properties", members[position].key)
                }
                if !ok {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
            for index in 0..<patterns.count {
                let outcome = context.match(patterns[index].regex, members[position].key)
                if outcome == .timedOut {
                    context.report(self, .patternTimeout(pattern: patterns[index].pattern, limit: context.regexTimeout),
                                   keywordTokens: [patterns[index].pattern], instanceToken: members[position].key, as: "patternProperties")
                    valid = false
                    if !context.exhaustive { return false }
                    continue
                }
                guard outcome == .matched else { continue }
                matched = true
                let ok = patterns[index].schema._withUnsafeGuaranteedRef {
                    context.applyToMember($0, members[position].value, key: members[position].key, "patternProperties", patterns[index].pattern)
                }
                if !ok {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
            if !matched, let additional = self.additional {
                matched = true
                if additionalForbidden {
                    context.report(self, .additionalPropertyNotAllowed(name: members[position].key, allowed: allowedNames),
                                   instanceToken: members[position].key, as: "additionalProperties")
                    valid = false
                    if !context.exhaustive { return false }
                } else if !context.applyToMember(additional, members[position].value, key: members[position].key, "additionalProperties") {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
            if matched, let tracker { tracker.markProperty(position, of: count) }
        }
        if !context.exhaustive, seen & requiredMask != requiredMask { return false }
        return valid
    }

}
