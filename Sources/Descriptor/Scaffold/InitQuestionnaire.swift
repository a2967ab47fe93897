import Foundation

/// The answers `codesocial init` has before it asks anything: command-line flags and defaults.
public struct InitDraft: Sendable, Equatable {
    /// `--name`, if given.
    public var name: String?
    /// `--id`, if given.
    public var id: String?
    /// `--kind`, if given.
    public var kind: ScaffoldOptions.Kind?
    /// `--lang`, if given.
    public var language: Language?
    /// `--summary`, if given.
    public var summary: String?
    /// The maintainer found in the environment (`--maintainer`, `CODESOCIAL_AUTHOR`, git config).
    public var maintainer: ScaffoldOptions.Maintainer?

    /// Creates a draft; every answer is optional.
    public init(
        name: String? = nil, id: String? = nil, kind: ScaffoldOptions.Kind? = nil, language: Language? = nil,
        summary: String? = nil, maintainer: ScaffoldOptions.Maintainer? = nil
    ) {
        self.name = name
        self.id = id
        self.kind = kind
        self.language = language
        self.summary = summary
        self.maintainer = maintainer
    }

    /// Completes the draft without asking (`--yes`, or no terminal).
    ///
    /// The name defaults to the target folder's name, the id to the slug of the name, the kind to
    /// `project`, the language to `localeLanguage`, the summary to a sentence asking to be
    /// rewritten, the maintainer to "<name> team".
    /// - Parameters:
    ///   - folderName: the name of the folder the description is written into.
    ///   - localeLanguage: the language of the user's locale.
    /// - Throws: ``ScaffoldError`` when an answer is invalid or no id can be derived from the name.
    public func completed(folderName: String, localeLanguage: Language) throws(ScaffoldError) -> ScaffoldOptions {
        let language = language ?? localeLanguage
        let name = try InitAnswers.name(name ?? folderName)
        let id: String
        if let given = self.id {
            id = try InitAnswers.id(given)
        } else if let suggested = Slug.suggest(from: name) {
            id = suggested
        } else {
            throw .noIdForName(name)
        }
        let summary = try InitAnswers.summary(summary ?? InitAnswers.defaultSummary(name: name, in: language))
        return ScaffoldOptions(
            name: name, id: id, kind: kind ?? .project, language: language, summary: summary,
            maintainer: maintainer ?? InitAnswers.defaultMaintainer(name: name, in: language)
        )
    }
}

/// The questions `codesocial init` asks on a terminal, with the I/O injected so that tests can
/// drive them: `readLine` returns one line without its newline, or `nil` at end of input.
public struct InitQuestionnaire {
    private let ui: Language
    private let readLine: () -> String?
    private let write: (String) -> Void

    /// Creates a questionnaire.
    /// - Parameters:
    ///   - ui: the language the questions are asked in.
    ///   - readLine: reads one answer; `nil` means the input ended.
    ///   - write: prints a prompt or a message (no newline is added).
    public init(ui: Language, readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.ui = ui
        self.readLine = readLine
        self.write = write
    }

    /// Asks for every answer the draft lacks, in order: name, kind, id (suggested from the name),
    /// language, summary. An empty answer takes the default shown in brackets; an invalid answer
    /// is explained and the question asked again.
    /// - Parameters:
    ///   - draft: the answers already given by flags (those questions are skipped).
    ///   - folderName: the default name.
    ///   - localeLanguage: the default language.
    /// - Throws: ``ScaffoldError/inputEnded`` when the input ends before all answers are in.
    public func ask(_ draft: InitDraft, folderName: String, localeLanguage: Language) throws(ScaffoldError) -> ScaffoldOptions {
        let fr = ui == .fr
        let name: String
        if let given = draft.name {
            name = try InitAnswers.name(given)
        } else {
            name = try question(fr ? "Nom du projet ou de l'organisation" : "Name of the project or organisation",
                                default: folderName, parse: InitAnswers.name)
        }
        let kind: ScaffoldOptions.Kind
        if let given = draft.kind {
            kind = given
        } else {
            let choices = ScaffoldOptions.Kind.allCases.map { $0.label(in: ui) }.joined(separator: ", ")
            kind = try question((fr ? "Nature (" : "Kind (") + choices + ")",
                                default: ScaffoldOptions.Kind.project.label(in: ui), parse: InitAnswers.kind)
        }
        let id: String
        if let given = draft.id {
            id = try InitAnswers.id(given)
        } else {
            id = try question(fr ? "Identifiant dans le registre" : "Registry id",
                              default: Slug.suggest(from: name), parse: InitAnswers.id)
        }
        let language: Language
        if let given = draft.language {
            language = given
        } else {
            language = try question(fr ? "Langue de la description (fr, en)" : "Language of the description (fr, en)",
                                    default: localeLanguage.rawValue, parse: InitAnswers.language)
        }
        let summary: String
        if let given = draft.summary {
            summary = try InitAnswers.summary(given)
        } else {
            summary = try question(
                fr ? "Résumé en une ou deux phrases (300 caractères au plus)" : "Summary in one or two sentences (at most 300 characters)",
                default: InitAnswers.defaultSummary(name: name, in: language), parse: InitAnswers.summary)
        }
        return ScaffoldOptions(
            name: name, id: id, kind: kind, language: language, summary: summary,
            maintainer: draft.maintainer ?? InitAnswers.defaultMaintainer(name: name, in: language)
        )
    }

