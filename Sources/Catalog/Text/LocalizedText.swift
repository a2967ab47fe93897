import JSONSchema

/// A #CodeSocial text: a single string, or translations by language tag (`{fr: …, en: …}`).
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The translations in source order; a plain string is stored under the empty tag.
    public var translations: [Translation]

    /// One translation of a text.
    public struct Translation: Hashable, Sendable, Codable {
        /// BCP 47 language tag, or `""` when the text was a plain string.
        public var language: String
        /// The text itself (Markdown allowed).
        public var text: String

        /// Creates a translation.
        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// Creates a text from translations.
    public init(_ translations: [Translation]) { self.translations = translations }

    /// Creates a single-language text.
    public init(_ text: String) { self.translations = [Translation(language: "", text: text)] }

    /// Reads a text from a description value: a string or a map from language tag to string.
    /// Returns `nil` for anything else (including an empty map).
    public init?(_ value: JSONValue?) {
        switch value {
        case .string(let text):
            self.init(text)
        case .object(let object):
            var translations: [Translation] = []
            for (language, member) in object {
                if case .string(let text) = member { translations.append(Translation(language: language, text: text)) }
            }
            guard !translations.isEmpty else { return nil }
            self.init(translations)
        default:
            return nil
        }
    }

    /// Whether no translation has any text.
    public var isEmpty: Bool { translations.allSatisfy { $0.text.isEmpty } }

    /// Every translation joined, for indexing.
    public var allText: String { translations.map(\.text).joined(separator: "\n") }

    /// The translation to show: the preferred language (matching its primary subtag), else
    /// the plain string, else the first translation.
    /// - Parameter language: preferred language tag, e.g. `fr`.
    public func resolved(preferring language: String) -> String {
        let wanted = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        if let match = translations.first(where: {
            ($0.language.lowercased().split(separator: "-").first.map(String.init) ?? "") == wanted
        }) {
            return match.text
        }
        return translations.first(where: { $0.language.isEmpty })?.text ?? translations.first?.text ?? ""
    }
}

/// The language in which the catalog renders messages and titles.
public enum DisplayLanguage: String, Sendable, CaseIterable, Codable {
    /// Français.
    case french = "fr"
    /// English.
    case english = "en"
}
