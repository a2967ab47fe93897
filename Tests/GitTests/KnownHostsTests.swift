import Foundation
import Git
import Testing
import TestSupport

@Suite("known_hosts parsing and remote URLs")
struct KnownHostsTests {
    /// A fresh ed25519 public key: (type, base64, raw blob).
    func makeKey(_ directory: TemporaryDirectory, _ name: String) throws -> (String, String, [UInt8]) {
        try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", directory.path(name)])
        let fields = try String(contentsOfFile: directory.path(name + ".pub"), encoding: .utf8).split(separator: " ")
        let base64 = String(fields[1])
        return (String(fields[0]), base64, Array(try #require(Data(base64Encoded: base64))))
    }

    @Test("plain, bracketed, wildcard and negated patterns")
    func patterns() throws {
        let directory = try TemporaryDirectory()
        let (type, base64, key) = try makeKey(directory, "a")
        let (_, otherBase64, other) = try makeKey(directory, "b")
        let hosts = KnownHosts(text: """
        # comment
        example.org,192.0.2.1 \(type) \(base64)
        [git.example.org]:2222 \(type) \(base64)
        *.forge.example \(type) \(base64)
        !evil.forge.example,*.forge.example \(type) \(otherBase64)
        @cert-authority *.example.org \(type) \(otherBase64)
        garbage line
        """)
        #expect(hosts.verdict(host: "example.org", port: 22, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "EXAMPLE.org", port: 22, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "192.0.2.1", port: 22, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "example.org", port: 2222, keyType: type, key: key) == .unknown)
        #expect(hosts.verdict(host: "git.example.org", port: 2222, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "git.example.org", port: 22, keyType: type, key: key) == .unknown)
        #expect(hosts.verdict(host: "example.org", port: 22, keyType: type, key: other) == .mismatch)
        #expect(hosts.verdict(host: "example.org", port: 22, keyType: "ssh-rsa", key: [1, 2, 3]) == .unknown)
        #expect(hosts.verdict(host: "a.forge.example", port: 22, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "a.forge.example", port: 22, keyType: type, key: other) == .known)
        #expect(hosts.verdict(host: "evil.forge.example", port: 22, keyType: type, key: other) == .mismatch)
    }

    @Test("hashed entries written by ssh-keygen -H match, for port 22 and [host]:port")
    func hashed() throws {
        let directory = try TemporaryDirectory()
        let (type, base64, key) = try makeKey(directory, "a")
        let file = try directory.write("gitlab.example.com \(type) \(base64)\n[127.0.0.1]:2200 \(type) \(base64)\n", to: "known_hosts")
        try Shell.run(["ssh-keygen", "-H", "-f", file])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("|1|"))
        #expect(!text.contains("gitlab.example.com"))
        let hosts = KnownHosts(contentsOf: file)
        #expect(hosts.verdict(host: "gitlab.example.com", port: 22, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "127.0.0.1", port: 2200, keyType: type, key: key) == .known)
        #expect(hosts.verdict(host: "127.0.0.1", port: 22, keyType: type, key: key) == .unknown)
        #expect(hosts.verdict(host: "other.example.com", port: 22, keyType: type, key: key) == .unknown)
    }

    @Test("revoked keys are a mismatch")
    func revoked() throws {
        let directory = try TemporaryDirectory()
        let (type, base64, key) = try makeKey(directory, "a")
        let hosts = KnownHosts(text: "@revoked * \(type) \(base64)\nexample.org \(type) \(base64)\n")
        #expect(hosts.verdict(host: "example.org", port: 22, keyType: type, key: key) == .mismatch)
    }

    @Test("a missing known_hosts file knows no host")
    func missingFile() {
        #expect(KnownHosts(contentsOf: "/nonexistent/known_hosts").verdict(host: "h", port: 22, keyType: "ssh-ed25519", key: [1]) == .unknown)
    }

    @Test("remote URLs: schemes, ports, credentials stripped from HTTP, scp-like SSH, local paths")
    func remoteURLs() throws {
        let http = try RemoteURL("https://alice:t%40ken@forge.example/org/registry.git")
        #expect(http.scheme == .https && http.host == "forge.example" && http.effectivePort == 443)
        #expect(http.username == "alice" && http.password == "t@ken")
        #expect(http.sanitized == "https://forge.example/org/registry.git")
        let ssh = try RemoteURL("ssh://git@forge.example:2222/org/registry.git")
        #expect(ssh.scheme == .ssh && ssh.port == 2222 && ssh.username == "git")
        let scp = try RemoteURL("git@forge.example:org/registry.git")
        #expect(scp.scheme == .ssh && scp.host == "forge.example" && scp.username == "git" && scp.effectivePort == 22)
        #expect(try RemoteURL("/srv/registry.git").isLocal)
        #expect(try RemoteURL("file:///srv/registry.git").isLocal)
        #expect(try RemoteURL("relative/registry.git").isLocal)
        #expect(try RemoteURL("git://127.0.0.1:9418/r.git").scheme == .git)
        #expect(throws: GitError.self) { try RemoteURL("ftp://example.org/r.git") }
    }
}
