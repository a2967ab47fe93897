/// `const`.
final class ConstKeyword: Keyword, @unchecked Sendable {
    let value: JSONValue

    init(node: SchemaNode, value: JSONValue) {
        self.value = value
        super.init(name: "const", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if instance == value { return true }
        context.report(self, .notConst(expected: value, actual: instance))
        return false
    }
}
