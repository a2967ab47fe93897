import Foundation

/// sshd on 127.0.0.1 with throwaway ed25519 host and client keys, public-key authentication only,
/// serving repositories from its temporary directory. Writes a known_hosts file for the client;
/// the machine's own ~/.ssh is never touched. Stopped by ``stop()`` or when released.
public final class SSHServer: @unchecked Sendable {
    /// The directory holding keys, configuration and repositories.
    public let root: TemporaryDirectory
    /// The port it listens on.
    public let port: Int
    /// The client's private key (its public half is authorised).
    public let clientKey: String
    /// A known_hosts file that lists this server's host key.
    public let knownHostsFile: String
    /// A known_hosts file that does not list this server (for unknown-host tests).
    public let emptyKnownHostsFile: String
    /// A known_hosts file listing another ed25519 key for this server (for mismatch tests).
    public let wrongKnownHostsFile: String
    /// The server's public host key line (`ssh-ed25519 AAAA…`).
    public let hostPublicKey: String
    private let server: ServerProcess

    /// Generates keys, starts sshd on a free port and waits until it accepts connections.
    public init() throws {
        root = try TemporaryDirectory(prefix: "sshd")
        let hostKey = root.path("ssh_host_ed25519_key")
        clientKey = root.path("id_ed25519")
        let otherKey = root.path("other_host_key")
        for (key, comment) in [(hostKey, "host"), (clientKey, "client"), (otherKey, "other")] {
            try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key])
        }
        try FileManager.default.createDirectory(atPath: root.path("repos"), withIntermediateDirectories: true)
        // sshd insists on its privilege separation directory; only root can create it (bootstrap does on CI).
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let clientPublic = try String(contentsOfFile: clientKey + ".pub", encoding: .utf8)
        try root.write(clientPublic, to: "authorized_keys", permissions: 0o600)
        hostPublicKey = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        let otherPublic = try String(contentsOfFile: otherKey + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        let sshd = "/usr/sbin/sshd"
        let directory = root
        let (started, chosen) = try ServerProcess.startOnFreePort(name: "sshd", logFile: { directory.path("sshd-\($0).log") }) { port in
            let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKey)
            PidFile \(directory.path("sshd-\(port).pid"))
            AuthorizedKeysFile \(directory.path("authorized_keys"))
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            LogLevel VERBOSE

            """
            let configFile = try directory.write(config, to: "sshd-\(port).conf")
            return [sshd, "-D", "-e", "-f", configFile]
        }
        server = started
        port = chosen
        knownHostsFile = try root.write("[127.0.0.1]:\(chosen) \(hostPublicKey)\n", to: "known_hosts")
        emptyKnownHostsFile = try root.write("# nothing here\n", to: "known_hosts_empty")
        wrongKnownHostsFile = try root.write("[127.0.0.1]:\(chosen) \(otherPublic)\n", to: "known_hosts_wrong")
    }

    /// The user the tests log in as (the user running them).
    public var user: String { NSUserName() }

    /// `ssh://USER@127.0.0.1:PORT/absolute/path/NAME`.
    public func url(_ name: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path(name))" }

    /// The path of a served repository.
    public func path(_ name: String) -> String { root.path("repos/\(name)") }

    /// Creates an empty bare repository `name` and returns its path.
    @discardableResult
    public func createRepository(_ name: String) throws -> String {
        let path = self.path(name)
        try Shell.git("init", "-q", "--bare", "--initial-branch=main", path)
        return path
    }

    /// The server's log (for failure messages).
    public var log: String {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return files.filter { $0.hasSuffix(".log") }.compactMap { try? String(contentsOfFile: root.path($0), encoding: .utf8) }
            .joined(separator: "\n")
    }

    /// Stops the server (idempotent).
    public func stop() { server.stop() }

    deinit { server.stop() }
}
