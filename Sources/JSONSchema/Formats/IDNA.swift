import Foundation

/// IDNA2008 A-label checks for `hostname` (RFC 5890–5892, Punycode RFC 3492).
///
/// An `xn--` label is valid when its Punycode decodes to a U-label whose every code point is
/// PVALID under RFC 5892's derivation (computed from the Unicode properties Swift ships), or is
/// CONTEXTJ/CONTEXTO with its contextual rule satisfied (appendix A). Scripts and joining types
/// come from ICU through `\p{…}` patterns, so the tables are the platform's Unicode data.
/// A name with a right-to-left label must also satisfy the Bidi rule (RFC 5893) in every label.
enum IDNA {
    /// Whether `label` starts with the ACE prefix `xn--` (any case).
    static func hasACEPrefix(_ label: ArraySlice<Unicode.Scalar>) -> Bool {
        guard label.count >= 4 else { return false }
        let start = label.startIndex
        return (label[start] == "x" || label[start] == "X") && (label[start + 1] == "n" || label[start + 1] == "N")
            && label[start + 2] == "-" && label[start + 3] == "-"
    }

    /// Whether `label` (with its `xn--` prefix) is a valid A-label.
    static func isALabel(_ label: ArraySlice<Unicode.Scalar>) -> Bool {
        uLabel(label) != nil
    }

    /// The U-label that the A-label `label` (with its `xn--` prefix) stands for, if it is valid:
    /// Punycode that decodes, re-encodes to the same text (RFC 5891 section 5.4) and gives a
    /// permitted U-label. DNS labels are case-insensitive, so the label is lowercased first.
    static func uLabel(_ label: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        let lowered = label.dropFirst(4).map { scalar in
            (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
        }
        guard let decoded = Punycode.decode(lowered[...]), !decoded.isEmpty,
              !decoded.allSatisfy(\.isASCII),
              Punycode.encode(decoded) == lowered,
              isULabel(decoded)
        else { return nil }
        return decoded
    }

    /// RFC 5891 section 5.4 checks on a decoded label.
    static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        // NFC (compared scalar by scalar: String equality is canonical equivalence).
        let text = String(String.UnicodeScalarView(label))
        guard Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == label else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        guard label.first != "-", label.last != "-" else { return false }
        if let first = label.first, [.nonspacingMark, .spacingMark, .enclosingMark].contains(first.properties.generalCategory) {
            return false
        }
        for (index, scalar) in label.enumerated() {
            switch status(of: scalar) {
            case .pvalid: continue
            case .disallowed: return false
            case .contextJ: guard contextJ(label, index) else { return false }
            case .contextO: guard contextO(label, index) else { return false }
            }
        }
        return true
    }

    enum Status { case pvalid, contextJ, contextO, disallowed }

    /// RFC 5892 section 3: the derived property value of a code point.
    static func status(of scalar: Unicode.Scalar) -> Status {
        let value = scalar.value
        switch value {
        // Exceptions (section 2.6).
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return .pvalid
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9: return .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return .disallowed
        default: break
        }
        let properties = scalar.properties
        if properties.generalCategory == .unassigned { return .disallowed }
        if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || value == 0x2D { return .pvalid }
        if value == 0x200C || value == 0x200D { return .contextJ }
        if has(scalar, "Changes_When_NFKC_Casefolded") { return .disallowed }
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace || properties.isNoncharacterCodePoint {
            return .disallowed
        }
        // Ignorable blocks, and old Hangul jamo (Hangul_Syllable_Type L, V, T).
        switch value {
        case 0x20D0...0x20FF, 0x1D100...0x1D1FF, 0x1D200...0x1D24F: return .disallowed
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF: return .disallowed
        default: break
        }
        switch properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter,
             .nonspacingMark, .spacingMark:
            return .pvalid
        default:
            return .disallowed
        }
    }

    /// Appendix A.1 and A.2: ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER.
    static func contextJ(_ label: [Unicode.Scalar], _ index: Int) -> Bool {
        if index > 0, label[index - 1].properties.canonicalCombiningClass == .virama { return true }
        guard label[index].value == 0x200C else { return false }
        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        var before = index - 1
        while before >= 0, has(label[before], "Joining_Type=T") { before -= 1 }
        guard before >= 0, has(label[before], "Joining_Type=L") || has(label[before], "Joining_Type=D") else { return false }
        var after = index + 1
        while after < label.count, has(label[after], "Joining_Type=T") { after += 1 }
        return after < label.count && (has(label[after], "Joining_Type=R") || has(label[after], "Joining_Type=D"))
    }

    /// Appendix A.3 to A.9: the CONTEXTO rules.
    static func contextO(_ label: [Unicode.Scalar], _ index: Int) -> Bool {
        let before = index > 0 ? label[index - 1] : nil
        let after = index + 1 < label.count ? label[index + 1] : nil
        switch label[index].value {
        case 0x00B7: return before == "l" && after == "l"
        case 0x0375: return after.map { has($0, "Script=Greek") } ?? false
        case 0x05F3, 0x05F4: return before.map { has($0, "Script=Hebrew") } ?? false
        case 0x30FB:
            return label.contains { has($0, "Script=Hiragana") || has($0, "Script=Katakana") || has($0, "Script=Han") }
        case 0x0660...0x0669: return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9: return !label.contains { (0x0660...0x0669).contains($0.value) }
        default: return false
        }
    }

    /// Whether ICU says `scalar` has the Unicode property `property` (e.g. `Script=Greek`).
    static func has(_ scalar: Unicode.Scalar, _ property: String) -> Bool {
        guard let regex = try? ECMARegex.cached("^\\p{\(property)}$") else { return false }
        return (try? regex.matches(String(scalar), timeout: .seconds(1))) ?? false
    }

    // MARK: The Bidi rule (RFC 5893 section 2)

    /// Whether any label holds a right-to-left character (R, AL or AN): then the name is a
    /// "Bidi domain name" and every label must satisfy the Bidi rule.
    static func isBidiDomain(_ labels: [[Unicode.Scalar]]) -> Bool {
        labels.contains { label in
            label.contains { !$0.isASCII && ["R", "AL", "AN"].contains(bidiClass($0)) }
        }
    }

    /// RFC 5893 section 2, rules 1 to 6, for one label of a Bidi domain name.
    static func satisfiesBidiRule(_ label: [Unicode.Scalar]) -> Bool {
        let classes = label.map(bidiClass)
        guard let first = classes.first else { return false }
        // The last class that is not NSM.
        let last = classes.last { $0 != "NSM" }
        if first == "R" || first == "AL" {
            let allowed: Set = ["R", "AL", "AN", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"]
            guard classes.allSatisfy(allowed.contains) else { return false }
            guard let last, ["R", "AL", "EN", "AN"].contains(last) else { return false }
            return !(classes.contains("EN") && classes.contains("AN"))
        }
        guard first == "L" else { return false }
        let allowed: Set = ["L", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"]
        guard classes.allSatisfy(allowed.contains) else { return false }
        return last == "L" || last == "EN"
    }

    /// The Bidi_Class of `scalar` (ICU's data), among the classes the Bidi rule names.
    static func bidiClass(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII {
            if FormatChecker.isAlpha(scalar) { return "L" }
            if FormatChecker.isDigit(scalar) { return "EN" }
            if scalar == "-" { return "ES" }
        }
        for candidate in ["L", "AL", "R", "NSM", "EN", "AN", "ON", "ES", "CS", "ET", "BN"]
        where has(scalar, "Bidi_Class=\(candidate)") {
            return candidate
        }
        return "other"
    }
}
