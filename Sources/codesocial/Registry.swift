import ArgumentParser
import Descriptor
import Foundation
import Registry

extension Codesocial {
    /// `codesocial registry …`: create and check registries.
    struct Registry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "Create and check codesocial registries.",
            subcommands: [Init.self, Check.self]
        )
    }
}

/// The output formats of the publishing and reading commands (`registry check` adds `github`: ``ReportFormat``).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The error to throw for `error`: in text, a ``CommandFailure`` (one line on standard error, then
/// the hint, and the documented exit code); in JSON, the error object is printed on standard output
/// and the exit code thrown. The message and hint are in `language` in both formats, as `validate`'s
/// diagnostics are; `kind` and `exitCode` are what programs read.
func failure(_ error: RegistryError, format: OutputFormat, language: Language, extra: [String: Any] = [:]) -> any Error {
    switch format {
    case .text:
        return error.commandFailure(in: language)
    case .json:
        var inner: [String: Any] = ["kind": error.kind.rawValue, "message": error.message(in: language), "exitCode": Int(error.exitCode)]
        if let hint = error.hint(in: language) { inner["hint"] = hint }
        var object: [String: Any] = ["status": "error", "error": inner]
        for (key, value) in extra { object[key] = value }
        printJSON(object)
        return ExitCode(error.exitCode)
    }
}

/// Prints a JSON object on standard output, keys sorted, one document.
func printJSON(_ object: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return }
    Terminal.write(String(decoding: data, as: UTF8.self) + "\n")
}

/// The error to throw for `error` (the registry reading commands' name for ``failure(_:format:language:extra:)``).
func report(_ error: RegistryError, format: OutputFormat, language: Language) -> any Error {
    failure(error, format: format, language: language)
}
