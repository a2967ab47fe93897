/// A language the tool speaks to people in: messages, scaffolds, generated docs.
///
/// Detected from the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders
/// them); English unless the locale is French.
public enum Language: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// French.
    case fr
    /// English.
    case en

    /// Parses a user's choice (`fr`, `FR`, `fr_FR.UTF-8`, `en-GB`, `french`, `français`);
    /// nil when it names neither French nor English.
    public init?(userInput: String) {
        let text = userInput.lowercased()
        let primary = text.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." || $0 == "@" }).first.map(String.init) ?? text
        switch primary {
        case "fr", "fra", "fre", "french", "français", "francais": self = .fr
        case "en", "eng", "english", "anglais", "c", "posix": self = .en
        default: return nil
        }
    }

    /// The language of the locale in `environment`: the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set and not empty decides; French when it starts with `fr`, English
    /// otherwise (also when none is set).
    public static func detect(environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }

    /// Picks the French or English text.
    @inlinable
    public func pick(fr: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
        self == .fr ? fr() : en()
    }

    /// `fr` or `en`.
    public var description: String { rawValue }
}
