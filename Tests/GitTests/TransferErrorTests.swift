import Foundation
import Git
import Testing
import TestSupport

@Suite("Transfer failures: each its own kind, quickly")
struct TransferErrorTests {
    /// Runs `body`, expects a GitError, and checks it came within `seconds`.
    /// The bounds are generous (the machine is shared and tests run in parallel); the error kinds, not
    /// the times, tell a failure from a timeout.
    func expectFailure(within seconds: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) throws -> GitError {
        let start = Date()
        let error = try #require(throws: GitError.self, sourceLocation: sourceLocation) { try body() }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < seconds, "took \(elapsed) s", sourceLocation: sourceLocation)
        return error
    }

    @Test("wrong password over smart HTTP is authentication, naming the user")
    func wrongPassword() throws {
        let server = try SmartHTTPServer()
        try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let error = try expectFailure {
            try scratch.target.repository.fetch(from: server.urlWithCredentials("registry.git", password: "wrong"),
                                                refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: .test())
        }
        #expect(error.kind == .authentication)
        #expect(error.message.contains("refused the credentials of user \"publisher\""))
        let push = try expectFailure {
            try scratch.source.repository.push(to: server.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"],
                                               options: .test(username: "publisher", password: "nope"))
        }
        #expect(push.kind == .authentication)
    }

    @Test("no credentials for smart HTTP is authentication with a hint")
    func missingCredentials() throws {
        let server = try SmartHTTPServer()
        try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let error = try expectFailure {
            try scratch.target.repository.fetch(from: server.url("registry.git"), refspecs: ["+refs/heads/main:refs/heads/x"], options: .test())
        }
        #expect(error.kind == .authentication)
        #expect(error.hint?.contains("USER:TOKEN") == true)
    }

    @Test("an SSH host missing from known_hosts is unknownHostKey with the ssh-keyscan command")
    func unknownHost() throws {
        let server = try SSHServer()
        try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let error = try expectFailure {
            try scratch.target.repository.fetch(from: server.url("registry.git"), refspecs: ["+refs/heads/main:refs/heads/x"],
                                                options: .test(sshKey: server.clientKey, knownHosts: server.emptyKnownHostsFile))
        }
        #expect(error.kind == .unknownHostKey)
        #expect(error.message.contains("[127.0.0.1]:\(server.port)"))
        #expect(error.message.contains("SHA256:"))
        #expect(error.hint?.contains("ssh-keyscan -p \(server.port) 127.0.0.1 >> \(server.emptyKnownHostsFile)") == true)
    }

    @Test("an SSH host key different from known_hosts is hostKeyMismatch")
    func mismatchedHost() throws {
        let server = try SSHServer()
        try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let error = try expectFailure {
            try scratch.source.repository.push(to: server.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"],
                                               options: .test(sshKey: server.clientKey, knownHosts: server.wrongKnownHostsFile))
        }
        #expect(error.kind == .hostKeyMismatch)
        #expect(error.message.contains("does not match"))
        // nothing was pushed
        #expect(try Shell.git("rev-parse", "--verify", "-q", "refs/heads/main", in: server.path("registry.git"), check: false).status != 0)
    }

