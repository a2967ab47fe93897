import ArgumentParser
import Descriptor
import Foundation
import Registry

extension Codesocial {
    /// `codesocial publish [FILE] [--registry URL|PATH] [--message TEXT] [--author "Name <email>"] [--dry-run]
    /// [--force] [--format text|json] [--timeout SECONDS] [--ssh-key PATH]`.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Validate a description and publish it into a registry (one commit on main, nobody's update lost).",
            discussion: """
                The registry is --registry, else CODESOCIAL_REGISTRY, else `registry:` in \
                $XDG_CONFIG_HOME/codesocial/config.yml, else the default registry \
                $XDG_DATA_HOME/codesocial/registry.git (created on first use). Exit codes: 0 published or \
                already up to date, 1 invalid description, 3 conflict, 4 authentication, 5 host key, \
                6 network or timeout, 7 registry not found, 8 not a codesocial registry or format not \
                accepted, 64 usage, 66 unreadable file, 74 cannot write. See docs/publish.md.
                """
        )

        @Argument(help: ArgumentHelp("The description to publish.", valueName: "FILE"))
        var file = "codesocial.yml"

        @Option(help: ArgumentHelp("The registry: a path, file://, git://, http(s):// or ssh:// URL, or user@host:path.", valueName: "URL|PATH"))
        var registry: String?

        @Option(help: ArgumentHelp("The commit message (default: publish <id>).", valueName: "TEXT"))
        var message: String?

        @Option(help: ArgumentHelp("The commit author (default: CODESOCIAL_AUTHOR, git's user.name/user.email, or the first maintainer).", valueName: "Name <email>"))
        var author: String?

        @Flag(help: "Validate and show what would be committed; write nothing to the registry.")
        var dryRun = false

        @Flag(help: "Replace the registry's copy even if someone else changed it since you last published it (after merging their changes).")
        var force = false

        @Option(help: ArgumentHelp("Output format: text or json.", valueName: "text|json"))
        var format: OutputFormat = .text

        @Option(help: ArgumentHelp("Give up on the network or a lock after this many seconds.", valueName: "SECONDS"))
        var timeout: Double = 60

        @Option(help: ArgumentHelp("The SSH private key (default: ssh-agent, then ~/.ssh/id_ed25519).", valueName: "PATH"))
        var sshKey: String?

        @OptionGroup var languageOptions: LanguageOptions

        func validate() throws {
            let language = languageOptions.language
            guard timeout > 0, timeout <= 86_400 else {
                throw ValidationError(language.pick(fr: "--timeout doit être compris entre 0 et 86400 secondes",
                                                    en: "--timeout must be between 0 and 86400 seconds"))
            }
            if let author, Publisher.parseAuthor(author) == nil {
                throw ValidationError(language.pick(fr: "--author doit avoir la forme \"Camille Dupont <camille@example.org>\"",
                                                    en: "--author must look like \"Camille Dupont <camille@example.org>\""))
            }
        }

        func run() async throws {
            PhaseTrace.mark("start (process start, argument parsing)")
            // Usually already started by WarmUp (before argument parsing); this covers every other way in.
            Publisher.prepare()
            let environment = ProcessInfo.processInfo.environment
            let language = languageOptions.language
            let data: Data
            do {
                data = try InputFiles.read(file, limit: Limits.default.maxBytes)
            } catch {
                throw failure(RegistryError(.unreadableInput, Localized(en: error.message(in: .en), fr: error.message(in: .fr))),
                              format: format, language: language)
            }
            let checker = try DescriptionChecker(language: language)
            PhaseTrace.mark("schema compile")
            let report = checker.check(data, path: file)
            PhaseTrace.mark("validation")
            guard let entry = PublishEntry(report: report, contents: data) else {
                throw invalid(report, language: language, environment: environment)
            }
            if format == .text && report.warningCount > 0 {
                let count = report.warningCount
                Terminal.writeError(language.pick(
                    fr: "\(file) : \(count) avertissement\(count == 1 ? "" : "s") (voir `codesocial validate \(file)`)\n",
                    en: "\(file): \(count) warning\(count == 1 ? "" : "s") (see `codesocial validate \(file)`)\n"))
            }
            let location: RegistryLocation
            do {
                location = try RegistryLocation.resolve(option: registry, environment: environment)
            } catch {
                throw failure(error, format: format, language: language)
            }
            var options = PublishOptions()
            options.message = message
            options.author = author.flatMap(Publisher.parseAuthor)
            options.dryRun = dryRun
            options.force = force
            options.timeout = timeout
            options.environment = environment
            options.sshKey = sshKey
            let bar = ProgressBar.forStandardError(enabled: format == .text && location.transport != .local, language: language)
            if let bar { options.progress = { @Sendable progress in bar.update(progress) } }
            let result: PublishResult
            do {
                result = try Publisher(location: location, directories: XDGDirectories(environment: environment), options: options).publish(entry)
                bar?.finish()
                PhaseTrace.mark("publish done")
            } catch {
                bar?.finish()
                throw failure(error, format: format, language: language)
            }
            output(result, language: language)
            PhaseTrace.mark("output")
        }

        /// Prints the diagnostics of an invalid description and returns the error to throw (exit 1).
        private func invalid(_ report: FileReport, language: Language, environment: [String: String]) -> any Error {
            let count = report.errorCount
            let error = RegistryError(.invalidDescription,
                                      Localized(en: "\(file) is not valid: \(count) error\(count == 1 ? "" : "s"); nothing was published",
                                                fr: "\(file) n'est pas valide : \(count) erreur\(count == 1 ? "" : "s") ; rien n'a été publié"),
                                      hint: Localized(en: "fix the errors above (`codesocial validate \(file)`), then publish again",
                                                      fr: "corrigez les erreurs ci-dessus (`codesocial validate \(file)`), puis publiez de nouveau"))
            switch format {
            case .text:
                // Errors only: completeness warnings do not block publishing and would bury them.
                let errors = FileReport(path: report.path, diagnostics: report.diagnostics.filter { $0.severity == .error },
                                        completeness: nil, value: report.value, sourceMap: report.sourceMap, source: report.source)
                Terminal.writeError(TextRenderer(language: language, colour: false).render(errors))
                return failure(error, format: format, language: language)
            case .json:
                let diagnostics = (try? JSONSerialization.jsonObject(with: Data(JSONRenderer().render([report]).utf8))) ?? [:]
                return failure(error, format: format, language: language, extra: ["validation": diagnostics])
            }
        }

        private func output(_ result: PublishResult, language: Language) {
            switch format {
            case .json:
                var object: [String: Any] = [
                    "status": result.status.rawValue, "id": result.id, "path": result.path, "registry": result.registry,
                    "blob": result.blob.hex, "new": result.isNew, "attempts": result.attempts,
                    "createdDefaultRegistry": result.createdDefaultRegistry,
                ]
                object["commit"] = result.commit?.hex ?? NSNull()
                if let message = result.message { object["message"] = message }
                if let author = result.author { object["author"] = author.formatted }
                printJSON(object)
            case .text:
                Terminal.writeError(PublishText.notes(result, in: language))
                Terminal.write(PublishText.summary(result, in: language))
            }
        }
    }
}

/// A one-line progress bar on standard error, for fetches and pushes on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast

    /// A bar when standard error is a terminal and `enabled`, else nil (silence).
    private let language: Language

    private init(language: Language) {
        self.language = language
    }

    static func forStandardError(enabled: Bool, language: Language) -> ProgressBar? {
        enabled && isatty(STDERR_FILENO) == 1 ? ProgressBar(language: language) : nil
    }

    func update(_ progress: RegistryTransferProgress) {
        lock.withLock {
            let now = Date()
            guard progress.completed == progress.total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let width = 30
            let fraction = progress.total > 0 ? Double(progress.completed) / Double(progress.total) : 0
            let filled = min(width, Int(fraction * Double(width)))
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            let kib = progress.bytes / 1024
            let counts = language.pick(fr: "\(progress.completed)/\(progress.total) objets, \(kib) Kio",
                                       en: "\(progress.completed)/\(progress.total) objects, \(kib) KiB")
            Terminal.writeError("\r\u{1B}[K\(progress.phase.rawValue) [\(bar)] \(counts)")
            shown = true
        }
    }

    func finish() {
        lock.withLock {
            if shown { Terminal.writeError("\r\u{1B}[K") }
            shown = false
        }
    }
}
