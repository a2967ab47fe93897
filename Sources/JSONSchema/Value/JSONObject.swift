/// A JSON object: members in source order, with constant-time look-up by key.
///
/// Small objects are searched linearly (faster than hashing for a handful of keys); larger
/// ones carry a hash index built once. Equality ignores member order, as JSON does.
/// Front ends reject duplicate keys before building an object; if duplicates are passed
/// anyway, look-up returns the last member with that key.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// One member of an object.
    public typealias Element = (key: String, value: JSONValue)
    /// Positions of members, in source order.
    public typealias Index = Int

    /// Members in source order.
    public let members: [Element]
    /// Key → index of the last member with that key; only for objects above `indexThreshold`.
    private let index: [ScalarKey: Int]?

    private static let indexThreshold = 12

    /// Creates an object from members in order.
    public init(_ members: [(String, JSONValue)]) {
        self.init(elements: members.map { (key: $0.0, value: $0.1) })
    }

    /// Creates an object from labelled members in order.
    public init(elements: [Element]) {
        self.members = elements
        if elements.count > JSONObject.indexThreshold {
            var index = [ScalarKey: Int](minimumCapacity: elements.count)
            for (position, member) in elements.enumerated() { index[ScalarKey(member.key)] = position }
            self.index = index
        } else {
            self.index = nil
        }
    }

    /// The empty object.
    public init() { self.init(elements: []) }

    /// The value of the member named `key`, if any.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        guard let position = index(forKey: key) else { return nil }
        return members[position].value
    }

    /// The position of the member named `key`, if any.
    public func index(forKey key: String) -> Int? {
        if let index { return index[ScalarKey(key)] }
        // Borrow the members: subscripting the array would copy each key.
        return members.withUnsafeBufferPointer { members in
            var position = members.count - 1
            while position >= 0 {
                if JSONValue.sameScalars(members[position].key, key) { return position }
                position -= 1
            }
            return nil
        }
    }

    /// Whether look-ups go through a hash index (objects above `indexThreshold` members).
    var isHashed: Bool { index != nil }

    /// Member names in source order.
    public var keys: [String] { members.map(\.key) }

    /// Member values in source order.
    public var values: [JSONValue] { members.map(\.value) }

    /// The first member position.
    public var startIndex: Int { 0 }
    /// One past the last member position.
    public var endIndex: Int { members.count }
    /// The member at `position`.
    public subscript(position: Int) -> Element { members[position] }

    /// Equal when both have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    /// Hashes independently of member order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(ScalarKey(member.key))
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