    @Test("an SSH key the server does not accept is authentication")
    func wrongKey() throws {
        let server = try SSHServer()
        try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let other = try TemporaryDirectory()
        try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.path("key")])
        let error = try expectFailure {
            try scratch.target.repository.fetch(from: server.url("registry.git"), refspecs: ["+refs/heads/main:refs/heads/x"],
                                                options: .test(sshKey: other.path("key"), knownHosts: server.knownHostsFile))
        }
        #expect(error.kind == .authentication)
        #expect(error.message.contains(other.path("key")))
    }

    @Test("a server that is down is network", arguments: ["git", "http", "ssh"])
    func serverDown(scheme: String) throws {
        let port = try LoopbackPort.free()
        let url = switch scheme {
        case "git": "git://127.0.0.1:\(port)/registry.git"
        case "http": "http://u:p@127.0.0.1:\(port)/git/registry.git"
        default: "ssh://root@127.0.0.1:\(port)/tmp/registry.git"
        }
        let scratch = try TransferScratch()
        let error = try expectFailure {
            try scratch.target.repository.fetch(from: url, refspecs: ["+refs/heads/main:refs/heads/x"], options: .test())
        }
        #expect(error.kind == .network, "\(error)")
    }

    @Test("a missing repository is notFound over git://, smart HTTP, SSH and a local path")
    func missingRepository() throws {
        let scratch = try TransferScratch()
        let daemon = try GitDaemon()
        let http = try SmartHTTPServer()
        let ssh = try SSHServer()
        let cases: [(String, TransferOptions)] = [
            (daemon.url("nothing.git"), .test()),
            (http.urlWithCredentials("nothing.git"), .test()),
            (ssh.url("nothing.git"), .test(sshKey: ssh.clientKey, knownHosts: ssh.knownHostsFile)),
            (scratch.source.directory.path("nothing.git"), .test()),
        ]
        for (url, options) in cases {
            let error = try expectFailure {
                try scratch.target.repository.fetch(from: url, refspecs: ["+refs/heads/main:refs/heads/x"], options: options)
            }
            #expect(error.kind == .notFound, "\(url): \(error) [\(error.code) \(error.errorClass ?? "-")]")
        }
    }

    @Test("a server that accepts the connection and never answers times out at the deadline")
    func silentServer() throws {
        let silent = try SilentServer()
        let scratch = try TransferScratch()
        for url in ["git://127.0.0.1:\(silent.port)/registry.git", "http://u:p@127.0.0.1:\(silent.port)/git/registry.git",
                    "ssh://root@127.0.0.1:\(silent.port)/srv/registry.git"] {
            let error = try expectFailure(within: 10) {
                try scratch.target.repository.fetch(from: url, refspecs: ["+refs/heads/main:refs/heads/x"], options: .test(timeout: 1))
            }
            #expect(error.kind == .timeout, "\(error)")
            #expect(error.message.contains("within 1 s"))
        }
    }

    @Test("a push refused by a pre-receive hook is rejected with the hook's message")
    func hookRejection() throws {
        let daemon = try GitDaemon()
        let served = try daemon.createRepository("registry.git")
        try FileManager.default.createDirectory(atPath: served + "/hooks", withIntermediateDirectories: true)
        let hook = served + "/hooks/pre-receive"
        try Data("#!/bin/sh\necho 'entries must be reviewed first' >&2\nexit 1\n".utf8).write(to: URL(fileURLWithPath: hook))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let scratch = try TransferScratch()
        let error = try expectFailure {
            try scratch.source.repository.push(to: daemon.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        }
        #expect(error.kind == .rejected, "\(error)")
        #expect(error.message.contains("refs/heads/main"))
        #expect(error.message.contains("entries must be reviewed first"))
        #expect(try Shell.git("rev-parse", "--verify", "-q", "refs/heads/main", in: served, check: false).status != 0)
    }

    @Test("pushing a stale tip is nonFastForward, and the remote keeps the other update")
    func nonFastForward() throws {
        let daemon = try GitDaemon()
        let served = try daemon.createRepository("registry.git")
        let scratch = try TransferScratch()
        let url = daemon.url("registry.git")
        try scratch.source.repository.push(to: url, refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        // someone else pushes on top
        let other = try TransferScratch()
        try other.target.repository.fetch(from: url, refspecs: ["+refs/heads/main:refs/heads/main"], options: .test())
        let theirs = try other.target.commit(["projects/zz/zed/codesocial.yml": "id: zed\n"], parent: scratch.tip, message: "theirs")
        try other.target.repository.push(to: url, refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        // we push a sibling of theirs without fetching
        let ours = try scratch.source.commit(["projects/ou/ours/codesocial.yml": "id: ours\n"], parent: scratch.tip, message: "ours")
        let error = try expectFailure {
            try scratch.source.repository.push(to: url, refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        }
        #expect(error.kind == .nonFastForward, "\(error)")
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: served).trimmed == theirs.hex)
        #expect(ours != theirs)
    }

    @Test("a malformed push refspec or URL is invalid")
    func invalidInput() throws {
        let scratch = try TransferScratch()
        let spec = try expectFailure {
            try scratch.source.repository.push(to: "git://127.0.0.1:1/x.git", refspecs: ["refs/heads/main"], options: .test())
        }
        #expect(spec.kind == .invalid)
        let scheme = try expectFailure {
            try scratch.source.repository.fetch(from: "ftp://example.org/x.git", refspecs: ["+refs/heads/main:refs/heads/x"], options: .test())
        }
        #expect(scheme.kind == .invalid)
        #expect(scheme.message.contains("ftp"))
    }
}

@Suite("Concurrent pushes")
struct ConcurrentPushTests {
    @Test("of 8 concurrent pushes on the same base over git://, exactly one lands; the others are nonFastForward")
    func pushRace() async throws {
        let daemon = try GitDaemon()
        let served = try daemon.createRepository("registry.git")
        let url = daemon.url("registry.git")
        let base = try TransferScratch()
        try base.source.repository.push(to: url, refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        var publishers: [(ScratchRepository, ObjectID)] = []
        for index in 0..<8 {
            let publisher = try ScratchRepository()
            try publisher.repository.fetch(from: url, refspecs: ["+refs/heads/main:refs/heads/main"], options: .test())
            let tip = try publisher.commit(["projects/p\(index)/p\(index)/codesocial.yml": "id: p\(index)\n"],
                                           parent: base.tip, message: "publish p\(index)")
            publishers.append((publisher, tip))
        }
        let paths = publishers.map { ($0.0.path, $0.1) }
        let outcomes = await withTaskGroup(of: (ObjectID, GitError.Kind?).self) { group in
            for (path, tip) in paths {
                group.addTask {
                    do {
                        let repository = try Repository.open(at: path)
                        try repository.push(to: url, refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
                        return (tip, nil)
                    } catch let error as GitError {
                        return (tip, error.kind)
                    } catch {
                        return (tip, .other)
                    }
                }
            }
            var all: [(ObjectID, GitError.Kind?)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let winners = outcomes.filter { $0.1 == nil }
        #expect(winners.count == 1)
        #expect(outcomes.filter { $0.1 == .nonFastForward }.count == 7, "\(outcomes.map { $0.1 })")
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: served).trimmed == winners.first?.0.hex)
        #expect(try Shell.git("fsck", "--strict", in: served).status == 0)
    }
}

@Suite("TLS")
struct TLSTests {
    @Test("an HTTPS server with an untrusted certificate is a certificate error, and nothing is sent")
    func untrustedCertificate() throws {
        let server = try SmartHTTPServer(tls: true)
        try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let error = try #require(throws: GitError.self) {
            try scratch.source.repository.push(to: server.urlWithCredentials("registry.git"),
                                               refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        }
        #expect(error.kind == .certificate, "\(error) [\(error.code) \(error.errorClass ?? "-")]")
        #expect(try Shell.git("rev-parse", "--verify", "-q", "refs/heads/main", in: server.path("registry.git"), check: false).status != 0)
    }
}

@Suite("Cancellation")
struct CancellationTests {
    @Test("cancelling the calling task stops a transfer blocked on a silent server")
    func cancelTask() async throws {
        let silent = try SilentServer()
        let scratch = try TransferScratch()
        let path = scratch.target.path
        let url = "git://127.0.0.1:\(silent.port)/registry.git"
        let task = Task { () -> GitError.Kind? in
            do {
                try Repository.open(at: path).fetch(from: url, refspecs: ["+refs/heads/main:refs/heads/x"], options: .test(timeout: 60))
                return nil
            } catch let error as GitError {
                return error.kind
            } catch {
                return .other
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let kind = await task.value
        // The timeout is 60 s: `.cancelled` (not `.timeout`) shows the cancellation stopped it.
        #expect(kind == .cancelled)
    }
}
