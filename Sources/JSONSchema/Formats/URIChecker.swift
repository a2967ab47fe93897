/// A recogniser for RFC 3986 URIs and URI references, and RFC 3987 IRIs (which add non-ASCII
/// `ucschar`s everywhere and `iprivate` code points in the query).
///
/// It follows the ABNF of RFC 3986 appendix A: `scheme ":" hier-part ["?" query] ["#" fragment]`,
/// an authority with `userinfo@`, an IP-literal (`[IPv6]`, `[vX.…]`), a reg-name and a numeric port;
/// percent-encodings must be complete; a relative reference's first segment has no `:`.
struct URIChecker {
    private let scalars: [Unicode.Scalar]
    private let iri: Bool

    /// Prepares a check of `value`; `iri` allows RFC 3987's non-ASCII characters.
    init(_ value: String, iri: Bool) {
        self.scalars = Array(value.unicodeScalars)
        self.iri = iri
    }

    /// RFC 3986 `URI` (or RFC 3987 `IRI`): a scheme is required.
    func isURI() -> Bool {
        guard let colon = schemeEnd() else { return false }
        return hierPartAndRest(from: colon + 1, relative: false)
    }

    /// RFC 3986 `URI-reference` (or `IRI-reference`): a URI or a relative reference.
    func isReference() -> Bool {
        if let colon = schemeEnd() { return hierPartAndRest(from: colon + 1, relative: false) }
        return hierPartAndRest(from: 0, relative: true)
    }

    /// The index of the `:` ending a valid scheme, if the value starts with one.
    private func schemeEnd() -> Int? {
        guard let first = scalars.first, FormatChecker.isAlpha(first) else { return nil }
        var index = 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ":" { return index }
            guard FormatChecker.isAlpha(scalar) || FormatChecker.isDigit(scalar)
                || scalar == "+" || scalar == "-" || scalar == "."
            else { return nil }
            index += 1
        }
        return nil
    }

    // MARK: Components

    private func hierPartAndRest(from start: Int, relative: Bool) -> Bool {
        var index = start
        if index + 1 < scalars.count, scalars[index] == "/", scalars[index + 1] == "/" {
            index += 2
            let end = scalars[index...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? scalars.count
            guard isAuthority(index, end) else { return false }
            index = end
        } else if relative {
            // path-noscheme: the first segment of a relative path has no ":".
            let end = scalars[index...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? scalars.count
            if scalars[index..<end].contains(":") { return false }
        }
        // The path: segments of pchar separated by "/".
        guard let afterPath = scan(from: index, stop: ["?", "#"], allow: { isPChar($0) || $0 == "/" }) else { return false }
        index = afterPath
        if index < scalars.count, scalars[index] == "?" {
            let allowPrivate = iri
            guard let afterQuery = scan(from: index + 1, stop: ["#"], allow: {
                isPChar($0) || $0 == "/" || $0 == "?" || (allowPrivate && Self.isPrivate($0))
            }) else { return false }
            index = afterQuery
        }
        if index < scalars.count, scalars[index] == "#" {
            guard let afterFragment = scan(from: index + 1, stop: [], allow: { isPChar($0) || $0 == "/" || $0 == "?" })
            else { return false }
            index = afterFragment
        }
        return index == scalars.count
    }

    /// `[ userinfo "@" ] host [ ":" port ]` over `scalars[start..<end]`.
    private func isAuthority(_ start: Int, _ end: Int) -> Bool {
        var hostStart = start
        if let at = scalars[start..<end].firstIndex(of: "@") {
            guard scan(from: start, to: at, allow: { isUnreserved($0) || Self.isSubDelim($0) || $0 == ":" }) != nil
            else { return false }
            hostStart = at + 1
        }
        var portStart: Int?
        if hostStart < end, scalars[hostStart] == "[" {
            guard let close = scalars[hostStart..<end].firstIndex(of: "]"),
                  isIPLiteral(scalars[(hostStart + 1)..<close])
            else { return false }
            if close + 1 < end {
                guard scalars[close + 1] == ":" else { return false }
                portStart = close + 2
            }
        } else {
            let hostEnd = scalars[hostStart..<end].firstIndex(of: ":") ?? end
            guard scan(from: hostStart, to: hostEnd, allow: { isUnreserved($0) || Self.isSubDelim($0) }) != nil
            else { return false }
            if hostEnd < end { portStart = hostEnd + 1 }
        }
        if let portStart {
            return scalars[portStart..<end].allSatisfy(FormatChecker.isDigit)
        }
        return true
    }

    /// `IPv6address` or `IPvFuture` (`v` 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )).
    private func isIPLiteral(_ content: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = content.first else { return false }
        guard first == "v" || first == "V" else { return FormatChecker.isIPv6(content) }
        guard let dot = content.firstIndex(of: "."), dot > content.startIndex + 1, dot + 1 < content.endIndex
        else { return false }
        return content[(content.startIndex + 1)..<dot].allSatisfy(FormatChecker.isHexDigit)
            && content[(dot + 1)...].allSatisfy {
                $0.isASCII && (Self.isASCIIUnreserved($0) || Self.isSubDelim($0) || $0 == ":")
            }
    }

    // MARK: Character classes

    /// Scans from `start` until a scalar in `stop` (or the end); every scalar must be allowed or
    /// part of a `%HH` escape. Returns where it stopped, nil on a bad scalar.
    private func scan(from start: Int, stop: Set<Unicode.Scalar>, allow: (Unicode.Scalar) -> Bool) -> Int? {
        let end = scalars[start...].firstIndex { stop.contains($0) } ?? scalars.count
        return scan(from: start, to: end, allow: allow)
    }

    private func scan(from start: Int, to end: Int, allow: (Unicode.Scalar) -> Bool) -> Int? {
        var index = start
        while index < end {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < end,
                      FormatChecker.isHexDigit(scalars[index + 1]), FormatChecker.isHexDigit(scalars[index + 2])
                else { return nil }
                index += 3
            } else {
                guard allow(scalar) else { return nil }
                index += 1
            }
        }
        return end
    }

    private func isPChar(_ scalar: Unicode.Scalar) -> Bool {
        isUnreserved(scalar) || Self.isSubDelim(scalar) || scalar == ":" || scalar == "@"
    }

    private func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        Self.isASCIIUnreserved(scalar) || (iri && Self.isUCSChar(scalar))
    }

    private static func isASCIIUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        FormatChecker.isAlpha(scalar) || FormatChecker.isDigit(scalar)
            || scalar == "-" || scalar == "." || scalar == "_" || scalar == "~"
    }

    private static func isSubDelim(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=": return true
        default: return false
        }
    }

    /// RFC 3987 `ucschar`.
    private static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0xE1000...0xEFFFD: return true
        case 0x10000...0xDFFFD: return value & 0xFFFF <= 0xFFFD
        default: return false
        }
    }

    /// RFC 3987 `iprivate` (allowed in the query only).
    private static func isPrivate(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true
        default: return false
        }
    }
}
