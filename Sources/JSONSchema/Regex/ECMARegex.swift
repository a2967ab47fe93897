import Foundation

/// An ECMA-262 pattern compiled onto ICU (NSRegularExpression).
///
/// The pattern is read with unicode-mode (`u` flag) syntax, as JSON Schema asks, and translated
/// by `ECMAPatternTranslator`. Regular patterns (no back-reference, look-around, `\b`, `\p{…}`,
/// `i`/`m` modifier) run on a native DFA (`RegexDFA`): linear time, nothing to time out. The others
/// run on ICU, where matching is an unanchored search over the subject's UTF-16 code
/// units (never `Character` counts), and every match runs under a deadline: ICU backtracks without
/// limit, so a match that outlives its time limit is stopped and reported as `.timeout`.
///
/// The ICU pattern is compiled up front only when ICU might refuse it (a property name only ICU
/// checks, a back-reference, a look-behind, a large count: `Output.icuMayReject`), so that such a
/// schema is still rejected when it compiles. Otherwise it is compiled on the first match that needs
/// ICU, which for a pattern on the native DFA is never: a schema of regular patterns plus a few
/// look-aheads (the #CodeSocial schema) then costs no ICU start-up (≈ 2 ms of every command).
///
/// `@unchecked Sendable`: the stored properties are immutable except `compiled` and `variants`, which
/// are only read and written under `lock`; `NSRegularExpression` is immutable and documented safe to
/// share between threads (each match checks out its own ICU matcher).
final class ECMARegex: @unchecked Sendable {
    /// The ECMA-262 source pattern.
    let pattern: String
    /// The ICU translation matched against subjects up to `lookbehindCap` UTF-16 units long.
    let icuPattern: String
    /// The compiled ICU pattern, once compiled (at init when ICU might refuse it, else on first use).
    private var compiled: NSRegularExpression?
    /// The native matcher, when the pattern is regular (no back-reference, look-around, `\b`, …).
    private let dfa: RegexDFA?
    /// Set when a look-behind holds an unbounded quantifier: longer subjects need a larger cap.
    private let lookbehindCap: Int?
    private let lock = NSLock()
    private var variants: [Int: NSRegularExpression] = [:]

    /// The bound written for unbounded quantifiers inside look-behinds, for short subjects.
    static let defaultLookbehindCap = 256

    /// Compiles `pattern`; throws `.invalid` with the reason when ECMA-262 rejects it.
    convenience init(_ pattern: String) throws(ECMARegexError) {
        try self.init(pattern, allowNative: true)
    }

    /// Compiles `pattern`; with `allowNative` false every match runs on ICU (tests compare both), and
    /// the ICU pattern is compiled at once.
    init(_ pattern: String, allowNative: Bool) throws(ECMARegexError) {
        let output = try ECMAPatternTranslator.translate(pattern, lookbehindCap: Self.defaultLookbehindCap)
        self.pattern = pattern
        self.icuPattern = output.icu
        self.compiled = output.icuMayReject || !allowNative ? try Self.compile(output.icu, source: pattern) : nil
        self.lookbehindCap = output.hasUnboundedLookbehind ? Self.defaultLookbehindCap : nil
        self.dfa = allowNative ? RegexDFA(output.node) : nil
    }

    /// Whether the ICU pattern has been compiled (at init, or by a match that needed it).
    var hasCompiledICU: Bool { lock.withLock { compiled != nil } }

    /// The main ICU pattern, compiled on first use when init left it for later.
    private var regex: NSRegularExpression {
        get throws(ECMARegexError) {
            if let compiled = lock.withLock({ compiled }) { return compiled }
            // Outside the lock: two threads may compile it once each, harmlessly.
            let fresh = try Self.compile(icuPattern, source: pattern)
            return lock.withLock {
                if let raced = compiled { return raced }
                compiled = fresh
                return fresh
            }
        }
    }

    /// Whether matches run on the native DFA (linear time, no deadline needed) rather than ICU.
    var usesNativeMatcher: Bool { dfa != nil }

    /// Unanchored search on the native DFA; only when ``usesNativeMatcher`` (nothing to time out).
    @inline(__always)
    func matchesNatively(_ string: String) -> Bool {
        dfa?.matches(string) ?? false
    }

    /// Unanchored search, like ECMAScript RegExp.prototype.test.
    ///
    /// - Parameters:
    ///   - string: the subject.
    ///   - timeout: the longest the search may run; past it the search stops.
    /// - Throws: `.timeout` when the search did not finish in time (callers must fail closed).
    func matches(_ string: String, timeout: Duration) throws(ECMARegexError) -> Bool {
        if let dfa { return dfa.matches(string) }
        let length = string.utf16.count
        let regex = try self.regex(forLength: length)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var found = false
        var timedOut = false
        // `.reportProgress` makes ICU call back periodically during a long match (also on Linux),
        // which lets us stop it at the deadline.
        regex.enumerateMatches(
            in: string, options: [.reportProgress], range: NSRange(location: 0, length: length)
        ) { result, _, stop in
            if result != nil {
                found = true
                stop.pointee = true
            } else if ContinuousClock.now >= deadline {
                timedOut = true
                stop.pointee = true
            }
        }
        if timedOut && !found {
            throw .timeout(pattern: pattern, limit: timeout)
        }
        return found
    }

    /// The compiled form for a subject of `length` UTF-16 units: the main one, or one whose
    /// look-behind cap is at least `length` (then the bounded look-behind is exact).
    private func regex(forLength length: Int) throws(ECMARegexError) -> NSRegularExpression {
        guard let cap = lookbehindCap, length > cap else { return try regex }
        var needed = cap
        while needed < length { needed = needed > Int.max / 2 ? Int.max : needed * 2 }
        if let cached = lock.withLock({ variants[needed] }) { return cached }
        let output = try ECMAPatternTranslator.translate(pattern, lookbehindCap: needed)
        let compiled = try Self.compile(output.icu, source: pattern)
        lock.withLock { variants[needed] = compiled }
        return compiled
    }

    private static func compile(_ icu: String, source: String) throws(ECMARegexError) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: icu, options: [])
        } catch {
            throw .invalid(
                pattern: source,
                reason: "ICU cannot compile it (an unknown \\p{…} property, a count too large, "
                    + "or a back-reference inside a look-behind)"
            )
        }
    }
}
