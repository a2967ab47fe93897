import Foundation

/// Runs the built `codesocial` executable, as a user would, for end-to-end tests.
///
/// The executable is looked for next to the test bundle (`.build/<config>/codesocial`, where
/// SwiftPM puts both). The environment is the current one with the locale and CI variables
/// pinned (`LANG=C.UTF-8`, no `LC_ALL`/`LC_MESSAGES`, no `GITHUB_ACTIONS`, no `NO_COLOR`)
/// so that output does not depend on the machine; tests override what they exercise.
public enum CLIRunner {
    /// The variables every run starts from (on top of the current environment).
    public static let pinnedEnvironment: [String: String] = [
        "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "GITHUB_ACTIONS": "", "NO_COLOR": "",
    ]

    /// The path of the built `codesocial` executable.
    ///
    /// - Throws: when it cannot be found (build it with `swift build`): tests fail loudly
    ///   instead of passing without running it.
    public static func executablePath(named name: String = "codesocial") throws -> String {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        for directory in directories {
            // On macOS the test runner lives inside the bundle: walk up to the build directory.
            var current = directory
            for _ in 0..<5 {
                let candidate = current.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                current = current.deletingLastPathComponent()
            }
        }
        throw CLIRunnerError(message: "the `\(name)` executable was not found next to the test bundle (looked in \(directories.map(\.path))); build it with `swift build` before running the tests")
    }

    /// Runs `codesocial` with `arguments` and returns its status, standard output and error.
    ///
    /// - Parameters:
    ///   - directory: the working directory.
    ///   - environment: variables set on top of ``pinnedEnvironment``.
    ///   - input: bytes for standard input (none: `/dev/null`).
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: Data? = nil
    ) throws -> Shell.Output {
        var env = pinnedEnvironment
        for (key, value) in environment { env[key] = value }
        return try Shell.run([try executablePath()] + arguments, in: directory, environment: env, input: input, check: false)
    }
}

/// The executable under test could not be found.
public struct CLIRunnerError: Error, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}
