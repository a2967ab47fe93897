/// `prefixItems` and `items` of one schema.
final class ItemsKeyword: Keyword, @unchecked Sendable {
    let prefix: [SchemaNode]
    let prefixIndexes: [String]
    let items: SchemaNode?
    /// `items: false`: report how many items are allowed instead of a bare failure.
    let itemsForbidden: Bool

    init(node: SchemaNode, prefix: [SchemaNode], items: SchemaNode?, itemsForbidden: Bool) {
        self.prefix = prefix
        self.prefixIndexes = prefix.indices.map(String.init)
        self.items = items
        self.itemsForbidden = itemsForbidden
        super.init(name: items != nil ? "items" : "prefixItems", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance else { return true }
        var valid = true
        let count = array.count
        let prefixEnd = min(prefix.count, count)
        for index in 0..<prefixEnd where !context.applyToItem(prefix[index], array[index], index: index, "prefixItems", prefixIndexes[index]) {
            valid = false
            if !context.exhaustive { return false }
        }
        if let items, count > prefix.count {
            for index in prefix.count..<count {
                if itemsForbidden {
                    valid = false
                    guard context.exhaustive else { return false }
                    context.report(self, .additionalItemNotAllowed(index: index, limit: prefix.count), instanceToken: String(index), as: "items")
                } else if !context.applyToItem(items, array[index], index: index, "items") {
                    valid = false
                    if !context.exhaustive { return false }
                }
            }
        }
        if let tracker = context.tracker {
            if items != nil { tracker.markAllItems() } else { tracker.markItems(upTo: prefixEnd, of: count) }
        }
        return valid
    }
}
