/// `format` as an assertion (only compiled when asserting).
final class FormatKeyword: Keyword, @unchecked Sendable {
    let format: String

    init(node: SchemaNode, format: String) {
        self.format = format
        super.init(name: "format", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .string(let string) = instance else { return true }
        if FormatChecker.check(format, string) != false { return true }
        context.report(self, .invalidFormat(format: format, actual: string))
        return false
    }
}
