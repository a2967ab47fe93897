/// A string's UTF-8 length and first eight bytes, packed for fast comparison.
///
/// Two strings with different prefixes differ; with equal prefixes they are equal when at
/// most eight bytes long, and otherwise need a byte-wise comparison. Used where one string
/// is compared against a fixed list (property names, string enums): the list's prefixes
/// are computed once at compile time, the instance string's once per look-up.
struct ScalarPrefix: Equatable {
    let count: Int
    let word: UInt64

    @inline(__always)
    init(_ string: String) {
        let count = string.utf8.count
        self.count = count
        let length = min(count, 8)
        var word: UInt64 = 0
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            for index in 0..<length { word |= UInt64(bytes[index]) &<< UInt64(8 * index) }
        }
        if done == nil {
            for (index, byte) in string.utf8.prefix(8).enumerated() { word |= UInt64(byte) &<< UInt64(8 * index) }
        }
        self.word = word
    }

    /// Whether `string` (whose prefix is `self`) has the same Unicode scalars as `other`
    /// (whose prefix is `otherPrefix`).
    @inline(__always)
    static func same(_ string: String, _ prefix: ScalarPrefix, _ other: String, _ otherPrefix: ScalarPrefix) -> Bool {
        guard prefix == otherPrefix else { return false }
        return prefix.count <= 8 || JSONValue.sameBytes(string, other, count: prefix.count)
    }
}
