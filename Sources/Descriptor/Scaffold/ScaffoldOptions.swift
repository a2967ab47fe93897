import Foundation

/// What a new `codesocial.yml` is filled with: the answers of `codesocial init`.
public struct ScaffoldOptions: Sendable, Equatable {
    /// The longest summary the format accepts, in characters per language.
    public static let maximumSummaryLength = 300

    /// The project's or organisation's name, as people write it ("Assemblée Virtuelle").
    public var name: String
    /// The registry id, a valid ``Slug``.
    public var id: String
    /// What is described.
    public var kind: Kind
    /// The language of the description and of the scaffold's comments.
    public var language: ScaffoldLanguage
    /// One or two sentences, at most ``maximumSummaryLength`` characters.
    public var summary: String
    /// The first maintainer of the description (`governance.maintainers`).
    public var maintainer: Maintainer

    /// Creates the options; see each property for its meaning.
    public init(name: String, id: String, kind: Kind, language: ScaffoldLanguage, summary: String, maintainer: Maintainer) {
        self.name = name
        self.id = id
        self.kind = kind
        self.language = language
        self.summary = summary
        self.maintainer = maintainer
    }

    /// The `kind` of a description.
    public enum Kind: String, Sendable, CaseIterable, Equatable {
        /// A project (`project`).
        case project
        /// An organisation: association, cooperative, company, collective (`organisation`).
        case organisation
        /// An idea looking for people (`idea`).
        case idea
        /// A collaboration between several projects or organisations (`collaboration`).
        case collaboration

        /// Reads a kind typed by a person, in English or French, any case and accents:
        /// `project`/`projet`, `organisation`/`organization`, `idea`/`idée`, `collaboration`.
        /// - Parameter text: what was typed.
        /// - Returns: the kind, or `nil` when the text names none.
        public init?(userInput text: String) {
            let folded = Slug.fold(text).lowercased().trimmingCharacters(in: .whitespaces)
            switch folded {
            case "project", "projet": self = .project
            case "organisation", "organization": self = .organisation
            case "idea", "idee": self = .idea
            case "collaboration": self = .collaboration
            default: return nil
            }
        }

        /// The word for this kind in `language` ("projet", "idée", …).
        public func label(in language: ScaffoldLanguage) -> String {
            switch (self, language) {
            case (.project, .fr): "projet"
            case (.idea, .fr): "idée"
            default: rawValue
            }
        }
    }

    /// A maintainer of the description: a name and, optionally, an e-mail address.
    public struct Maintainer: Sendable, Equatable {
        /// The person's or team's name.
        public var name: String
        /// Their e-mail address, if known.
        public var email: String?

        /// Creates a maintainer.
        public init(name: String, email: String? = nil) {
            self.name = name
            self.email = email
        }

        /// Reads `Name <email>` (the form of `CODESOCIAL_AUTHOR` and git) or a bare name.
        /// - Parameter text: the text to read.
        /// - Returns: the maintainer, or `nil` when no name is left.
        public init?(parsing text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
                let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
                let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                    .trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { return nil }
                self.init(name: name, email: email.isEmpty ? nil : email)
            } else {
                guard !trimmed.isEmpty else { return nil }
                self.init(name: trimmed)
            }
        }
    }
}

/// The two languages a scaffold and the field reference are written in.
public enum ScaffoldLanguage: String, Sendable, CaseIterable, Equatable {
    /// French.
    case fr
    /// English.
    case en

    /// Reads a language typed by a person: `fr`, `français`, `french`, `en`, `anglais`, `english`,
    /// or a locale or BCP 47 tag such as `fr_FR.UTF-8` or `en-GB`.
    /// - Parameter text: what was typed.
    /// - Returns: the language, or `nil` for any other language.
    public init?(userInput text: String) {
        let folded = Slug.fold(text).lowercased().trimmingCharacters(in: .whitespaces)
        switch folded {
        case "francais", "french": self = .fr
        case "english", "anglais": self = .en
        default:
            let primary = folded.prefix { $0.isLetter }
            guard let language = ScaffoldLanguage(rawValue: String(primary)) else { return nil }
            self = language
        }
    }
}
