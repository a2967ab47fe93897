/// Parses an ECMA-262 pattern with unicode-mode (`u` flag) syntax and writes an ICU pattern
/// with the same meaning.
///
/// JSON Schema patterns have no flags, so the translation fixes what ECMA-262 means where ICU
/// means something else: `\d \w \s \b` are ASCII-only (and `\s` is ECMA's whitespace set),
/// `^`/`$` anchor only at the ends of the input (`$` never before a trailing newline), `.` stops at
/// the four ECMA line terminators, `[]` matches nothing and `[^]` anything. Every literal that is not
/// ASCII alphanumeric is written as `\x{…}` so no ICU-only syntax (`[[:alpha:]]`, `&&`, `--`, `#`)
/// can leak in. What ECMA rejects in unicode mode is rejected with a reason and a position
/// (`\a`, `(?P<n>…)`, `(?i)`, a lone `{`, a reference to a missing group, …).
///
/// ICU requires a bounded length inside look-behinds; ECMA does not (`(?<=a+)b`). Unbounded
/// quantifiers inside a look-behind are written with an upper bound, `lookbehindCap`; a bound not
/// below the subject's UTF-16 length gives exactly the ECMA result, so `ECMARegex` re-translates with
/// a larger cap when it meets a longer subject.
struct ECMAPatternTranslator {
    /// What a translation produced.
    struct Output {
        /// The ICU pattern.
        var icu: String
        /// Whether a look-behind had an unbounded quantifier (so the cap matters).
        var hasUnboundedLookbehind: Bool
        /// The pattern's meaning for the native matcher.
        var node: RegexNode
        /// Whether ICU might still refuse the translation (a property name only ICU checks, a
        /// back-reference, a count above ``ECMAPatternTranslator/largeCount``, a look-behind, an output
        /// longer than ``ECMAPatternTranslator/longPattern``). When
        /// false, every construct written is one ICU always accepts, so `ECMARegex` may compile
        /// the ICU pattern on first use instead of up front.
        var icuMayReject: Bool
    }

    /// Counts above this are written for ICU but flag the translation as `icuMayReject`.
    static let largeCount = 1000
    /// Outputs longer than this (in UTF-8 bytes) flag the translation as `icuMayReject` (ICU bounds
    /// the size of a compiled pattern).
    static let longPattern = 4096

    /// Nesting limit for groups and classes: bounds the parser's recursion on hostile patterns.
    static let maxNesting = 200

    let pattern: String
    let scalars: [Unicode.Scalar]
    let lookbehindCap: Int
    var pos = 0
    var out = ""
    var nesting = 0
    var lookbehindDepth = 0
    var unboundedLookbehind = false
    /// Set when the output holds a construct ICU might reject (see ``Output/icuMayReject``).
    var icuMayReject = false
    var flags = Flags()
    let captureCount: Int
    /// Whether a back-reference reads a capture; without one, captures cannot change whether the
    /// pattern matches, so lazy quantifiers are written greedy (see `parseQuantifier`).
    let hasBackReferences: Bool
    /// Capturing groups opened so far (in pattern order), and those still open.
    var openedGroups = 0
    var openGroups: [Int] = []
    let groupNames: [String: Int]

    /// The `i`, `m`, `s` modifiers in force (ES2025 `(?ims-ims:…)` groups).
    struct Flags {
        var ignoreCase = false
        var multiline = false
        var dotAll = false
    }

    /// Translates `pattern`; throws `.invalid` with a reason when ECMA-262 rejects it.
    static func translate(_ pattern: String, lookbehindCap: Int = 256) throws(ECMARegexError) -> Output {
        var translator = try ECMAPatternTranslator(pattern, lookbehindCap: lookbehindCap)
        let node = try translator.parseDisjunction()
        if translator.pos < translator.scalars.count {
            throw translator.error("unmatched ')'")
        }
        return Output(icu: translator.out, hasUnboundedLookbehind: translator.unboundedLookbehind, node: node,
                      icuMayReject: translator.icuMayReject || translator.out.utf8.count > longPattern)
    }

