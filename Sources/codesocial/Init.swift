import ArgumentParser
import Descriptor
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Codesocial {
    /// `codesocial init`: writes a commented `codesocial.yml` scaffold.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a codesocial.yml: the whole #CodeSocial grid as a commented scaffold.",
            discussion: """
                On a terminal, asks for the name, kind, id (suggested from the name), language and \
                summary; questions answered by flags are skipped. With --yes, or when standard input \
                is not a terminal, uses the flags and defaults: the folder's name, kind `project`, \
                the locale's language. Never replaces an existing description without --force.

                Exit codes: 0 written; 64 invalid flag; 66 input ended before every question was \
                answered; 74 a description already exists (without --force) or the file cannot be \
                written.
                """
        )

        @Argument(help: "The folder to create codesocial.yml in; created if missing (default: the current folder).")
        var directory: String?

        @Option(help: "The registry id: lowercase ASCII letters, digits and hyphens, 2–64 characters (default: from the name).")
        var id: String?

        @Option(help: "The name of the project or organisation (default: the folder's name).")
        var name: String?

        @Option(help: "What is described: project, organisation, idea or collaboration (default: project).")
        var kind: String?

        @Option(name: .customLong("lang"), help: "The language of the description and its comments: fr or en (default: the locale's).")
        var language: String?

        @Option(help: "One or two sentences, at most 300 characters.")
        var summary: String?

        @Option(help: "The first maintainer, as \"Name <email>\" (default: CODESOCIAL_AUTHOR, else git's user.name and user.email).")
        var maintainer: String?

        @Flag(name: [.customShort("y"), .long], help: "Ask nothing: use the flags and defaults.")
        var yes = false

        @Flag(help: "Ask the questions even when standard input is not a terminal.")
        var interactive = false

        @Flag(help: "Replace an existing codesocial.yml.")
        var force = false

        func validate() throws {
            if yes && interactive { throw ValidationError("--yes and --interactive cannot be used together") }
            if let kind, ScaffoldOptions.Kind(userInput: kind) == nil {
                throw ValidationError("unknown kind \"\(kind)\": choose project, organisation, idea or collaboration")
            }
            if let language, Language(userInput: language) == nil {
                throw ValidationError("unsupported language \"\(language)\": choose fr or en")
            }
            if let maintainer, ScaffoldOptions.Maintainer(parsing: maintainer) == nil {
                throw ValidationError("--maintainer needs a name, as \"Name <email>\" or \"Name\"")
            }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            // --lang chooses the description's language and the language spoken, as in every command.
            let ui = language.flatMap(Language.init(userInput:)) ?? Language.detect(environment: environment)
            let folder = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath).standardizedFileURL
            let draft = InitDraft(
                name: name, id: id, kind: kind.flatMap(ScaffoldOptions.Kind.init(userInput:)),
                language: language.flatMap(Language.init(userInput:)), summary: summary,
                maintainer: maintainer.flatMap(ScaffoldOptions.Maintainer.init(parsing:)) ?? Self.environmentMaintainer(environment)
            )
            do {
                // Refuse before asking anything: answers typed for nothing are lost work.
                if !force, let existing = ScaffoldWriter.existingDescriptions(in: folder).first {
                    throw ScaffoldError.alreadyExists(path: existing.path)
                }
                let options: ScaffoldOptions
                if !yes && (interactive || isatty(STDIN_FILENO) != 0) {
                    let questions = InitQuestionnaire(
                        ui: ui, readLine: { Swift.readLine(strippingNewline: true) },
                        write: { FileHandle.standardOutput.write(Data($0.utf8)) })
                    options = try questions.ask(draft, folderName: folder.lastPathComponent, localeLanguage: ui)
                } else {
                    options = try draft.completed(folderName: folder.lastPathComponent, localeLanguage: ui)
                }
                let text = try Scaffold(schema: DescriptionSchema.value).render(options)
                let written = try ScaffoldWriter.write(text, into: folder, force: force)
                print(ui.pick(
                    fr: "\(written.path) créé (identifiant « \(options.id) »). Complétez-le, puis vérifiez-le avec : codesocial validate \(written.path)",
                    en: "Created \(written.path) (id \"\(options.id)\"). Fill it in, then check it with: codesocial validate \(written.path)"))
            } catch let error as ScaffoldError {
                throw CommandFailure(Self.exitCode(for: error), error.message(in: ui), language: ui)
            }
        }

        /// The documented exit code for a scaffold error (docs/exit-codes.md).
        static func exitCode(for error: ScaffoldError) -> ExitCodes {
            switch error {
            case .alreadyExists, .notAFolder, .cannotWrite: .cannotWrite
            case .inputEnded: .inputNotFound
            case .unsupportedSchema: .internalError
            case .emptyName, .multilineName, .noIdForName, .invalidId, .invalidKind, .invalidLanguage, .emptySummary, .summaryTooLong,
                 .controlCharacter: .usage
            }
        }

        /// The maintainer from `CODESOCIAL_AUTHOR`, else git's `user.name` and `user.email`.
        static func environmentMaintainer(_ environment: [String: String]) -> ScaffoldOptions.Maintainer? {
            if let author = environment["CODESOCIAL_AUTHOR"], let maintainer = ScaffoldOptions.Maintainer(parsing: author) {
                return maintainer
            }
            guard let name = gitConfig("user.name") else { return nil }
            return ScaffoldOptions.Maintainer(name: name, email: gitConfig("user.email"))
        }

        /// `git config --get KEY`, or nil when git is missing, the key unset or empty.
        private static func gitConfig(_ key: String) -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "config", "--get", key]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
    }
}
