import ArgumentParser
import Descriptor
import Foundation
import Git
import JSONSchema
import Registry

extension Codesocial.Registry {
    /// `codesocial registry check [PATH|URL] [--since REV] [--format text|json|github]`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a whole registry: every entry as `validate` does, the layout, files and cross-entry rules.",
            discussion: """
            Reads the committed tree through libgit2 (a bare repository's main, a work tree's HEAD; \
            uncommitted files are not checked). A URL is fetched into the registry cache first. \
            Exit codes as `validate`: 0 valid, 1 invalid; 7 no registry there, 8 not a codesocial registry.
            """
        )

        @Argument(help: "The registry: a path (bare repository or work tree) or a URL (default: the current directory).")
        var registry: String = "."

        @Option(help: ArgumentHelp("Check only what changed since this revision (what a merge request needs).", valueName: "rev"))
        var since: String?

        @Option(help: "Report format: text, json or github (default: github when GITHUB_ACTIONS=true, else text).")
        var format: ReportFormat?

        @Flag(help: "Warnings fail the check too.")
        var strict = false

        @Option(help: "Threads validating entries (default: one per core).")
        var jobs: Int?

        @Option(help: "Network timeout in seconds when the registry is a URL.")
        var timeout: Double = 60

        @OptionGroup var languageOptions: LanguageOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError(languageOptions.language.pick(fr: "--jobs doit valoir au moins 1", en: "--jobs must be at least 1")) }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let language = languageOptions.language
            let format = self.format ?? ReportFormat.defaultFormat(environment: environment)
            let result: RegistryCheckReport
            do {
                result = try perform(language: language, environment: environment)
            } catch {
                throw report(error, format: format == .json ? .json : .text, language: language)
            }
            switch format {
            case .text:
                let files = result.files.map { file in
                    FileReport(path: file.path, diagnostics: file.diagnostics, completeness: nil, value: nil,
                               sourceMap: nil, source: file.source)
                }.filter { !$0.diagnostics.isEmpty }
                var text = TextRenderer(language: language, colour: Terminal.wantsColour(environment: environment), strict: strict)
                    .render(files)
                text = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
                text += (text.isEmpty ? "" : "\n") + Self.summary(result, language: language, strict: strict) + "\n"
                Terminal.write(text)
            case .json:
                guard case .object(let object) = JSONRenderer(strict: strict).value(result.files) else { break }
                var members = object.map { ($0.key, $0.value) }
                members.insert(("registry", Self.registryValue(result, path: registry)), at: 0)
                Terminal.write(JSONValue.object(JSONObject(members)).serialized(pretty: true) + "\n")
            case .github:
                Terminal.write(GitHubRenderer(language: language, strict: strict).render(result.files))
            }
            if !result.passes(strict: strict) { throw ExitCode(ExitCodes.invalidInput.rawValue) }
        }

        /// Opens the registry (fetching a URL into its cache) and checks it.
        func perform(language: Language, environment: [String: String]) throws(RegistryError) -> RegistryCheckReport {
            let location = try RegistryLocation(registry, source: .option)
            var options = RegistryChecker.Options(since: since, language: language)
            if let jobs { options.jobs = jobs }
            let checker = RegistryChecker(options: options)
            if location.transport == .local, let path = location.localPath {
                return try checker.check(RegistrySnapshot(path: path))
            }
            let (snapshot, cache) = try RegistrySnapshot.remote(
                location: location, directories: XDGDirectories(environment: environment), offline: false,
                timeout: timeout, environment: environment)
            defer { cache.close() }
            return try checker.check(snapshot)
        }

        /// `registry at 1a2b3c4: 10000 entries, 10000 checked; 0 errors, 3 warnings — valid`.
        static func summary(_ report: RegistryCheckReport, language: Language, strict: Bool) -> String {
            let verdict = report.passes(strict: strict) ? language.pick(fr: "valide", en: "valid") : language.pick(fr: "invalide", en: "invalid")
            let since = report.since.map { language.pick(fr: " depuis \($0.abbreviated())", en: " since \($0.abbreviated())") } ?? ""
            return language.pick(
                fr: "registre à \(report.commit.abbreviated())\(since) : \(report.entriesInRegistry) entrées, \(report.entriesChecked) vérifiées ; \(report.errorCount) erreur(s), \(report.warningCount) avertissement(s) — \(verdict)",
                en: "registry at \(report.commit.abbreviated())\(since): \(report.entriesInRegistry) entries, \(report.entriesChecked) checked; \(report.errorCount) error(s), \(report.warningCount) warning(s) — \(verdict)")
        }

        static func registryValue(_ report: RegistryCheckReport, path: String) -> JSONValue {
            .object(JSONObject([
                ("location", .string(path)),
                ("commit", .string(report.commit.hex)),
                ("since", report.since.map { .string($0.hex) } ?? .null),
                ("entries", .number(JSONNumber(report.entriesInRegistry))),
                ("checked", .number(JSONNumber(report.entriesChecked))),
            ]))
        }
    }
}
