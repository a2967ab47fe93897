/// `ipv4`, `ipv6`, `hostname` and `email`.
extension FormatChecker {
    /// RFC 2673 dotted-quad: four decimal octets 0–255, ASCII digits, no leading zeros.
    static func isIPv4(_ value: String) -> Bool {
        isIPv4(Array(value.unicodeScalars)[...])
    }

    static func isIPv4(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let parts = scalars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.first == "0" { return false }
            let octet = part.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            guard octet <= 255 else { return false }
        }
        return true
    }

    /// RFC 4291 section 2.2 text forms: eight groups of 1–4 hex digits, one `::` at most, an optional
    /// trailing dotted-quad (worth two groups). No zone index, no brackets, no prefix length.
    static func isIPv6(_ value: String) -> Bool {
        isIPv6(Array(value.unicodeScalars)[...])
    }

    static func isIPv6(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard scalars.count >= 2, scalars.count <= 45 else { return false }
        let text = Array(scalars)
        // Locate a single "::".
        var doubleColon: Int?
        var index = 0
        while index + 1 < text.count {
            if text[index] == ":" && text[index + 1] == ":" {
                guard doubleColon == nil else { return false }
                doubleColon = index
                index += 2
            } else {
                index += 1
            }
        }
        func groups(_ part: ArraySlice<Unicode.Scalar>, allowIPv4: Bool) -> Int? {
            if part.isEmpty { return 0 }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            var count = 0
            for (position, piece) in pieces.enumerated() {
                if position == pieces.count - 1, allowIPv4, piece.contains(".") {
                    guard isIPv4(piece) else { return nil }
                    count += 2
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(isHexDigit) else { return nil }
                    count += 1
                }
            }
            return count
        }
        if let split = doubleColon {
            guard let head = groups(text[..<split], allowIPv4: false),
                  let tail = groups(text[(split + 2)...], allowIPv4: true)
            else { return false }
            return head + tail <= 7
        }
        return groups(text[...], allowIPv4: true) == 8
    }

    /// RFC 1123 host name: dot-separated labels of ASCII letters, digits and inner hyphens,
    /// 1–63 characters each, 253 in all, no trailing dot. A label starting with `xn--` must be a
    /// valid IDNA2008 A-label (RFC 5891: Punycode that decodes to a permitted U-label), and a name
    /// with a right-to-left label must satisfy the Bidi rule (RFC 5893).
    static func isHostname(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 253 else { return false }
        var labels: [[Unicode.Scalar]] = []
        var hasULabel = false
        for label in scalars.split(separator: ".", omittingEmptySubsequences: false) {
            guard isLDHLabel(label) else { return false }
            if IDNA.hasACEPrefix(label) {
                guard let uLabel = IDNA.uLabel(label) else { return false }
                labels.append(uLabel)
                hasULabel = true
            } else {
                labels.append(Array(label))
            }
        }
        if hasULabel, IDNA.isBidiDomain(labels) {
            return labels.allSatisfy(IDNA.satisfiesBidiRule)
        }
        return true
    }

    static func isLDHLabel(_ label: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (1...63).contains(label.count), label.first != "-", label.last != "-" else { return false }
        return label.allSatisfy { isAlpha($0) || isDigit($0) || $0 == "-" }
    }

    /// RFC 5321 `Mailbox`: a dot-string or quoted-string local part (at most 64 octets), `@`, then a
    /// host name, `[IPv4]`, `[IPv6:…]` or a general `[tag:content]` address literal.
    static func isEmail(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first else { return false }
        var index = 0
        if first == "\"" {
            index = 1
            var closed = false
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" { closed = true; index += 1; break }
                if scalar == "\\" {
                    guard index + 1 < scalars.count, (32...126).contains(scalars[index + 1].value) else { return false }
                    index += 2
                    continue
                }
                guard (32...126).contains(scalar.value) else { return false }
                index += 1
            }
            guard closed else { return false }
        } else {
            let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            var previousDot = true
            while index < scalars.count, scalars[index] != "@" {
                let scalar = scalars[index]
                if scalar == "." {
                    guard !previousDot else { return false }
                    previousDot = true
                } else {
                    guard isAlpha(scalar) || isDigit(scalar) || atext.contains(scalar) else { return false }
                    previousDot = false
                }
                index += 1
            }
            guard !previousDot else { return false }
        }
        // The local part is ASCII (quotes included), so scalars count octets.
        guard index <= 64, index < scalars.count, scalars[index] == "@"
        else { return false }
        let domain = scalars[(index + 1)...]
        guard domain.first == "[" else { return isHostname(String(String.UnicodeScalarView(domain))) }
        guard domain.last == "]", domain.count > 2 else { return false }
        let literal = domain.dropFirst().dropLast()
        if isIPv4(literal) { return true }
        guard let colon = literal.firstIndex(of: ":") else { return false }
        let tag = literal[..<colon]
        let content = literal[(colon + 1)...]
        if String(String.UnicodeScalarView(tag)).lowercased() == "ipv6" { return isIPv6(content) }
        // General-address-literal: Standardized-tag ":" 1*dcontent (RFC 5321 section 4.1.3).
        guard isLDHLabel(tag), !tag.allSatisfy(isDigit), !content.isEmpty else { return false }
        return content.allSatisfy { (33...90).contains($0.value) || (94...126).contains($0.value) }
    }
}
