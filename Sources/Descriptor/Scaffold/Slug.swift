import Foundation

/// Registry identifiers (`id`): lowercase ASCII slugs such as `assemblee-virtuelle`.
///
/// The format is `^[a-z0-9]+(-[a-z0-9]+)*$`, 2 to 64 characters. ``suggest(from:)`` turns a
/// human name into such an id: it spells Greek, Cyrillic, Armenian and Georgian letters in Latin,
/// folds accents and ligatures ("Œuvre" → `oeuvre`), lowercases, and joins the remaining words
/// with hyphens.
public enum Slug {
    /// The shortest valid id.
    public static let minimumLength = 2
    /// The longest valid id.
    public static let maximumLength = 64

    /// Whether `text` is a valid registry id.
    /// - Parameter text: the candidate id.
    /// - Returns: `true` when it matches `^[a-z0-9]+(-[a-z0-9]+)*$` and has 2 to 64 characters.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (minimumLength...maximumLength).contains(bytes.count) else { return false }
        var previousWasHyphen = true  // forbids a leading hyphen
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                if previousWasHyphen { return false }
                previousWasHyphen = true
            } else if isLowerAlphanumeric(byte) {
                previousWasHyphen = false
            } else {
                return false
            }
        }
        return !previousWasHyphen
    }

    /// Suggests a registry id for a name: "Assemblée Virtuelle" → `assemblee-virtuelle`.
    ///
    /// Accents and ligatures are folded to ASCII, letters are lowercased, every run of other
    /// characters becomes one hyphen, and a result longer than 64 characters is cut at the last
    /// hyphen that keeps it within the limit.
    /// - Parameter name: any text, typically the project's name.
    /// - Returns: a valid id, or `nil` when the name has fewer than two usable letters or digits
    ///   (for example "!!!" or "東京"): the caller must then ask for an id.
    public static func suggest(from name: String) -> String? {
        var slug = ""
        var pendingHyphen = false
        for character in fold(transliterated(name)) {
            guard let byte = character.asciiValue.map({ lowercase($0) }), isLowerAlphanumeric(byte) else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug.append("-") }
            pendingHyphen = false
            slug.append(Character(Unicode.Scalar(byte)))
        }
        if slug.utf8.count > maximumLength {
            slug = String(slug.prefix(maximumLength))
            if let cut = slug.lastIndex(of: "-") { slug = String(slug[..<cut]) }
        }
        return isValid(slug) ? slug : nil
    }

    /// Spells Greek, Cyrillic, Armenian and Georgian letters in Latin (ICU's transliterators),
    /// so that "Ωmega" suggests `omega`, not `mega`. Other scripts (Han, Arabic…) have no reliable
    /// spelling and are left alone: a name written only in them gets no suggestion.
    static func transliterated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x0370...0x10FF).contains($0.value) || (0x1C80...0x1CBF).contains($0.value) }) else {
            return text
        }
        let transform = StringTransform("Greek-Latin; Cyrillic-Latin; Armenian-Latin; Georgian-Latin")
        return text.applyingTransform(transform, reverse: false) ?? text
    }

    /// Folds `text` towards ASCII: compatibility decomposition (NFKD) splits "é" into "e" plus a
    /// combining accent and "ﬁ" into "fi"; combining marks are dropped; letters that do not
    /// decompose (œ, æ, ß, ø, ł, đ, þ, ð, ı) are spelled out.
    static func fold(_ text: String) -> String {
        var folded = ""
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                if let spelled = spelledOut[scalar] {
                    folded += spelled
                } else {
                    folded.unicodeScalars.append(scalar)
                }
            }
        }
        return folded
    }

    /// Letters that carry no decomposition but have a customary ASCII spelling.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ẞ": "SS",
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H",
    ]

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