    /// Asks one question until the answer parses.
    private func question<T>(_ prompt: String, default defaultAnswer: String?,
                             parse: (String) throws(ScaffoldError) -> T) throws(ScaffoldError) -> T {
        while true {
            write(defaultAnswer.map { "\(prompt) [\($0)]: " } ?? "\(prompt): ")
            guard let line = readLine() else {
                write("\n")
                throw .inputEnded
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            guard let text = answer.isEmpty ? defaultAnswer : answer else {
                write((ui == .fr ? "Une réponse est nécessaire." : "An answer is needed.") + "\n")
                continue
            }
            do {
                return try parse(text)
            } catch {
                write(error.message(in: ui) + "\n")
            }
        }
    }
}

/// Checks and defaults shared by the flag path and the questions.
enum InitAnswers {
    static func name(_ text: String) throws(ScaffoldError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .emptyName }
        guard !name.contains(where: { $0.isNewline }) else { throw .multilineName }
        if let control = firstControlCharacter(in: name) { throw .controlCharacter(field: "name", scalar: control) }
        return name
    }

    /// The first control character YAML cannot hold (C0, DEL, C1, except tab and line breaks),
    /// if any: the name is also written into the scaffold's header comment, where nothing escapes it.
    static func firstControlCharacter(in text: String) -> UInt32? {
        text.unicodeScalars.first {
            $0.properties.generalCategory == .control && !["\t", "\n", "\r", "\u{85}"].contains($0)
        }.map(\.value)
    }

    static func id(_ text: String) throws(ScaffoldError) -> String {
        guard Slug.isValid(text) else { throw .invalidId(text, suggestion: Slug.suggest(from: text)) }
        return text
    }

    static func kind(_ text: String) throws(ScaffoldError) -> ScaffoldOptions.Kind {
        guard let kind = ScaffoldOptions.Kind(userInput: text) else { throw .invalidKind(text) }
        return kind
    }

    static func language(_ text: String) throws(ScaffoldError) -> Language {
        guard let language = Language(userInput: text) else { throw .invalidLanguage(text) }
        return language
    }

    static func summary(_ text: String) throws(ScaffoldError) -> String {
        let summary = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else { throw .emptySummary }
        if let control = firstControlCharacter(in: summary) {
            throw .controlCharacter(field: "summary", scalar: control)
        }
        guard summary.count <= ScaffoldOptions.maximumSummaryLength else { throw .summaryTooLong(summary.count) }
        return summary
    }

    /// The placeholder summary: the name, then what to write; without the name when a long name
    /// would make it longer than the format allows (a long name is no reason to refuse `--yes`).
    static func defaultSummary(name: String, in language: Language) -> String {
        let withName = switch language {
        case .fr: "\(name) : résumé à réécrire en une ou deux phrases (ce que c'est, pour qui, pourquoi)."
        case .en: "\(name): summary to rewrite in one or two sentences (what it is, for whom, why)."
        }
        guard withName.count > ScaffoldOptions.maximumSummaryLength else { return withName }
        return switch language {
        case .fr: "Résumé à réécrire en une ou deux phrases (ce que c'est, pour qui, pourquoi)."
        case .en: "Summary to rewrite in one or two sentences (what it is, for whom, why)."
        }
    }

    static func defaultMaintainer(name: String, in language: Language) -> ScaffoldOptions.Maintainer {
        ScaffoldOptions.Maintainer(name: language == .fr ? "Équipe \(name)" : "\(name) team")
    }
}
