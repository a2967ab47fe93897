/// `$ref`: applies the referenced schema, resolved at compile time.
final class RefKeyword: Keyword, @unchecked Sendable {
    /// The target, owned by the validator's arena (references may form cycles).
    let target: Unmanaged<SchemaNode>

    init(node: SchemaNode, target: SchemaNode) {
        self.target = Unmanaged.passUnretained(target)
        super.init(name: "$ref", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        target._withUnsafeGuaranteedRef { target in
            guard context.enterReference(target) else { return false }
            defer { context.depth -= 1 }
            return context.applyInPlace(target, instance, "$ref")
        }
    }
}
