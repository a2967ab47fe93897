/// A text in each language the tool speaks: what errors and reports carry until they are printed,
/// so that the command (which knows `--lang` and the locale) picks the language, not the code that
/// failed.
///
/// Build it where the text is written, both languages side by side:
/// `Localized(en: "no registry at \(path)", fr: "aucun registre à \(path)")`. Text from elsewhere
/// (a git server's reason, a libgit2 message, a path) is interpolated as it is into both.
public struct Localized: Sendable, Hashable, CustomStringConvertible {
    /// The English text.
    public var en: String
    /// The French text.
    public var fr: String

    /// Creates a text from its English and French versions.
    public init(en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// The same text in every language: for what is not translated (a server's message, a path).
    public init(verbatim text: String) {
        self.init(en: text, fr: text)
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        language == .fr ? fr : en
    }

    /// Both texts transformed alike (`Localized(...).map { "\(path): " + $0 }`).
    public func map(_ transform: (String) -> String) -> Localized {
        Localized(en: transform(en), fr: transform(fr))
    }

    /// The English text.
    public var description: String { en }
}
