/// Escapes, character classes and group names of the ECMA-262 unicode-mode grammar.
extension ECMAPatternTranslator {
    /// One member of a character class: a code point (can bound a range) or a set.
    enum ClassAtom {
        case codePoint(UInt32)
        /// ICU text, and the code points when the native matcher can know them (not `\p{…}`).
        case set(String, [ClosedRange<UInt32>]?)
    }

    /// ECMA's whitespace and line terminators, the body of `\s` (inside `[…]`).
    static let spaceBody = "\\x{9}-\\x{D}\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
        + "\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"

    /// A literal code point, written so ICU reads it as itself.
    static func literal(_ value: UInt32) -> String {
        if let scalar = Unicode.Scalar(value) { return literal(scalar) }
        return "\\x{" + String(value, radix: 16, uppercase: true) + "}"
    }

    /// The code points of `\d \D \w \W \s \S` (without the `i` modifier).
    static func classEscapeRanges(_ letter: Unicode.Scalar) -> [ClosedRange<UInt32>] {
        switch letter {
        case "d": return CodePointSet.digit
        case "D": return CodePointSet.complement(CodePointSet.digit)
        case "w": return CodePointSet.word
        case "W": return CodePointSet.complement(CodePointSet.word)
        case "s": return CodePointSet.space
        default: return CodePointSet.complement(CodePointSet.space)
        }
    }

    /// The ICU set for `\d \D \w \W \s \S` (ASCII-only digits and word characters).
    func classEscape(_ letter: Unicode.Scalar) -> String {
        switch letter {
        case "d": return "[0-9]"
        case "D": return "[^0-9]"
        case "w", "W":
            // With `i` and unicode mode, ECMA's \w also holds U+017F and U+212A (they fold to s and k).
            let body = flags.ignoreCase ? "A-Za-z0-9_\\x{17F}\\x{212A}" : "A-Za-z0-9_"
            return letter == "w" ? "[\(body)]" : "[^\(body)]"
        case "s": return "[\(Self.spaceBody)]"
        default: return "[^\(Self.spaceBody)]"
        }
    }

    // MARK: Escapes outside classes

    mutating func parseAtomEscape() throws(ECMARegexError) -> RegexNode {
        let start = pos
        pos += 1
        guard let scalar = peek else { throw error("'\\' at the end of the pattern", at: start) }
        switch scalar {
        case "d", "D", "w", "W", "s", "S":
            pos += 1
            emit(classEscape(scalar))
            return .set(Self.classEscapeRanges(scalar))
        case "p", "P":
            let (text, ranges) = try parsePropertyEscape(start: start)
            emit(text)
            return ranges.map { .set($0) } ?? .unsupported
        case "k":
            pos += 1
            guard peek == "<" else { throw error("'\\k' must be followed by <name>", at: start) }
            pos += 1
            let name = try readGroupName(terminator: ">")
            guard let number = groupNames[name] else {
                throw error("no group named '\(name)'", at: start)
            }
            return backReference(number)
        case "1"..."9":
            let number = readDecimal()
            guard number <= captureCount else {
                let groups = captureCount == 1 ? "1 group" : "\(captureCount) groups"
                throw error("reference to group \(number), but the pattern has \(groups)", at: start)
            }
            return backReference(number)
        default:
            let value = try parseCharacterEscape(start: start, inClass: false)
            emit(Self.literal(value))
            return .literal(value)
        }
    }

    /// A back-reference to group `number`. One that comes before its group opens, or inside it,
    /// always matches the empty string in ECMA-262 (the capture is unset, or reset at each
    /// iteration), while ICU would fail: write it as nothing. Inside a look-behind, which matches
    /// right to left, the order is reversed, so ICU gets the reference as is.
    private mutating func backReference(_ number: Int) -> RegexNode {
        if lookbehindDepth == 0, number > openedGroups || openGroups.contains(number) {
            emit("(?:)")
            return .empty
        }
        emit("(?:\\\(number))")
        icuMayReject = true
        return .unsupported
    }

    private mutating func readDecimal() -> Int {
        var value = 0
        while let scalar = peek, ("0"..."9").contains(scalar) {
            value = min(value &* 10 &+ Int(scalar.value - 48), 1_000_000)
            pos += 1
        }
        return value
    }

