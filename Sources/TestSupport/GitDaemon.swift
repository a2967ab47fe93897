import Foundation

/// `git daemon` on 127.0.0.1 with push enabled (real `receive-pack`: compare-and-swap ref updates,
/// hooks), serving bare repositories from its own temporary directory. Stopped by ``stop()`` or when released.
public final class GitDaemon: @unchecked Sendable {
    /// The directory holding the served repositories (`--base-path`).
    public let root: TemporaryDirectory
    /// The port it listens on.
    public let port: Int
    private let pidFile: String
    private let lock = NSLock()
    private var stopped = false

    /// Starts a daemon on a free port and waits until it accepts connections.
    public init() throws {
        root = try TemporaryDirectory(prefix: "git-daemon")
        let repositories = root.path("repos")
        try FileManager.default.createDirectory(atPath: repositories, withIntermediateDirectories: true)
        pidFile = root.path("daemon.pid")
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = try LoopbackPort.free()
            do {
                try Shell.run([
                    "git", "daemon", "--listen=127.0.0.1", "--port=\(port)", "--base-path=\(repositories)",
                    "--export-all", "--enable=receive-pack", "--reuseaddr", "--informative-errors",
                    "--pid-file=\(pidFile)", "--detach", repositories,
                ], environment: Shell.gitEnvironment)
                try LoopbackPort.waitUntilListening(port, what: "git daemon")
                self.port = port
                return
            } catch {
                lastError = error
                stopDaemon(pidFile: pidFile)
            }
        }
        throw lastError ?? PortError("git daemon did not start")
    }

    /// `git://127.0.0.1:PORT/NAME`.
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// The path of a served repository.
    public func path(_ name: String) -> String { root.path("repos/\(name)") }

    /// Creates an empty bare repository `name` (e.g. `registry.git`) and returns its path.
    @discardableResult
    public func createRepository(_ name: String) throws -> String {
        let path = self.path(name)
        try Shell.git("init", "-q", "--bare", "--initial-branch=main", path)
        return path
    }

    /// Stops the daemon (idempotent).
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first { stopDaemon(pidFile: pidFile) }
    }

    deinit { stop() }
}
