/// Writes strings as YAML 1.2 scalars that read back as the same string.
///
/// A string is written plain when that is unambiguous (no indicator, no `: ` or ` #`, not
/// something the core schema — or an editor still on YAML 1.1 — would read as a null, boolean or
/// number), and double-quoted with escapes otherwise.
enum YAMLText {
    /// The scalar for `text`, plain or double-quoted.
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// `text` in double quotes, with `\`, `"`, and every control or line-breaking character escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar == "\u{FEFF}" {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]

    /// Words YAML 1.2 core reads as null or booleans, plus YAML 1.1 booleans that editors may still
    /// apply: quoting them keeps every reader on the same string.
    private static let reservedWords: Set<String> = [
        "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
        "y", "Y", "n", "N", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
    ]

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first.isWhitespace || last.isWhitespace || indicators.contains(first) || last == ":" { return false }
        if reservedWords.contains(text) || looksNumeric(text) { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}"
        }
    }

    /// Whether a plain scalar could resolve to a number (core schema, also octal/hex, dates like
    /// `2015-04`, sexagesimal `1:20` of YAML 1.1): digits, signs and dots only, or `0x`/`0o` forms.
    private static func looksNumeric(_ text: String) -> Bool {
        let body = text.drop { $0 == "+" || $0 == "-" }
        guard let first = body.first else { return false }
        if first.isASCII && (first.isNumber || first == ".") {
            return body.allSatisfy { $0.isASCII && ($0.isHexDigit || "._:-+eExXoO".contains($0)) }
        }
        return false
    }
}
