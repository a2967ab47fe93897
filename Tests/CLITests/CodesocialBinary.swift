import Foundation
import TestSupport

/// The `codesocial` executable built with the tests, run as a user would.
enum CodesocialBinary {
    /// Its path: next to the test bundle (same build directory), else `.build/debug` of the package.
    static func path() throws -> String {
        var candidates: [URL] = []
        if let testBundle = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: testBundle).deletingLastPathComponent().appendingPathComponent("codesocial"))
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/codesocial"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryNotBuilt(candidates: candidates.map(\.path))
        }
        return found.path
    }

    /// A stable environment: the given locale, a known author, no colour.
    static func environment(locale: String) -> [String: String] {
        ["LANG": locale, "LC_ALL": "", "LC_MESSAGES": "", "NO_COLOR": "1", "CODESOCIAL_AUTHOR": "Camille Test <camille@example.org>"]
    }

    /// Runs `codesocial` with `arguments`, never throwing on a non-zero status.
    static func run(_ arguments: [String], in directory: String, locale: String = "C.UTF-8", input: Data? = nil) throws -> Shell.Output {
        try Shell.run([try path()] + arguments, in: directory, environment: environment(locale: locale), input: input, check: false)
    }
}

/// The `codesocial` executable is missing: the test fails loudly instead of passing.
struct BinaryNotBuilt: Error, CustomStringConvertible {
    let candidates: [String]
    var description: String { "the codesocial executable was not built; looked at \(candidates.joined(separator: ", "))" }
}
