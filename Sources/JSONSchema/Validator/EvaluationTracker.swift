/// What the keywords of one schema (and its valid in-place subschemas) evaluated in one
/// instance: object members by position, array items by index. Only created when an
/// `unevaluatedProperties`/`unevaluatedItems` keyword can observe it.
final class EvaluationTracker {
    private(set) var properties: [Bool] = []
    private(set) var items: [Bool] = []
    private(set) var allItems = false
    private(set) var allProperties = false

    @inline(__always)
    func markProperty(_ position: Int, of count: Int) {
        if properties.count < count { properties += repeatElement(false, count: count - properties.count) }
        properties[position] = true
    }

    func markAllProperties() { allProperties = true }

    @inline(__always)
    func markItem(_ index: Int, of count: Int) {
        if items.count < count { items += repeatElement(false, count: count - items.count) }
        items[index] = true
    }

    func markItems(upTo end: Int, of count: Int) {
        guard end > 0 else { return }
        if items.count < count { items += repeatElement(false, count: count - items.count) }
        for index in 0..<min(end, count) { items[index] = true }
    }

    func markAllItems() { allItems = true }

    func isPropertyEvaluated(_ position: Int) -> Bool {
        allProperties || (position < properties.count && properties[position])
    }

    func isItemEvaluated(_ index: Int) -> Bool {
        allItems || (index < items.count && items[index])
    }

    /// Adds what `other` evaluated.
    func merge(_ other: EvaluationTracker) {
        allItems = allItems || other.allItems
        allProperties = allProperties || other.allProperties
        if !other.properties.isEmpty {
            if properties.count < other.properties.count { properties += repeatElement(false, count: other.properties.count - properties.count) }
            for (position, evaluated) in other.properties.enumerated() where evaluated { properties[position] = true }
        }
        if !other.items.isEmpty {
            if items.count < other.items.count { items += repeatElement(false, count: other.items.count - items.count) }
            for (index, evaluated) in other.items.enumerated() where evaluated { items[index] = true }
        }
    }
}
