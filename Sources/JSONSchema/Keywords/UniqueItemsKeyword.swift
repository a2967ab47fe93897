/// `uniqueItems: true`: hashes items (JSON equality: `1 == 1.0`), linear in the count.
final class UniqueItemsKeyword: Keyword, @unchecked Sendable {
    init(node: SchemaNode) { super.init(name: "uniqueItems", node: node) }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance, array.count > 1 else { return true }
        if array.count <= 8 {
            for i in 1..<array.count {
                for j in 0..<i where array[j] == array[i] {
                    context.report(self, .duplicateItems(first: j, second: i))
                    return false
                }
            }
            return true
        }
        var seen = [JSONValue: Int](minimumCapacity: array.count)
        for (index, item) in array.enumerated() {
            if let first = seen.updateValue(index, forKey: item) {
                context.report(self, .duplicateItems(first: first, second: index))
                return false
            }
        }
        return true
    }
}
