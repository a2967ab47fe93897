import JSONSchema

/// A text of the format: a plain string (Markdown allowed) or translations by language tag
/// (`{fr: …, en: …}`).
public struct Text: Sendable, Hashable {
    /// Translations in source order; a plain string has one translation with a nil language.
    public let translations: [(language: String?, text: String)]

    /// Reads a text; nil when `value` is neither a string nor an object of strings.
    public init?(_ value: JSONValue?) {
        switch value {
        case .string(let text)?:
            translations = [(nil, text)]
        case .object(let object)?:
            var result: [(String?, String)] = []
            for member in object {
                guard let text = member.value.stringValue else { return nil }
                result.append((member.key, text))
            }
            translations = result
        default:
            return nil
        }
    }

    /// The text in `language` if there is one, else the plain string, else the first translation.
    public func preferred(_ language: String?) -> String? {
        if let language, let match = translations.first(where: { $0.language?.lowercased() == language.lowercased() }) {
            return match.text
        }
        if let match = translations.first(where: { $0.language.map { language?.lowercased().hasPrefix($0.lowercased()) ?? false } ?? false }) {
            return match.text
        }
        return translations.first(where: { $0.language == nil })?.text ?? translations.first?.text
    }

    /// All the words of all translations, joined (for search).
    public var allText: String { translations.map(\.text).joined(separator: "\n") }

    /// Whether every translation is blank.
    public var isEmpty: Bool { translations.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }

    /// Equal when the same translations appear in the same order.
    public static func == (lhs: Text, rhs: Text) -> Bool {
        lhs.translations.count == rhs.translations.count
            && zip(lhs.translations, rhs.translations).allSatisfy { $0.language == $1.language && $0.text == $1.text }
    }

    /// Hashes the translations.
    public func hash(into hasher: inout Hasher) {
        for translation in translations {
            hasher.combine(translation.language)
            hasher.combine(translation.text)
        }
    }
}
