import Foundation

/// Runs programs for tests: the `git` CLI as an oracle, server daemons, key generators.
public enum Shell {
    /// What a finished program printed and how it ended.
    public struct Output: Sendable, CustomStringConvertible {
        /// The exit status (or the signal number when killed by one).
        public var status: Int32
        /// Standard output, decoded as UTF-8.
        public var stdout: String
        /// Standard error, decoded as UTF-8.
        public var stderr: String

        /// Standard output without the trailing newline.
        public var trimmed: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

        /// A summary for failure messages.
        public var description: String { "status \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    /// An error from ``run(_:in:environment:input:check:)``.
    public struct Failure: Error, CustomStringConvertible {
        /// The command line.
        public var command: [String]
        /// What it printed.
        public var output: Output
        /// A readable summary.
        public var description: String { "`\(command.joined(separator: " "))` failed: \(output)" }
    }

    /// Runs `arguments` (the first is looked up on PATH unless it contains a slash) and waits for it.
    ///
    /// - Parameters:
    ///   - directory: the working directory.
    ///   - environment: variables added to (or replacing) the current environment.
    ///   - input: bytes written to standard input.
    ///   - check: throw ``Failure`` when the status is not 0.
    @discardableResult
    public static func run(
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String] = [:],
        input: Data? = nil,
        check: Bool = true
    ) throws -> Output {
        let files = try TemporaryDirectory(prefix: "shell")
        let outPath = files.path("out")
        let errPath = files.path("err")
        var inPath = "/dev/null"
        if let input {
            inPath = files.path("in")
            try input.write(to: URL(fileURLWithPath: inPath))
        }
        let pid = try Spawn.start(arguments, in: directory, environment: environment,
                                  stdin: inPath, stdout: outPath, stderr: errPath)
        let status = Spawn.wait(pid)
        let output = Output(
            status: status,
            stdout: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
        )
        if check && output.status != 0 { throw Failure(command: arguments, output: output) }
        return output
    }

    /// Runs `git` with `arguments` in `directory`, isolated from the user's configuration.
    @discardableResult
    public static func git(_ arguments: String..., in directory: String? = nil, check: Bool = true) throws -> Output {
        try run(["git"] + arguments, in: directory, environment: gitEnvironment, check: check)
    }

    /// Environment that keeps the `git` CLI away from the machine's global and system configuration.
    public static let gitEnvironment: [String: String] = [
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Test Committer",
        "GIT_COMMITTER_EMAIL": "committer@example.org",
        "GIT_TERMINAL_PROMPT": "0",
    ]

    /// The absolute path of a program.
    public static func executable(_ name: String) throws -> String {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(command: [name], output: Output(status: 127, stdout: "", stderr: "\(name): not found on PATH (run scripts/bootstrap --test)"))
    }
}