    /// `\p{Name}`, `\p{Name=Value}`, `\P{…}`; the name is checked by ICU when the pattern compiles.
    /// Returns the ICU text, and the code points when the native matcher can know them
    /// (General_Category values; other properties are left to ICU).
    private mutating func parsePropertyEscape(start: Int) throws(ECMARegexError) -> (String, [ClosedRange<UInt32>]?) {
        let letter = scalars[pos]
        pos += 1
        guard peek == "{" else {
            throw error("'\\\(letter)' must be followed by {property}", at: start)
        }
        pos += 1
        var name = ""
        var equals = 0
        while let scalar = peek, scalar != "}" {
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "=")
            guard allowed else { throw error("invalid character in property name", at: pos) }
            if scalar == "=" { equals += 1 }
            name.unicodeScalars.append(scalar)
            pos += 1
        }
        guard peek == "}", !name.isEmpty, equals <= 1, name.first != "=", name.last != "=" else {
            throw error("invalid property escape", at: start)
        }
        pos += 1
        icuMayReject = true
        let ranges = GeneralCategorySets.ranges(for: name).map { letter == "P" ? CodePointSet.complement($0) : $0 }
        return ("\\\(letter){\(name)}", ranges)
    }

    /// A character escape (after the backslash at `start`): control, `\c`, `\0`, `\x`, `\u`, identity.
    mutating func parseCharacterEscape(start: Int, inClass: Bool) throws(ECMARegexError) -> UInt32 {
        guard let scalar = peek else { throw error("'\\' at the end of the pattern", at: start) }
        pos += 1
        switch scalar {
        case "t": return 0x09
        case "n": return 0x0A
        case "v": return 0x0B
        case "f": return 0x0C
        case "r": return 0x0D
        case "c":
            guard let letter = peek, letter.isASCII, letter.properties.isAlphabetic else {
                throw error("'\\c' must be followed by a letter A–Z or a–z", at: start)
            }
            pos += 1
            return letter.value % 32
        case "0":
            if let next = peek, ("0"..."9").contains(next) {
                throw error("octal escapes are not allowed", at: start)
            }
            return 0
        case "x":
            guard let value = readHex(count: 2) else {
                throw error("'\\x' must be followed by two hexadecimal digits", at: start)
            }
            return value
        case "u":
            return try parseUnicodeEscape(start: start)
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return scalar.value
        case "-" where inClass:
            return scalar.value
        default:
            if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) {
                // Often written for other regex dialects: say what to write instead.
                throw error("invalid escape '\\\(scalar)' (in ECMA-262 unicode mode only ^ $ \\ . * + ? ( ) [ ] { } | / "
                    + "are escaped; write '\(scalar)' alone\(inClass ? "" : ", or \\- only inside [...]"))", at: start)
            }
            throw error("invalid escape '\\\(scalar)'", at: start)
        }
    }

    private mutating func readHex(count: Int) -> UInt32? {
        guard pos + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[pos..<pos + count] {
            guard let digit = scalar.properties.isASCIIHexDigit ? UInt32(String(scalar), radix: 16) : nil
            else { return nil }
            value = value * 16 + digit
        }
        pos += count
        return value
    }

    /// `\uXXXX` (a surrogate pair of two escapes makes one code point) or `\u{X…}`.
    private mutating func parseUnicodeEscape(start: Int) throws(ECMARegexError) -> UInt32 {
        if peek == "{" {
            pos += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = peek, scalar.properties.isASCIIHexDigit, let digit = UInt32(String(scalar), radix: 16) {
                value = min(value * 16 + digit, 0x110000)
                digits += 1
                pos += 1
            }
            guard digits > 0, peek == "}", value <= 0x10FFFF else {
                throw error("'\\u{…}' needs hexadecimal digits up to 10FFFF", at: start)
            }
            pos += 1
            return value
        }
        guard let value = readHex(count: 4) else {
            throw error("'\\u' must be followed by four hexadecimal digits or {…}", at: start)
        }
        if (0xD800...0xDBFF).contains(value), peek == "\\", peek(at: 1) == "u" {
            let saved = pos
            pos += 2
            if let low = readHex(count: 4), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            pos = saved
        }
        return value
    }

    // MARK: Classes

    mutating func parseClass() throws(ECMARegexError) -> RegexNode {
        let start = pos
        pos += 1
        var negated = false
        if peek == "^" { negated = true; pos += 1 }
        if peek == "]" {
            pos += 1
            emit(negated ? "[\\x{0}-\\x{10FFFF}]" : "(?:(?!))")
            return .set(negated ? CodePointSet.all : [])
        }
        var body = ""
        var ranges: [ClosedRange<UInt32>]? = []
        while true {
            guard let scalar = peek else { throw error("unterminated character class", at: start) }
            if scalar == "]" { pos += 1; break }
            let atomStart = pos
            let first = try parseClassAtom()
            if peek == "-", let after = peek(at: 1), after != "]" {
                pos += 1
                let second = try parseClassAtom()
                guard case let .codePoint(low) = first, case let .codePoint(high) = second else {
                    throw error("a class escape such as \\d cannot bound a range", at: atomStart)
                }
                guard low <= high else { throw error("range out of order in character class", at: atomStart) }
                body += Self.literal(low) + "-" + Self.literal(high)
                ranges?.append(low...high)
            } else {
                switch first {
                case let .codePoint(value):
                    body += Self.literal(value)
                    ranges?.append(value...value)
                case let .set(set, setRanges):
                    body += set
                    if let setRanges { ranges?.append(contentsOf: setRanges) } else { ranges = nil }
                }
            }
        }
        emit("[" + (negated ? "^" : "") + body + "]")
        guard let ranges else { return .unsupported }
        return .set(negated ? CodePointSet.complement(ranges) : CodePointSet.normalize(ranges))
    }

    private mutating func parseClassAtom() throws(ECMARegexError) -> ClassAtom {
        let start = pos
        guard let scalar = peek else { throw error("unterminated character class", at: start) }
        guard scalar == "\\" else {
            pos += 1
            return .codePoint(scalar.value)
        }
        pos += 1
        guard let next = peek else { throw error("'\\' at the end of the pattern", at: start) }
        switch next {
        case "b":
            pos += 1
            return .codePoint(0x08)
        case "d", "D", "w", "W", "s", "S":
            pos += 1
            return .set(classEscape(next), Self.classEscapeRanges(next))
        case "p", "P":
            let (text, ranges) = try parsePropertyEscape(start: start)
            return .set(text, ranges)
        case "1"..."9":
            throw error("back-references are not allowed in a character class", at: start)
        default:
            return .codePoint(try parseCharacterEscape(start: start, inClass: true))
        }
    }

    // MARK: Group names

    /// Reads a group name up to `terminator` (consumed) and checks it is an ECMA identifier.
    mutating func readGroupName(terminator: Unicode.Scalar) throws(ECMARegexError) -> String {
        let start = pos
        var name = ""
        while let scalar = peek, scalar != terminator {
            let allowed = name.isEmpty
                ? scalar == "$" || scalar == "_" || scalar.properties.isIDStart
                : scalar == "$" || scalar == "\u{200C}" || scalar == "\u{200D}" || scalar.properties.isIDContinue
            guard allowed else { throw error("invalid character in group name", at: pos) }
            name.unicodeScalars.append(scalar)
            pos += 1
        }
        guard peek == terminator, !name.isEmpty else { throw error("invalid group name", at: start) }
        pos += 1
        return name
    }

    /// Counts capturing groups and numbers the named ones before parsing, so that forward
    /// references (`\2(a)(b)`, `\k<x>(?<x>a)`) resolve as in ECMA-262.
    static func scanGroups(_ scalars: [Unicode.Scalar], pattern: String)
        throws(ECMARegexError) -> (count: Int, names: [String: Int], hasBackReferences: Bool)
    {
        var count = 0
        var hasBackReferences = false
        var names: [String: Int] = [:]
        var index = 0
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                if !inClass, index + 1 < scalars.count, scalars[index + 1] == "k" || ("1"..."9").contains(scalars[index + 1]) {
                    hasBackReferences = true
                }
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let third = index + 2 < scalars.count ? scalars[index + 2] : " "
                let fourth = index + 3 < scalars.count ? scalars[index + 3] : " "
                if next != "?" {
                    count += 1
                } else if third == "<", fourth != "=", fourth != "!" {
                    count += 1
                    var end = index + 3
                    var name = ""
                    while end < scalars.count, scalars[end] != ">" {
                        name.unicodeScalars.append(scalars[end])
                        end += 1
                    }
                    if names[name] != nil {
                        throw .invalid(pattern: pattern, reason: "duplicate group name '\(name)' at position \(index + 1)")
                    }
                    names[name] = count
                }
            }
            index += 1
        }
        return (count, names, hasBackReferences)
    }
}
