import Foundation

/// Folds text so that searching and matching ignore case, accents, ligatures and apostrophe styles.
///
/// SQLite's `unicode61` tokenizer (with `remove_diacritics 2`) already folds case and
/// accents, but it keeps ligatures (`œ`, `æ`) and typographic apostrophes as they are:
/// ``forIndex(_:)`` rewrites those before text reaches the index *and* before a query does,
/// so that "oeuvre" finds "œuvre" and "l’œuvre" finds "l'oeuvre".
public enum TextFolding {
    /// Characters rewritten before indexing and querying (the rest is left to `unicode61`).
    static let replacements: [Character: String] = [
        "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ẞ": "SS",
        "\u{2019}": "'", "\u{2018}": "'", "\u{02BC}": "'", "\u{2032}": "'", "`": "'", "\u{00B4}": "'",
    ]

    /// Rewrites ligatures, compatibility forms (`ﬁ`, full-width letters) and typographic
    /// apostrophes; keeps case and accents (the tokenizer folds those), so snippets stay readable.
    /// - Parameter text: any text.
    /// - Returns: the text to store in the index or to send as a query.
    public static func forIndex(_ text: String) -> String {
        let compatible = text.precomposedStringWithCompatibilityMapping
        var out = ""
        out.reserveCapacity(compatible.utf8.count)
        for character in compatible {
            if let replacement = replacements[character] {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Folds text to a comparison key: ligatures expanded, accents removed, lower case.
    /// - Parameter text: any text (a tag, a word, a name).
    /// - Returns: `"mobilite"` for `"Mobilité"`, `"oeuvre"` for `"Œuvre"`.
    public static func key(_ text: String) -> String {
        let decomposed = forIndex(text).decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// Splits text into folded words (letters and digits), the way the index tokenizes it.
    /// - Parameter text: any text.
    /// - Returns: folded words in order, duplicates kept.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in key(text) {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The significant words of a text: folded, without French and English stop words,
    /// words shorter than three characters dropped, simple plurals reduced
    /// ("ateliers" → "atelier", "locaux" → "locau").
    /// - Parameter text: any text.
    /// - Returns: the set of significant word stems.
    public static func significantWords(_ text: String) -> Set<String> {
        var result = Set<String>()
        for word in words(text) where word.count >= 3 && !StopWords.all.contains(word) {
            result.insert(stem(word))
        }
        return result
    }

    /// A deliberately light stemmer shared by French and English: strips one plural mark.
    static func stem(_ word: String) -> String {
        guard word.count > 4, let last = word.last, last == "s" || last == "x" else { return word }
        return String(word.dropLast())
    }
}
