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

/// `contains` with `minContains` / `maxContains`.
final class ContainsKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode
    let minimum: Int
    let maximum: Int?
    let minimumIsExplicit: Bool

    init(node: SchemaNode, schema: SchemaNode, minimum: Int?, maximum: Int?) {
        self.schema = schema
        self.minimum = minimum ?? 1
        self.minimumIsExplicit = minimum != nil
        self.maximum = maximum
        super.init(name: "contains", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance else { return true }
        let tracker = context.tracker
        let canStop = tracker == nil && maximum == nil
        var matches = 0
        let saved = context.errors.count
        for (index, item) in array.enumerated() where context.applyToItem(schema, item, index: index, "contains") {
            matches += 1
            tracker?.markItem(index, of: array.count)
            if canStop, matches >= minimum { break }
        }
        if context.exhaustive { context.errors.removeSubrange(saved...) }
        if matches < minimum {
            context.report(self, .tooFewContains(limit: minimum, actual: matches), as: minimumIsExplicit ? "minContains" : "contains")
            return false
        }
        if let maximum, matches > maximum {
            context.report(self, .tooManyContains(limit: maximum, actual: matches), as: "maxContains")
            return false
        }
        return true
    }
}

/// `minItems` / `maxItems`.
final class ItemCountKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    let isMinimum: Bool

    init(node: SchemaNode, limit: Int, isMinimum: Bool) {
        self.limit = limit
        self.isMinimum = isMinimum
        super.init(name: isMinimum ? "minItems" : "maxItems", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance else { return true }
        let count = array.count
        if isMinimum ? count >= limit : count <= limit { return true }
        context.report(self, isMinimum ? .tooFewItems(limit: limit, actual: count) : .tooManyItems(limit: limit, actual: count))
        return false
    }
}

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

/// `unevaluatedItems`: applies to items no other keyword of this schema (or of its valid
/// in-place subschemas) evaluated.
final class UnevaluatedItemsKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode
    let forbidden: Bool

    init(node: SchemaNode, schema: SchemaNode, forbidden: Bool) {
        self.schema = schema
        self.forbidden = forbidden
        super.init(name: "unevaluatedItems", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .array(let array) = instance, let tracker = context.tracker else { return true }
        var valid = true
        for index in array.indices where !tracker.isItemEvaluated(index) {
            if forbidden {
                valid = false
                guard context.exhaustive else { return false }
                context.report(self, .unevaluatedItemNotAllowed(index: index), instanceToken: String(index))
            } else if context.applyToItem(schema, array[index], index: index, "unevaluatedItems") {
                tracker.markItem(index, of: array.count)
            } else {
                valid = false
                if !context.exhaustive { return false }
            }
        }
        return valid
    }
}
