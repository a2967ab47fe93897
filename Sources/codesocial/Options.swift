import ArgumentParser
import Descriptor
import Foundation

/// `--lang fr|en`: the language of messages (default: from the locale).
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of messages: fr or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "fr|en"))
    var lang: LanguageChoice?

    /// The chosen language, else the locale's.
    var language: Language {
        lang?.language ?? Language.detect(environment: ProcessInfo.processInfo.environment)
    }
}

/// Refuses a `--limit` below 1 (the reading commands' shared check), in `language`.
func validateLimit(_ limit: Int?, language: Language) throws {
    if let limit, limit < 1 {
        throw ValidationError(language.pick(fr: "--limit doit valoir au moins 1", en: "--limit must be at least 1"))
    }
}

/// A `--lang` value.
struct LanguageChoice: ExpressibleByArgument {
    let language: Language

    init?(argument: String) {
        guard let language = Language(userInput: argument) else { return nil }
        self.language = language
    }

    static var allValueStrings: [String] { Language.allCases.map(\.rawValue) }
}

/// The report formats of `validate` (and of `registry check`).
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Compiler-style text.
    case text
    /// The stable JSON of docs/validate-json.md.
    case json
    /// GitHub Actions annotations.
    case github

    /// `github` when `GITHUB_ACTIONS=true`, else `text`.
    static func defaultFormat(environment: [String: String]) -> ReportFormat {
        environment["GITHUB_ACTIONS"] == "true" ? .github : .text
    }
}

/// Where and how to print reports: terminal detection and `NO_COLOR`.
enum Terminal {
    /// Whether standard output is a terminal that should get colours: a TTY, `NO_COLOR`
    /// unset or empty, and `TERM` not `dumb`.
    static func wantsColour(environment: [String: String]) -> Bool {
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// Writes to standard output.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes to standard error.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
