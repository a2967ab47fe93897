/// The meaning of a pattern as far as the native matcher (`RegexDFA`) needs it: which code points,
/// in which order, how often. Captures and group kinds are gone (only a yes/no answer is needed).
///
/// `ECMAPatternTranslator` builds it while it writes the ICU pattern. What a DFA cannot express —
/// back-references, look-arounds, `\b`, `\p{…}`, the `i` and `m` modifiers — is `.unsupported`, and
/// a pattern containing it runs on ICU instead.
indirect enum RegexNode: Sendable {
    /// One code point from the set (sorted, disjoint, non-adjacent ranges).
    case set([ClosedRange<UInt32>])
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
    /// `^`: the start of the input.
    case inputStart
    /// `$`: the end of the input.
    case inputEnd
    /// Something only ICU can run.
    case unsupported

    /// Whether the whole tree can run on the native matcher.
    var isSupported: Bool {
        switch self {
        case .unsupported: return false
        case .set, .inputStart, .inputEnd: return true
        case let .concat(nodes), let .alternation(nodes): return nodes.allSatisfy(\.isSupported)
        case let .repetition(node, _, _): return node.isSupported
        }
    }

    static let empty = RegexNode.concat([])

    static func literal(_ value: UInt32) -> RegexNode { .set([value...value]) }
}

/// Sets of code points as sorted, disjoint ranges.
enum CodePointSet {
    static let maxCodePoint: UInt32 = 0x10FFFF
    static let all: [ClosedRange<UInt32>] = [0...maxCodePoint]
    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let space: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]
    static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]

    /// Sorts and merges overlapping or adjacent ranges.
    static func normalize(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound || range.lowerBound == last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// Whether the normalised `ranges` hold `value` (binary search).
    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound {
                high = middle - 1
            } else if value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Every code point not in `ranges`.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in normalize(ranges) {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound == maxCodePoint { return result }
            next = range.upperBound + 1
        }
        result.append(next...maxCodePoint)
        return result
    }
}
