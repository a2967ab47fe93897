/// Where each value of a parsed document starts, by JSON Pointer, so that an error's
/// `instanceLocation` can be reported as `file:line:column`.
///
/// Front ends call ``record(value:key:for:)`` for every value they build.
public struct SourceMap: Sendable, Equatable {
    private struct Entry: Sendable, Equatable {
        var value: SourcePosition
        var key: SourcePosition?
    }

    private var entries: [JSONPointer: Entry] = [:]

    /// An empty map.
    public init() {}

    /// Records that the value at `pointer` starts at `value`, and (for an object member)
    /// that its key starts at `key`.
    public mutating func record(value: SourcePosition, key: SourcePosition?, for pointer: JSONPointer) {
        entries[pointer] = Entry(value: value, key: key)
    }

    /// Where the value at `pointer` starts; nil if the pointer was not recorded.
    public func position(of pointer: JSONPointer) -> SourcePosition? {
        entries[pointer]?.value
    }

    /// Where the key of the member at `pointer` starts; nil for array elements, the root,
    /// or pointers not recorded.
    public func keyPosition(of pointer: JSONPointer) -> SourcePosition? {
        entries[pointer]?.key
    }

    /// The position of `pointer`, or of its nearest recorded ancestor (for pointers to
    /// members that do not exist, such as a missing required property).
    public func nearestPosition(of pointer: JSONPointer) -> SourcePosition? {
        var current = pointer
        while true {
            if let position = entries[current]?.value { return position }
            if current.isRoot { return nil }
            current = current.parent
        }
    }

    /// The number of recorded values.
    public var count: Int { entries.count }
}
