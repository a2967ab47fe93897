/// The mutable state of one validation run (one instance, one thread).
///
/// Flag mode (`exhaustive == false`) stops at the first failure and never builds paths,
/// pointers or messages; exhaustive mode records every failure with its locations.
final class Evaluation {
    let exhaustive: Bool
    let maxDepth: Int
    let usesDynamicScope: Bool
    let regexTimeout: Duration
    let regexTimeBudget: Duration
    /// When the regex time budget of this validation runs out (set at the first regex match).
    @exclusivity(unchecked) private var regexBudgetEnd: ContinuousClock.Instant?
    @exclusivity(unchecked) var depth = 0
    /// The dynamic scope: resources entered, outermost first (only with `$dynamicRef`).
    @exclusivity(unchecked) var scope: [SchemaResource] = []
    /// Where evaluated members/items are recorded, when an `unevaluated*` keyword needs it.
    @exclusivity(unchecked) var tracker: EvaluationTracker?
    @exclusivity(unchecked) var errors: [ValidationError] = []
    @exclusivity(unchecked) var instancePath: [String] = []
    @exclusivity(unchecked) var keywordPath: [String] = []
    let maxSteps: Int
    /// Schema evaluations so far (bounded by `maxSteps`).
    @exclusivity(unchecked) var steps = 0
    /// Set when a limit stopped the evaluation: the instance is then invalid whatever the
    /// keywords around the failure (`not`, `anyOf`, …) made of it — fail closed.
    @exclusivity(unchecked) private(set) var aborted = false
    /// The error explaining the abort (exhaustive mode).
    @exclusivity(unchecked) private(set) var abortError: ValidationError?

    init(exhaustive: Bool, options: ValidatorOptions, usesDynamicScope: Bool) {
        self.exhaustive = exhaustive
        self.maxDepth = options.maxDepth
        self.maxSteps = options.maxEvaluationSteps
        self.usesDynamicScope = usesDynamicScope
        self.regexTimeout = options.regexTimeout
        self.regexTimeBudget = options.regexTimeBudget
    }

    /// Applies `node` to the same instance location (allOf, $ref, if, …); what it evaluates
    /// counts for the enclosing schema only when it is valid.
    @inline(__always)
    func applyInPlace(_ node: SchemaNode, _ instance: JSONValue, _ token: String, _ token2: String? = nil) -> Bool {
        if exhaustive {
            keywordPath.append(token)
            if let token2 { keywordPath.append(token2) }
        }
        defer {
            if exhaustive {
                keywordPath.removeLast()
                if token2 != nil { keywordPath.removeLast() }
            }
        }
        guard let outer = tracker else { return node.validate(instance, self) }
        let inner = EvaluationTracker()
        tracker = inner
        let valid = node.validate(instance, self)
        tracker = outer
        if valid { outer.merge(inner) }
        return valid
    }

    /// Applies `node` to the object member `key`.
    @inline(__always)
    func applyToMember(_ node: SchemaNode, _ value: JSONValue, key: String, _ token: String, _ token2: String? = nil) -> Bool {
        let outer = tracker
        if outer != nil { tracker = nil }
        if exhaustive {
            instancePath.append(key)
            keywordPath.append(token)
            if let token2 { keywordPath.append(token2) }
        }
        let valid = node.validate(value, self)
        if exhaustive {
            instancePath.removeLast()
            keywordPath.removeLast()
            if token2 != nil { keywordPath.removeLast() }
        }
        if outer != nil { tracker = outer }
        return valid
    }

    /// Applies `node` to the array item at `index`.
    @inline(__always)
    func applyToItem(_ node: SchemaNode, _ value: JSONValue, index: Int, _ token: String, _ token2: String? = nil) -> Bool {
        let outer = tracker
        if outer != nil { tracker = nil }
        if exhaustive {
            instancePath.append(String(index))
            keywordPath.append(token)
            if let token2 { keywordPath.append(token2) }
        }
        let valid = node.validate(value, self)
        if exhaustive {
            instancePath.removeLast()
            keywordPath.removeLast()
            if token2 != nil { keywordPath.removeLast() }
        }
        if outer != nil { tracker = outer }
        return valid
    }

