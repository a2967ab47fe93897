/// `multipleOf`, exact on decimals.
final class MultipleOfKeyword: Keyword, @unchecked Sendable {
    let divisor: JSONNumber

    init(node: SchemaNode, divisor: JSONNumber) {
        self.divisor = divisor
        super.init(name: "multipleOf", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .number(let number) = instance else { return true }
        if number.isMultiple(of: divisor) { return true }
        context.report(self, .notMultipleOf(divisor: divisor, actual: number))
        return false
    }
}
