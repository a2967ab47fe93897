/// `pattern`: an ECMA-262 search with a time limit; a timeout fails closed.
final class PatternKeyword: Keyword, @unchecked Sendable {
    let pattern: String
    let regex: PatternMatcher

    init(node: SchemaNode, pattern: String, regex: ECMARegex) {
        self.pattern = pattern
        self.regex = PatternMatcher(pattern: pattern, regex: regex)
        super.init(name: "pattern", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .string(let string) = instance else { return true }
        let outcome = context.match(regex, string)
        if outcome == .matched { return true }
        // Reported apart, so that the hot path only borrows the string (no copy of it).
        report(outcome, instance, context)
        return false
    }

    @inline(never)
    private func report(_ outcome: Evaluation.MatchOutcome, _ instance: JSONValue, _ context: Evaluation) {
        guard context.exhaustive, case .string(let string) = instance else { return }
        if outcome == .timedOut {
            context.report(self, .patternTimeout(pattern: pattern, limit: context.regexTimeout))
        } else {
            context.report(self, .patternMismatch(pattern: pattern, actual: string))
        }
    }
}
