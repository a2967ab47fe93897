/// How a `pattern`/`patternProperties` key is matched: literal patterns (`^x-`, `-fr`)
/// are compared byte-wise without the regex engine; everything else goes through
/// ``ECMARegex`` with its time limit.
struct PatternMatcher: Sendable {
    private enum Strategy: Sendable {
        case prefix([UInt8])
        case contains([UInt8])
        /// Unretained (no retain/release per match): `owner` keeps the regex alive.
        case regex(Unmanaged<ECMARegex>)
    }

    private let strategy: Strategy
    private let owner: ECMARegex?

    /// ECMA-262 syntax characters: a pattern without them is a literal.
    private static let syntax: Set<UInt8> = Set("\\^$.|?*+()[]{}".utf8)

    init(pattern: String, regex: ECMARegex) {
        var bytes = Array(pattern.utf8)
        var anchored = false
        if bytes.first == UInt8(ascii: "^") {
            anchored = true
            bytes.removeFirst()
        }
        if !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 && $0 >= 0x20 && !Self.syntax.contains($0) }) {
            strategy = anchored ? .prefix(bytes) : .contains(bytes)
            owner = nil
            needsDeadline = false
        } else {
            strategy = .regex(Unmanaged.passUnretained(regex))
            owner = regex
            needsDeadline = !regex.usesNativeMatcher
        }
    }

    /// Whether matching can run long (ICU backtracking) and so needs a deadline; literal
    /// patterns and patterns on the native DFA run in linear time.
    let needsDeadline: Bool

    /// The same search for a matcher that does not need a deadline (``needsDeadline`` false:
    /// a literal, or a regex on the native DFA): no clock, no error path.
    @inline(__always)
    func matchesWithoutDeadline(_ string: String) -> Bool {
        switch strategy {
        case .regex(let regex):
            return regex._withUnsafeGuaranteedRef { $0.matchesNatively(string) }
        default:
            return (try? matches(string, timeout: .zero)) ?? false
        }
    }

    /// Unanchored ECMA-262 search of the pattern in `string`.
    func matches(_ string: String, timeout: Duration) throws(ECMARegexError) -> Bool {
        switch strategy {
        case .prefix(let literal):
            return string.utf8.starts(with: literal)
        case .contains(let literal):
            var string = string
            return string.withUTF8 { utf8 in
                guard utf8.count >= literal.count else { return false }
                for start in 0...(utf8.count - literal.count) where utf8[start] == literal[0] {
                    if utf8[start..<(start + literal.count)].elementsEqual(literal) { return true }
                }
                return false
            }
        case .regex(let regex):
            let result = regex._withUnsafeGuaranteedRef { regex in
                Result { () throws(ECMARegexError) -> Bool in try regex.matches(string, timeout: timeout) }
            }
            return try result.get()
        }
    }
}
