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
    public var language: Language
    /// One or two sentences, at most ``maximumSummaryLength`` characters.
    public var summary: String
    /// The first maintainer of the description (`governance.maintainers`).
    public var maintainer: Maintainer

    /// Creates the options; see each property for its meaning.
    public init(name: String, id: String, kind: Kind, language: Language, summary: String, maintainer: Maintainer) {
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
        /// `project`/`projet`, `organisation`/`organization`, `idea`/`idée`, `collaboration`, an
        /// unambiguous beginning of one of them (`orga`, `collab`), or its number in the list (1–4).
        /// - Parameter text: what was typed.
        /// - Returns: the kind, or `nil` when the text names none.
        public init?(userInput text: String) {
            let folded = Slug.fold(text).lowercased().trimmingCharacters(in: .whitespaces)
            if let number = Int(folded), Kind.allCases.indices.contains(number - 1) {
                self = Kind.allCases[number - 1]
                return
            }
            let words: [(String, Kind)] = [
                ("project", .project), ("projet", .project), ("organisation", .organisation),
                ("organization", .organisation), ("idea", .idea), ("idee", .idea), ("collaboration", .collaboration),
            ]
            if let exact = words.first(where: { $0.0 == folded }) {
                self = exact.1
                return
            }
            let matches = Set(words.filter { folded.count >= 2 && $0.0.hasPrefix(folded) }.map(\.1))
            guard matches.count == 1, let kind = matches.first else { return nil }
            self = kind
        }

        /// The word for this kind in `language` ("projet", "idée", …).
        public func label(in language: Language) -> String {
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
