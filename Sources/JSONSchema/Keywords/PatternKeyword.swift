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
        switch context.match(regex, string) {
        case .matched: return true
        case .notMatched: context.report(self, .patternMismatch(pattern: pattern, actual: string))
        case .timedOut: context.report(self, .patternTimeout(pattern: pattern, limit: context.regexTimeout))
        }
        return false
    }
}
