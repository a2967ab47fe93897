/// Hand-written checkers for the value forms the format uses. Each is total (never traps)
/// and linear in its input.
public enum Formats {
    // MARK: Dates

    /// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and day.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), parts.allSatisfy(allDigits) else { return false }
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
            if parts.count == 3 {
                guard parts[2].count == 2, let day = Int(parts[2]) else { return false }
                return day >= 1 && day <= daysIn(month: month, year: year)
            }
        }
        return true
    }

    private static func allDigits(_ part: Substring) -> Bool {
        !part.isEmpty && part.utf8.allSatisfy { $0 &- 48 < 10 }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The earliest (`YYYY` → `YYYY-01-01`) or latest (`YYYY` → `YYYY-12-31`) full date a
    /// partial date stands for, for comparisons.
    static func expand(_ date: String, latest: Bool) -> String {
        let parts = date.split(separator: "-")
        switch parts.count {
        case 1: return date + (latest ? "-12-31" : "-01-01")
        case 2:
            let day = latest ? daysIn(month: Int(parts[1]) ?? 12, year: Int(parts[0]) ?? 2000) : 1
            return date + (day < 10 ? "-0\(day)" : "-\(day)")
        default: return date
        }
    }

    // MARK: Durations

    /// Whether `text` is an ISO 8601 duration: `P` then years, months, weeks, days, and
    /// after `T` hours, minutes, seconds, in that order, at least one, integers except
    /// the last component (which may have a fraction).
    public static func isDuration(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)
        guard scalars.first == "P", scalars.count >= 3 else { return false }
        scalars.removeFirst()
        let dateUnits: [Unicode.Scalar] = ["Y", "M", "W", "D"], timeUnits: [Unicode.Scalar] = ["H", "M", "S"]
        var units = dateUnits
        var unitIndex = 0
        var inTime = false
        var components = 0
        var timeComponents = 0
        var sawFraction = false
        var index = 0
        while index < scalars.count {
            if scalars[index] == "T" {
                guard !inTime, index + 1 < scalars.count else { return false }
                inTime = true
                units = timeUnits
                unitIndex = 0
                index += 1
                continue
            }
            guard !sawFraction else { return false }
            let start = index
            while index < scalars.count, scalars[index].properties.numericType != nil, scalars[index].isASCII { index += 1 }
            guard index > start else { return false }
            if index < scalars.count, scalars[index] == "." || scalars[index] == "," {
                index += 1
                let fractionStart = index
                while index < scalars.count, scalars[index].isASCII, scalars[index].properties.numericType != nil { index += 1 }
                guard index > fractionStart else { return false }
                sawFraction = true
            }
            guard index < scalars.count, let position = units[unitIndex...].firstIndex(of: scalars[index]) else { return false }
            unitIndex = position + 1
            components += 1
            if inTime { timeComponents += 1 }
            index += 1
        }
        return components > 0 && (!inTime || timeComponents > 0)
    }

    // MARK: Language tags

    /// Whether `text` is a well-formed BCP 47 language tag (RFC 5646 `Language-Tag`
    /// syntax: language, extlang, script, region, variants, extensions, private use, and
    /// the grandfathered tags). Well-formed, not checked against the IANA registry.
    public static func isLanguageTag(_ text: String) -> Bool {
        let lower = text.lowercased()
        if grandfathered.contains(lower) { return true }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = subtags.first, !first.isEmpty else { return false }
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.unicodeScalars.allSatisfy(isAlphanumeric) }) else { return false }
        if first == "x" { return subtags.count > 1 }
        var index = 0
        // language
        guard isAlpha(first), (2...8).contains(first.count), first.count != 4 || true else { return false }
        index = 1
        if first.count <= 3 {
            var extlangs = 0
            while index < subtags.count, extlangs < 3, subtags[index].count == 3, isAlpha(subtags[index]) {
                index += 1
                extlangs += 1
            }
        }
        if index < subtags.count, subtags[index].count == 4, isAlpha(subtags[index]) { index += 1 }  // script
        if index < subtags.count,
           (subtags[index].count == 2 && isAlpha(subtags[index])) || (subtags[index].count == 3 && isDigits(subtags[index])) {
            index += 1  // region
        }
        while index < subtags.count, isVariant(subtags[index]) { index += 1 }
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {
            index += 1
            let start = index
            while index < subtags.count, (2...8).contains(subtags[index].count) { index += 1 }
            guard index > start else { return false }
        }
        if index < subtags.count, subtags[index] == "x" {
            return index + 1 < subtags.count
        }
        return index == subtags.count
    }

    private static let grandfathered: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
        "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    ]

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
    private static func isAlpha(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
    private static func isDigits(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    private static func isVariant(_ text: String) -> Bool {
        if (5...8).contains(text.count) { return true }
        if text.count == 4, let first = text.unicodeScalars.first, ("0"..."9").contains(first) { return true }
        return false
    }

    // MARK: E-mail

    /// Whether `text` is a well-formed e-mail address: `local@domain`, a dot-atom local part
    /// (letters of any script, digits and ``!#$%&'*+/=?^_`{|}~-``, dots not first, last or
    /// doubled) and a domain of at least two labels.
    public static func isEmail(_ text: String) -> Bool {
        guard text.utf8.count <= 254 else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let local = parts[0]
        guard local.first != ".", local.last != ".", !local.contains("..") else { return false }
        guard local.unicodeScalars.allSatisfy(isLocalPartScalar) else { return false }
        return isHostName(String(parts[1]), requireDot: true)
    }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            if (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { return true }
            return "!#$%&'*+/=?^_`{|}~-.".utf8.contains(byte)
        }
        return !scalar.properties.isWhitespace
    }

    /// Whether `host` is a DNS name: labels of letters (any script), digits and inner hyphens,
    /// 1–63 characters, separated by dots; a trailing dot is allowed.
    static func isHostName(_ host: String, requireDot: Bool) -> Bool {
        var host = Substring(host)
        if host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if requireDot && labels.count < 2 { return false }
        for label in labels {
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                let bytes = label.utf8
                guard !bytes.isEmpty, bytes.count <= 63, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
                guard bytes.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 || $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: "-") }) else { return false }
                continue
            }
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-" else { return false }
            guard label.unicodeScalars.allSatisfy({ $0 == "-" || ("0"..."9").contains($0) || $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                return false
            }
        }
        return true
    }

    // MARK: URLs

    /// Whether `text` is an absolute `http` or `https` URL with a host (name, IPv4 or
    /// bracketed IPv6), an optional port of at most 65535, and no spaces or control characters.
    public static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        let forbidden: (Unicode.Scalar) -> Bool = { scalar in
            if scalar.value < 0x80 {
                return scalar.value <= 0x20 || scalar.value == 0x7F || scalar == "\\" || scalar == "<" || scalar == ">" || scalar == "\""
            }
            return scalar.properties.isWhitespace
        }
        guard !text.unicodeScalars.contains(where: forbidden) else { return false }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return false }
        var host = authority
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return false }
            let inside = authority[authority.index(after: authority.startIndex)..<close]
            guard !inside.isEmpty, inside.unicodeScalars.allSatisfy({ $0 == ":" || $0 == "." || $0.properties.isASCIIHexDigit }) else { return false }
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { return true }
            guard after.first == ":" else { return false }
            return isPort(after.dropFirst())
        }
        if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard isPort(authority[authority.index(after: colon)...]) else { return false }
        }
        return isHostName(String(host), requireDot: false)
    }

    private static func isPort(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.count <= 5, text.utf8.allSatisfy({ $0 &- 48 < 10 }), let port = Int(text) else { return false }
        return port <= 65535
    }
}
