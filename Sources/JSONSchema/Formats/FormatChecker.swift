/// Hand-written checkers for the `format` values that draft 2020-12 defines, exact to their RFCs.
///
/// Each checker is a small parser over Unicode scalars (no regular expressions), so that the
/// accepted language is the RFC's grammar and nothing else: no leading or trailing whitespace, no
/// non-ASCII digits, no ISO 8601 variants that RFC 3339 leaves out. `format: "regex"` compiles the
/// value with `ECMARegex` (ECMA-262 unicode mode).
enum FormatChecker {
    /// The formats this checker knows, in the order the specification lists them.
    static let knownFormats: [String] = [
        "date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "json-pointer",
        "relative-json-pointer", "regex",
    ]

    /// Whether `value` is valid for `format`; nil when the format is unknown (annotation only).
    ///
    /// Only strings are checked: every format here applies to strings, so callers treat other
    /// instance types as valid.
    static func check(_ format: String, _ value: String) -> Bool? {
        switch format {
        case "date-time": return isDateTime(value)
        case "date": return isDate(value)
        case "time": return isTime(value)
        case "duration": return isDuration(value)
        case "email": return isEmail(value)
        case "hostname": return isHostname(value)
        case "ipv4": return isIPv4(value)
        case "ipv6": return isIPv6(value)
        case "uri": return URIChecker(value, iri: false).isURI()
        case "uri-reference": return URIChecker(value, iri: false).isReference()
        case "iri": return URIChecker(value, iri: true).isURI()
        case "iri-reference": return URIChecker(value, iri: true).isReference()
        case "uuid": return isUUID(value)
        case "json-pointer": return isJSONPointer(value)
        case "relative-json-pointer": return isRelativeJSONPointer(value)
        case "regex": return isRegex(value)
        default: return nil
        }
    }

    // MARK: Small shared helpers

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar.value >= 0x41 && scalar.value <= 0x46) || (scalar.value >= 0x61 && scalar.value <= 0x66)
    }

    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }

    /// The value of `count` ASCII digits starting at `index`, or nil if any is not an ASCII digit.
    static func digits(_ scalars: [Unicode.Scalar], _ index: Int, _ count: Int) -> Int? {
        guard index >= 0, index + count <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[index..<index + count] {
            guard isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 0x30)
        }
        return value
    }

    // MARK: uuid, JSON pointers, regex

    /// RFC 4122 textual form: 8-4-4-4-12 hexadecimal digits, any case, any version and variant.
    static func isUUID(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count == 36 else { return false }
        for (index, scalar) in scalars.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard scalar == "-" else { return false }
            } else if !isHexDigit(scalar) {
                return false
            }
        }
        return true
    }

    /// RFC 6901: empty, or `/`-prefixed tokens where `~` is only followed by `0` or `1`.
    static func isJSONPointer(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        return isJSONPointer(scalars[...])
    }

    static func isJSONPointer(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first else { return true }
        guard first == "/" else { return false }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "~" {
                let next = index + 1
                guard next < scalars.endIndex, scalars[next] == "0" || scalars[next] == "1" else { return false }
                index += 2
            } else {
                index += 1
            }
        }
        return true
    }

    /// draft-bhutton-relative-json-pointer-00: a non-negative integer (no leading zeros), then `#` or a JSON pointer.
    static func isRelativeJSONPointer(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        guard index > 0, !(scalars[0] == "0" && index > 1) else { return false }
        let rest = scalars[index...]
        if rest.count == 1 && rest.first == "#" { return true }
        return isJSONPointer(rest)
    }

    /// An ECMA-262 (unicode mode) regular expression that ICU can run.
    static func isRegex(_ value: String) -> Bool {
        (try? ECMARegex(value)) != nil
    }
}
