import ArgumentParser
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

/// The output formats of the publishing commands.
enum PublishOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints `error` (one line, then its hint) on standard error — or as JSON on standard output —
/// and returns the exit code to throw.
func report(_ error: RegistryError, format: PublishOutputFormat) -> ExitCode {
    switch format {
    case .text:
        var text = "error: \(error.message)\n"
        if let hint = error.hint { text += "hint: \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    case .json:
        var object: [String: Any] = ["status": "error", "error": ["kind": error.kind.rawValue, "message": error.message, "exitCode": Int(error.exitCode)]]
        if let hint = error.hint, var inner = object["error"] as? [String: Any] {
            inner["hint"] = hint
            object["error"] = inner
        }
        printJSON(object)
    }
    return ExitCode(error.exitCode)
}

/// Prints a JSON object on standard output, keys sorted, one document.
func printJSON(_ object: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return }
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}
