import Foundation
import Testing
import TestSupport

/// The SSH agent path, end to end: the agent's socket goes only to the `codesocial` child process
/// (libssh2 reads `SSH_AUTH_SOCK` from the process environment, so this cannot be tested in-process).
@Suite("codesocial publish over ssh:// with ssh-agent")
struct PublishSSHAgentTests {
    @Test("with no key file in ~/.ssh, the key held by ssh-agent authenticates; without the agent it is an authentication error (exit 4)")
    func agent() throws {
        let sandbox = try PublishCLISandbox()
        let server = try SSHServer()
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        let ssh = sandbox.root.path("home/.ssh")
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: server.knownHostsFile, toPath: ssh + "/known_hosts")
        #expect(!FileManager.default.fileExists(atPath: ssh + "/id_ed25519"))
        let file = try sandbox.description("agentproj")

        let noAgent = try CLIRunner.run(["publish", file, "--registry", server.url("registry.git"), "--timeout", "20"],
                                        environment: sandbox.environment())
        #expect(noAgent.status == 4, "\(noAgent)")
        #expect(noAgent.stderr.contains("ssh-agent"), "\(noAgent)")

        let agent = try SSHAgent(key: server.clientKey, in: sandbox.root)
        defer { agent.stop() }
        let published = try CLIRunner.run(["publish", file, "--registry", server.url("registry.git"), "--timeout", "20"],
                                          environment: sandbox.environment(extra: ["SSH_AUTH_SOCK": agent.socket]))
        #expect(published.status == 0, "\(published)\n\(server.log)")
        #expect(try Shell.git("--git-dir", server.path("registry.git"), "show", "main:projects/ag/agentproj/codesocial.yml").stdout
            .contains("id: agentproj"))
        let fsck = try Shell.git("--git-dir", server.path("registry.git"), "fsck", "--strict", check: false)
        #expect(fsck.status == 0, "\(fsck)")
    }
}

/// `ssh-agent` on a socket in a temporary directory, holding one key; stopped by ``stop()``.
private struct SSHAgent {
    let socket: String
    let pid: String

    init(key: String, in root: TemporaryDirectory) throws {
        socket = root.path("agent.sock")
        let started = try Shell.run(["ssh-agent", "-s", "-a", socket])
        guard let line = started.stdout.split(separator: "\n").first(where: { $0.hasPrefix("SSH_AGENT_PID=") }),
              let value = line.split(separator: "=").last?.split(separator: ";").first else {
            throw SandboxError(description: "ssh-agent did not start: \(started)")
        }
        pid = String(value)
        try Shell.run(["ssh-add", "-q", key], environment: ["SSH_AUTH_SOCK": socket])
    }

    func stop() {
        _ = try? Shell.run(["kill", pid], check: false)
    }
}