    private init(_ pattern: String, lookbehindCap: Int) throws(ECMARegexError) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
        self.lookbehindCap = lookbehindCap
        let groups = try Self.scanGroups(scalars, pattern: pattern)
        self.captureCount = groups.count
        self.hasBackReferences = groups.hasBackReferences
        self.groupNames = groups.names
    }

    // MARK: Helpers shared by the parser files

    var peek: Unicode.Scalar? { pos < scalars.count ? scalars[pos] : nil }

    func peek(at offset: Int) -> Unicode.Scalar? {
        let index = pos + offset
        return index < scalars.count ? scalars[index] : nil
    }

    func error(_ reason: String, at position: Int? = nil) -> ECMARegexError {
        let where_ = (position ?? pos) + 1
        return .invalid(pattern: pattern, reason: "\(reason) at position \(where_)")
    }

    mutating func emit(_ text: String) { out += text }

    /// A literal code point, written so ICU reads it as itself.
    static func literal(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            return String(scalar)
        }
        return "\\x{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    // MARK: Disjunction, alternative, term

    mutating func parseDisjunction() throws(ECMARegexError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while peek == "|" {
            pos += 1
            emit("|")
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(ECMARegexError) -> RegexNode {
        var terms: [RegexNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            terms.append(try parseTerm())
        }
        return terms.count == 1 ? terms[0] : .concat(terms)
    }

    private mutating func parseTerm() throws(ECMARegexError) -> RegexNode {
        guard let scalar = peek else { return .empty }
        let start = pos
        switch scalar {
        case "^":
            pos += 1
            emit(flags.multiline ? "(?:\\A|(?<=[\\x{A}\\x{D}\\x{2028}\\x{2029}]))" : "\\A")
            try rejectQuantifier(after: "an anchor")
            return flags.multiline ? .unsupported : .inputStart
        case "$":
            pos += 1
            emit(flags.multiline ? "(?=[\\x{A}\\x{D}\\x{2028}\\x{2029}]|\\z)" : "\\z")
            try rejectQuantifier(after: "an anchor")
            return flags.multiline ? .unsupported : .inputEnd
        case "\\" where peek(at: 1) == "b" || peek(at: 1) == "B":
            pos += 2
            emit(wordBoundary(negated: scalars[start + 1] == "B"))
            try rejectQuantifier(after: "a word boundary")
            return .unsupported
        case "(":
            let (isAssertion, inner) = try parseGroup()
            if isAssertion {
                try rejectQuantifier(after: "a look-around assertion")
                return .unsupported
            }
            return try parseQuantifier(inner)
        case "*", "+", "?":
            throw error("nothing to repeat before '\(scalar)'")
        case "{":
            throw error(isQuantifierAhead() ? "nothing to repeat before '{'" : "lone '{' (write \\{ for a literal brace)")
        case "}":
            throw error("lone '}' (write \\} for a literal brace)")
        case "]":
            throw error("lone ']' (write \\] for a literal bracket)")
        case ".":
            pos += 1
            emit(flags.dotAll ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{A}\\x{D}\\x{2028}\\x{2029}]")
            let set = flags.dotAll ? CodePointSet.all : CodePointSet.complement(CodePointSet.lineTerminators)
            return try parseQuantifier(.set(set))
        case "[":
            let set = try parseClass()
            return try parseQuantifier(flags.ignoreCase ? .unsupported : set)
        case "\\":
            let escape = try parseAtomEscape()
            return try parseQuantifier(flags.ignoreCase ? .unsupported : escape)
        default:
            pos += 1
            emit(Self.literal(scalar))
            return try parseQuantifier(flags.ignoreCase ? .unsupported : .literal(scalar.value))
        }
    }

    /// ECMA's `\b`/`\B`: a boundary between an ASCII word character and anything else.
    private func wordBoundary(negated: Bool) -> String {
        let word = flags.ignoreCase ? "[A-Za-z0-9_\\x{17F}\\x{212A}]" : "[A-Za-z0-9_]"
        if negated {
            return "(?:(?<=\(word))(?=\(word))|(?<!\(word))(?!\(word)))"
        }
        return "(?:(?<=\(word))(?!\(word))|(?<!\(word))(?=\(word)))"
    }

    private mutating func rejectQuantifier(after what: String) throws(ECMARegexError) {
        guard let scalar = peek else { return }
        if scalar == "*" || scalar == "+" || scalar == "?" || (scalar == "{" && isQuantifierAhead()) {
            throw error("\(what) cannot be repeated")
        }
    }

    // MARK: Quantifiers

    /// Whether `{` at the current position starts a syntactically complete `{n}`, `{n,}`, `{n,m}`.
    private func isQuantifierAhead() -> Bool {
        var index = pos + 1
        var digits = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; digits += 1 }
        guard digits > 0, index < scalars.count else { return false }
        if scalars[index] == "}" { return true }
        guard scalars[index] == "," else { return false }
        index += 1
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index < scalars.count && scalars[index] == "}"
    }

    private mutating func readCount() -> Int {
        var value = 0
        while let scalar = peek, ("0"..."9").contains(scalar) {
            // Saturate: ICU rejects counts this large anyway, and we must never trap on input.
            let digit = Int(scalar.value - 48)
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(digit)
            value = (o1 || o2) ? Int(Int32.max) : min(sum, Int(Int32.max))
            pos += 1
        }
        return value
    }

    private mutating func parseQuantifier(_ atom: RegexNode) throws(ECMARegexError) -> RegexNode {
        guard let scalar = peek else { return atom }
        let start = pos
        var minimum = 0
        var maximum: Int?  // nil: unbounded
        switch scalar {
        case "*": pos += 1
        case "+": pos += 1; minimum = 1
        case "?": pos += 1; maximum = 1
        case "{":
            guard isQuantifierAhead() else {
                throw error("lone '{' (write \\{ for a literal brace)")
            }
            pos += 1
            minimum = readCount()
            if peek == "," {
                pos += 1
                maximum = peek == "}" ? nil : readCount()
            } else {
                maximum = minimum
            }
            pos += 1  // "}"
            if let maximum, maximum < minimum {
                throw error("numbers out of order in {\(minimum),\(maximum)} quantifier", at: start)
            }
            if max(minimum, maximum ?? 0) > Self.largeCount { icuMayReject = true }
        default:
            return atom
        }
        let node = RegexNode.repetition(atom, min: minimum, max: maximum)
        let lazy = peek == "?"
        if lazy { pos += 1 }
        if lookbehindDepth > 0 && maximum == nil {
            unboundedLookbehind = true
            maximum = max(minimum, lookbehindCap)
        }
        switch (minimum, maximum) {
        case (0, nil): emit("*")
        case (1, nil): emit("+")
        case (0, 1?): emit("?")
        case (let low, nil): emit("{\(low),}")
        case (let low, let high?) where low == high: emit("{\(low)}")
        case (let low, let high?): emit("{\(low),\(high)}")
        }
        // `RegExp.prototype.test` only asks whether some match exists, which greediness cannot
        // change unless a back-reference reads a capture. ICU loops or misses matches on lazy
        // quantifiers over groups that can match empty (`(?:a?)*?x|b` on "b"), so write them greedy.
        if lazy && hasBackReferences { emit("?") }
        if let next = peek, next == "*" || next == "+" || next == "?" || (next == "{" && isQuantifierAhead()) {
            throw error("nothing to repeat before '\(next)'")
        }
        return node
    }

    // MARK: Groups

    /// Parses a parenthesised group; returns true for look-around assertions, and the group's content.
    private mutating func parseGroup() throws(ECMARegexError) -> (Bool, RegexNode) {
        let start = pos
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else {
            throw error("groups nested deeper than \(Self.maxNesting) levels")
        }
        pos += 1
        var isAssertion = false
        var isLookbehind = false
        var capture = false
        let savedFlags = flags
        if peek == "?" {
            switch (peek(at: 1), peek(at: 2)) {
            case (":", _):
                pos += 2; emit("(?:")
            case ("=", _), ("!", _):
                emit("(?" + String(scalars[pos + 1])); pos += 2; isAssertion = true
            case ("<", "="), ("<", "!"):
                emit("(?<" + String(scalars[pos + 2])); pos += 3
                isAssertion = true; isLookbehind = true
            case ("<", _):
                pos += 2
                _ = try readGroupName(terminator: ">")
                emit("(")
                capture = true
            default:
                pos += 1
                try parseModifiers(groupStart: start)
            }
        } else {
            emit("(")
            capture = true
        }
        if capture {
            openedGroups += 1
            openGroups.append(openedGroups)
        }
        if isLookbehind {
            lookbehindDepth += 1
            icuMayReject = true
        }
        let inner = try parseDisjunction()
        if isLookbehind { lookbehindDepth -= 1 }
        if capture { openGroups.removeLast() }
        guard peek == ")" else { throw error("unterminated group", at: start) }
        pos += 1
        flags = savedFlags
        emit(")")
        return (isAssertion, isAssertion ? .unsupported : inner)
    }

    /// `(?ims-ims:` (ES2025 modifiers); anything else after `(?` is not ECMA-262.
    private mutating func parseModifiers(groupStart: Int) throws(ECMARegexError) {
        var add: Set<Unicode.Scalar> = []
        var remove: Set<Unicode.Scalar> = []
        var removing = false
        while let scalar = peek, scalar != ":" {
            if scalar == "-", !removing {
                removing = true
            } else if scalar == "i" || scalar == "m" || scalar == "s" {
                guard !add.contains(scalar), !remove.contains(scalar) else {
                    throw error("modifier '\(scalar)' given twice", at: groupStart)
                }
                if removing { remove.insert(scalar) } else { add.insert(scalar) }
            } else {
                throw error(Self.unsupportedGroupReason(scalars, groupStart), at: groupStart)
            }
            pos += 1
        }
        guard peek == ":", !(removing && add.isEmpty && remove.isEmpty) else {
            throw error(Self.unsupportedGroupReason(scalars, groupStart), at: groupStart)
        }
        pos += 1
        if add.contains("m") { flags.multiline = true }
        if remove.contains("m") { flags.multiline = false }
        if add.contains("s") { flags.dotAll = true }
        if remove.contains("s") { flags.dotAll = false }
        if add.contains("i") { flags.ignoreCase = true; emit("(?i:") }
        else if remove.contains("i") { flags.ignoreCase = false; emit("(?-i:") }
        else { emit("(?:") }
    }

    private static func unsupportedGroupReason(_ scalars: [Unicode.Scalar], _ start: Int) -> String {
        let next = start + 2 < scalars.count ? scalars[start + 2] : " "
        switch next {
        case "P": return "'(?P' groups are Python syntax, not ECMA-262 (write (?<name>…) and \\k<name>)"
        case "#": return "'(?#…)' comments are not ECMA-262"
        default: return "invalid group '(?\(next)'; ECMA-262 has (?:…), (?=…), (?!…), (?<=…), (?<!…), (?<name>…) "
            + "and modifier groups (?i:…) but no global inline flags such as (?i)"
        }
    }
}
