/// Why an ECMA-262 pattern could not be compiled or matched.
enum ECMARegexError: Error, Sendable, Equatable {
    /// The pattern is not a valid ECMA-262 (unicode mode) regular expression.
    case invalid(pattern: String, reason: String)
    /// A match did not finish within its time limit (catastrophic backtracking).
    /// The match is reported as failed: callers must fail closed.
    case timeout(pattern: String, limit: Duration)
}

extension ECMARegexError: CustomStringConvertible {
    var description: String {
        switch self {
        case let .invalid(pattern, reason):
            return "invalid regular expression /\(pattern)/: \(reason)"
        case let .timeout(pattern, limit):
            return "pattern /\(pattern)/ took longer than \(Self.format(limit)) to match and was stopped; "
                + "simplify it (nested quantifiers such as (a+)+ backtrack exponentially)"
        }
    }

    /// `1.5 s`, `250 ms`, `40 µs`: readable without Foundation's formatters (absent on Linux).
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds.multipliedReportingOverflow(by: 1_000_000)
        guard !micros.overflow else { return "\(seconds) s" }
        let total = micros.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000)
        guard !total.overflow else { return "\(seconds) s" }
        let value = total.partialValue
        if value % 1_000_000 == 0 { return "\(value / 1_000_000) s" }
        if value >= 1_000_000 { return "\(Double(value) / 1_000_000) s" }
        if value % 1000 == 0 || value >= 1000 { return "\(value / 1000) ms" }
        return "\(value) µs"
    }
}
