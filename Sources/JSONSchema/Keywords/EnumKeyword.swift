/// `enum`, with a hash set for larger lists.
final class EnumKeyword: Keyword, @unchecked Sendable {
    let values: [JSONValue]
    let set: Set<JSONValue>?

    init(node: SchemaNode, values: [JSONValue]) {
        self.values = values
        self.set = values.count > 6 ? Set(values) : nil
        super.init(name: "enum", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if let set { if set.contains(instance) { return true } } else if values.contains(instance) { return true }
        context.report(self, .notInEnum(allowed: values, actual: instance))
        return false
    }
}
