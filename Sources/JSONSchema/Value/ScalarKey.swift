/// A string key compared and hashed by its Unicode scalars (UTF-8 bytes), not by Swift's
/// canonical equivalence: JSON object keys `"é"` and `"e\u{301}"` are different keys.
struct ScalarKey: Hashable, Sendable {
    let string: String

    @inline(__always)
    init(_ string: String) { self.string = string }

    @inline(__always)
    static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool { JSONValue.sameScalars(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
