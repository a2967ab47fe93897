import ArgumentParser
import Foundation

/// The `codesocial` command: describe, validate and publish #CodeSocial descriptions.
///
/// Subcommands live one per file (`Validate.swift`, `Init.swift`, `Registry.swift` +
/// `Registry+Check.swift`, …); add yours to `subcommands`. Errors thrown by `run()` go
/// through ``ErrorReporter`` (one message, a documented exit code, never a stack trace).
@main
struct Codesocial: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codesocial",
        abstract: "Describe, validate and publish #CodeSocial descriptions.",
        discussion: "Exit codes: 0 ok, 1 invalid input, 3 conflict, 4 authentication failed, 5 unknown or changed host key, 6 network error, 7 registry not found, 8 not a codesocial registry, 64 usage error, 66 input not found, 70 internal error, 74 cannot write (docs/exit-codes.md).",
        subcommands: [Init.self, Validate.self, Publish.self, Registry.self, Schema.self, List.self, Show.self, Search.self, Log.self, Diff.self, Match.self]
    )

    /// Parses, runs, and maps every error to its exit code.
    static func main() async {
        WarmUp.start(arguments: CommandLine.arguments)
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)  // usage errors: message, usage, exit 64
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error where error is ExitCode || error is CleanExit || error is ValidationError {
            exit(withError: error)
        } catch let error where exitCode(for: error) == .success {
            // Help asked for (`--help`, `help SUBCOMMAND`): argument-parser runs its own help
            // command, which throws a request to print the help; it is no failure.
            exit(withError: error)
        } catch {
            Foundation.exit(ErrorReporter.report(error))
        }
    }
}
