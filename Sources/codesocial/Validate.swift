import ArgumentParser
import Descriptor
import Foundation
import JSONSchema

extension Codesocial {
    /// `codesocial validate [PATH …] [--schema FILE] [--format text|json|github] [--strict] [--lang fr|en]`.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check descriptions: syntax, schema, semantic rules and completeness.",
            discussion: """
                PATH is a file, a directory (searched recursively for codesocial.yml, codesocial.yaml and \
                codesocial.json) or - for standard input; without PATH, ./codesocial.yml. Exit codes: 0 all \
                valid (warnings allowed unless --strict), 1 at least one invalid, 64 usage error, 66 input \
                not found or unreadable.
                """
        )

        @Argument(help: ArgumentHelp("Files or directories to check, or - for standard input.", valueName: "PATH"))
        var paths: [String] = []

        @Option(help: ArgumentHelp("Validate against this JSON Schema 2020-12 (YAML or JSON) instead of the #CodeSocial schema; only the schema is checked.", valueName: "FILE"))
        var schema: String?

        @Option(help: ArgumentHelp("Output format: text, json or github (default: github when GITHUB_ACTIONS=true, else text).", valueName: "text|json|github"))
        var format: ReportFormat?

        @Flag(help: "Treat warnings (completeness) as errors.")
        var strict = false

        @OptionGroup var languageOptions: LanguageOptions

        @Option(help: ArgumentHelp("Largest accepted file, in bytes.", valueName: "BYTES"))
        var maxSize: Int = Limits.default.maxBytes

        func validate() throws {
            guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
            if paths.count { $0 == "-" } > 1 { throw ValidationError("standard input (-) can be given only once") }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let language = languageOptions.language
            let limits = Limits(maxBytes: maxSize)
            let loaded = try loadSchema(language: language)
            let checker: DescriptionChecker
            switch Result(catching: { () throws(DescriptorError) in try DescriptionChecker(schemaOverride: loaded?.value, language: language, limits: limits) }) {
            case .success(let built): checker = built
            case .failure(.invalidSchema(let error)) where loaded != nil:
                throw schemaFailure(error, positions: loaded?.positions, language: language)
            case .failure(let error): throw error
            }
            var files: [String] = []
            var failures: [InputFiles.Failure] = []
            for input in InputFiles.expand(paths.isEmpty ? ["codesocial.yml"] : paths) {
                switch input {
                case .success(let file): files.append(file)
                case .failure(let failure): failures.append(failure)
                }
            }
            var reports: [FileReport] = []
            for result in checker.check(paths: files) {
                switch result {
                case .success(let report): reports.append(report)
                case .failure(let failure): failures.append(failure)
                }
            }
            let output: String
            switch format ?? ReportFormat.defaultFormat(environment: environment) {
            case .text:
                output = TextRenderer(language: language, colour: Terminal.wantsColour(environment: environment), strict: strict).render(reports)
            case .json:
                output = JSONRenderer(strict: strict).render(reports)
            case .github:
                output = GitHubRenderer(language: language, strict: strict).render(reports)
            }
            // Every readable input is reported; then 66 when some input could not be read, else 1
            // when some file is invalid (docs/exit-codes.md).
            if !reports.isEmpty || failures.isEmpty { Terminal.write(output) }
            if let failure = failures.first {
                for other in failures.dropFirst() {
                    Terminal.writeError("codesocial: " + language.pick(fr: "erreur : ", en: "error: ") + other.message(in: language) + "\n")
                }
                throw CommandFailure(.inputNotFound, failure.message(in: language), language: language)
            }
            if !ReportSummary(reports, strict: strict).allValid { throw ExitCode(ExitCodes.invalidInput.rawValue) }
        }

        /// Reads `--schema` (YAML or JSON), or nil for the bundled schema.
        private func loadSchema(language: Language) throws -> LoadedDocument? {
            guard let schema else { return nil }
            let fr = language == .fr
            let data: Data
            do {
                data = try InputFiles.read(schema, limit: 16 << 20)
            } catch .notFound {
                throw CommandFailure(.inputNotFound, fr
                    ? "--schema \(schema) : fichier introuvable ; indiquez le chemin d'un schéma JSON Schema 2020-12 (YAML ou JSON)"
                    : "--schema \(schema): no such file; give the path of a JSON Schema 2020-12 (YAML or JSON)", language: language)
            } catch {
                throw CommandFailure(.inputNotFound, "--schema " + error.message(in: language), language: language)
            }
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                throw CommandFailure(.invalidInput, fr
                    ? "--schema \(schema) : fichier de schéma vide ; indiquez un schéma JSON Schema 2020-12 (YAML ou JSON)"
                    : "--schema \(schema): empty schema file; give a JSON Schema 2020-12 (YAML or JSON)", language: language)
            }
            do {
                return try DocumentLoader.load(data, syntax: DocumentSyntax(path: schema), limits: Limits(maxBytes: 16 << 20, maxDepth: 256, maxNodes: 2_000_000))
            } catch where error.kind == .emptyDocument {
                throw CommandFailure(.invalidInput, fr
                    ? "--schema \(schema) : fichier de schéma vide (seulement des commentaires) ; indiquez un schéma JSON Schema 2020-12 (YAML ou JSON)"
                    : "--schema \(schema): empty schema file (only comments); give a JSON Schema 2020-12 (YAML or JSON)", language: language)
            } catch {
                let place = error.position.map { ":\($0.line):\($0.column)" } ?? ""
                throw CommandFailure(.invalidInput, "\(schema)\(place): \(error.message(in: language))", language: language)
            }
        }
    }
}
