import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A server process a test owns: started in the foreground as a child, stopped (SIGTERM, then SIGKILL)
/// by ``stop()`` or when released.
public final class ServerProcess: @unchecked Sendable {
    private let lock = NSLock()
    private var exitStatus: Int32?
    /// What the server is, for messages.
    public let name: String
    /// The process id.
    public let pid: pid_t

    /// Starts `arguments` with its output going to `logFile`.
    public init(name: String, arguments: [String], logFile: String, environment: [String: String] = [:]) throws {
        self.name = name
        pid = try Spawn.start(arguments, environment: environment, stdout: logFile, stderr: logFile)
    }

    /// Starts a server on a free loopback port and waits until it accepts connections. Another process
    /// may take the chosen port before the server binds it, so up to `attempts` ports are tried.
    /// - Parameters:
    ///   - name: what the server is, for messages.
    ///   - command: for a port, the server's arguments (after writing any configuration it needs).
    /// - Returns: the running server and its port.
    public static func startOnFreePort(
        name: String, attempts: Int = 3, logFile: (Int) -> String, command: (Int) throws -> [String]
    ) throws -> (process: ServerProcess, port: Int) {
        var lastError: (any Error)?
        for _ in 0..<attempts {
            let port = try LoopbackPort.free()
            do {
                let process = try ServerProcess(name: name, arguments: try command(port), logFile: logFile(port))
                do {
                    try LoopbackPort.waitUntilListening(port, what: name)
                } catch {
                    process.stop()
                    throw error
                }
                return (process, port)
            } catch {
                lastError = error
            }
        }
        throw lastError ?? PortError("\(name) did not start")
    }

    /// True while the process runs.
    public var isRunning: Bool {
        lock.withLock {
            if exitStatus == nil { exitStatus = Spawn.poll(pid) }
            return exitStatus == nil
        }
    }

    /// Stops the server and waits for it (SIGTERM, then SIGKILL after 5 s).
    public func stop() {
        lock.withLock {
            guard exitStatus == nil else { return }
            if let status = Spawn.poll(pid) {
                exitStatus = status
                return
            }
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                if let status = Spawn.poll(pid) {
                    exitStatus = status
                    return
                }
                usleep(10_000)
            }
            kill(pid, SIGKILL)
            exitStatus = Spawn.wait(pid)
        }
    }

    deinit { stop() }
}

/// Stops a daemon that detached itself, given its pid file.
func stopDaemon(pidFile: String) {
    guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
          let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else { return }
    kill(pid, SIGTERM)
    let deadline = Date().addingTimeInterval(5)
    while kill(pid, 0) == 0 && Date() < deadline { usleep(10_000) }
    if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    try? FileManager.default.removeItem(atPath: pidFile)
}
