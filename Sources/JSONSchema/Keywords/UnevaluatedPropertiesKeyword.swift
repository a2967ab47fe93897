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
