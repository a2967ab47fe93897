/// `$dynamicRef`: like `$ref`, except that when the initial target carries a matching
/// `$dynamicAnchor`, the outermost resource of the dynamic scope with that anchor wins.
final class DynamicRefKeyword: Keyword, @unchecked Sendable {
    unowned(unsafe) var initial: SchemaNode
    /// The anchor name, when the initial target is a `$dynamicAnchor` of that name.
    let anchor: String?

    init(node: SchemaNode, initial: SchemaNode, anchor: String?) {
        self.initial = initial
        self.anchor = anchor
        super.init(name: "$dynamicRef", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        var target = initial
        if let anchor {
            for resource in context.scope {
                if let dynamic = resource.dynamicAnchors[anchor] {
                    target = dynamic
                    break
                }
            }
        }
        guard context.enterReference(target) else { return false }
        defer { context.depth -= 1 }
        return context.applyInPlace(target, instance, "$dynamicRef")
    }
}
