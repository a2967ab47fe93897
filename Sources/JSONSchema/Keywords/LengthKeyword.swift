/// `minLength` / `maxLength`, in Unicode code points.
final class LengthKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    let isMinimum: Bool

    init(node: SchemaNode, limit: Int, isMinimum: Bool) {
        self.limit = limit
        self.isMinimum = isMinimum
        super.init(name: isMinimum ? "minLength" : "maxLength", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .string(let string) = instance else { return true }
        let bytes = string.utf8.count
        // Code points never outnumber UTF-8 bytes, and are at least a quarter of them.
        if isMinimum {
            if limit <= Int.max / 4 && bytes >= limit * 4 { return true }
        } else if bytes <= limit {
            return true
        }
        let length = string.unicodeScalars.count
        if isMinimum ? length >= limit : length <= limit { return true }
        context.report(self, isMinimum ? .tooShort(limit: limit, actual: length) : .tooLong(limit: limit, actual: length))
        return false
    }
}
