/// `minimum`, `exclusiveMinimum`, `maximum`, `exclusiveMaximum`.
final class BoundKeyword: Keyword, @unchecked Sendable {
    let limit: JSONNumber
    let isMinimum: Bool
    let exclusive: Bool

    init(node: SchemaNode, name: String, limit: JSONNumber) {
        self.limit = limit
        self.isMinimum = name.hasSuffix("inimum")
        self.exclusive = name.hasPrefix("exclusive")
        super.init(name: name, node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .number(let number) = instance else { return true }
        let order = JSONNumber.compare(number, limit)
        let valid = isMinimum ? (exclusive ? order > 0 : order >= 0) : (exclusive ? order < 0 : order <= 0)
        if valid { return true }
        context.report(self, isMinimum ? .belowMinimum(limit: limit, exclusive: exclusive, actual: number) : .aboveMaximum(limit: limit, exclusive: exclusive, actual: number))
        return false
    }
}