    /// Enters one `$ref`/`$dynamicRef` level; false (with an error reported once) past `maxDepth`.
    /// Only references can make evaluation recurse: plain nesting is bounded by the schema.
    @inline(__always)
    func enterReference(_ node: SchemaNode) -> Bool {
        depth += 1
        if depth > maxDepth {
            depth -= 1
            reportRecursionLimit(node: node)
            return false
        }
        return true
    }

    /// The outcome of one pattern match.
    enum MatchOutcome {
        case matched, notMatched, timedOut
    }

    /// Matches `string` under the per-match time limit and the validation's total regex budget.
    @inline(__always)
    func match(_ matcher: PatternMatcher, _ string: String) -> MatchOutcome {
        // Linear-time matchers (literals, the native DFA) skip the clock and the error path.
        if !matcher.needsDeadline { return matcher.matchesWithoutDeadline(string) ? .matched : .notMatched }
        return matchWithDeadline(matcher, string)
    }

    @inline(never)
    private func matchWithDeadline(_ matcher: PatternMatcher, _ string: String) -> MatchOutcome {
        var timeout = regexTimeout
        if matcher.needsDeadline {
            let now = ContinuousClock.now
            if regexBudgetEnd == nil { regexBudgetEnd = now.advanced(by: regexTimeBudget) }
            let remaining = regexBudgetEnd! - now
            if remaining <= .zero { return .timedOut }
            if remaining < timeout { timeout = remaining }
        }
        do {
            return try matcher.matches(string, timeout: timeout) ? .matched : .notMatched
        } catch {
            return .timedOut
        }
    }

    /// Records a failure of `keyword` (exhaustive mode only).
    /// `as name` reports a sibling keyword of the same schema handled by this keyword object
    /// (`additionalProperties` for `properties`, `maxContains` for `contains`).
    func report(_ keyword: Keyword, _ kind: ValidationError.Kind, keywordTokens: [String] = [], instanceToken: String? = nil, as name: String? = nil) {
        guard exhaustive else { return }
        let name = name ?? keyword.name
        var keywordTokensAll = keywordPath
        keywordTokensAll.append(name)
        keywordTokensAll += keywordTokens
        var instanceTokens = instancePath
        if let instanceToken { instanceTokens.append(instanceToken) }
        errors.append(ValidationError(
            instanceLocation: JSONPointer(tokens: instanceTokens),
            keywordLocation: JSONPointer(tokens: keywordTokensAll),
            absoluteKeywordLocation: keyword.absoluteLocation(sibling: name, appending: keywordTokens),
            keyword: name,
            kind: kind
        ))
    }

    /// Records a failure of a whole node (the `false` schema).
    func report(node: SchemaNode, keyword: String, _ kind: ValidationError.Kind) {
        guard exhaustive else { return }
        errors.append(ValidationError(
            instanceLocation: JSONPointer(tokens: instancePath),
            keywordLocation: JSONPointer(tokens: keywordPath),
            absoluteKeywordLocation: node.absoluteLocation,
            keyword: keyword,
            kind: kind
        ))
    }

    /// Records, once, that evaluation went deeper than `maxDepth`.
    func reportRecursionLimit(node: SchemaNode) {
        abort(node: node, keyword: "$ref", .recursionLimit(depth: maxDepth))
    }

    /// Records, once, that the evaluation took more than `maxSteps` schema evaluations.
    func reportStepLimit(node: SchemaNode) {
        abort(node: node, keyword: keywordPath.last ?? "", .evaluationLimit(steps: maxSteps))
    }

    private func abort(node: SchemaNode, keyword: String, _ kind: ValidationError.Kind) {
        guard !aborted else { return }
        aborted = true
        guard exhaustive else { return }
        let error = ValidationError(
            instanceLocation: JSONPointer(tokens: instancePath),
            keywordLocation: JSONPointer(tokens: keywordPath),
            absoluteKeywordLocation: node.absoluteLocation,
            keyword: keyword,
            kind: kind
        )
        abortError = error
        errors.append(error)
    }
}
