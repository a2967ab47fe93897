import Foundation
import Git
import Testing
import TestSupport

/// A server repository holding `first` on main, and a local commit `second` on top of it to push.
struct PushCommitScratch {
    let local: ScratchRepository
    let first: ObjectID
    let second: ObjectID
    let served: String

    init(served: String) throws {
        self.served = served
        local = try ScratchRepository()
        first = try local.commit(["projects/we/wemob/codesocial.yml": "id: wemob\n", ".codesocial-registry.yml": "name: test\n"],
                                 message: "first")
        second = try local.commit(["projects/ab/abc/codesocial.yml": "id: abc\n"], parent: first, message: "second")
        try Shell.git("push", "-q", served, "\(first.hex):refs/heads/main", in: local.path)
    }

    /// Checks with the git CLI that the server's main is `second` and that the server is sound.
    func expectPushed(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: served).trimmed == second.hex, sourceLocation: sourceLocation)
        #expect(try Shell.git("log", "--format=%s", "refs/heads/main", in: served).trimmed == "second\nfirst",
                sourceLocation: sourceLocation)
        let fsck = try Shell.git("fsck", "--strict", "--no-dangling", in: served, check: false)
        #expect(fsck.status == 0, "\(fsck)", sourceLocation: sourceLocation)
        #expect(try Shell.git("show", "refs/heads/main:projects/ab/abc/codesocial.yml", in: served).stdout == "id: abc\n",
                sourceLocation: sourceLocation)
    }
}

@Suite("Pushing one commit with exactly its new objects")
struct PushCommitTests {
    @Test("the objects a commit introduces are the commit, the trees on the changed path and the new blob")
    func objectsIntroduced() throws {
        let scratch = try TransferScratch()
        let repository = scratch.source.repository
        let objects = try repository.objectsIntroduced(by: scratch.tip)
        let expected = try Shell.git("rev-list", "--objects", scratch.tip.hex, "--not", "\(scratch.tip.hex)^", in: scratch.source.path).stdout
            .split(separator: "\n").map { String($0.prefix(40)) }
        #expect(Set(objects.map(\.hex)) == Set(expected))
        #expect(objects.count == 6)
        #expect(objects.first == scratch.tip)
        // A root commit introduces its whole tree.
        let root = try #require(try repository.commit(scratch.tip).parents.first)
        let all = try Shell.git("rev-list", "--objects", root.hex, in: scratch.source.path).stdout.split(separator: "\n").map { String($0.prefix(40)) }
        #expect(Set(try repository.objectsIntroduced(by: root).map(\.hex)) == Set(all))
    }

    @Test("over git:// the server gets the commit, git fsck --strict is clean, and the pack holds only the new objects")
    func gitDaemon() throws {
        let daemon = try GitDaemon()
        let scratch = try PushCommitScratch(served: try daemon.createRepository("registry.git"))
        let progress = ProgressLog()
        var options = TransferOptions.test()
        options.progress = { progress.append($0) }
        // Certificate authorities are read for HTTPS only: an unreadable file does not concern git://.
        options.certificateAuthorityFile = "/nonexistent/codesocial-ca.pem"
        let report = try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                             url: daemon.url("registry.git"), options: options)
        try scratch.expectPushed()
        #expect(report.objects == 6)
        #expect(report.packBytes > 32 && report.packBytes < 2000)
        #expect(report.serverSeconds > 0)
        #expect(progress.phases.contains(.sending))
        let clone = try TemporaryDirectory()
        try Shell.git("clone", "-q", daemon.url("registry.git"), clone.path("c"))
        #expect(FileManager.default.fileExists(atPath: clone.path("c/projects/ab/abc/codesocial.yml")))
    }

    @Test("over smart HTTP with basic auth, from the URL and from options")
    func smartHTTP() throws {
        let server = try SmartHTTPServer()
        let scratch = try PushCommitScratch(served: try server.createRepository("registry.git"))
        try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                url: server.url("registry.git"),
                                                options: .test(username: server.username, password: server.password))
        try scratch.expectPushed()
        let again = try PushCommitScratch(served: try server.createRepository("second.git"))
        try again.local.repository.pushCommit(again.second, to: "refs/heads/main", expected: again.first,
                                              url: server.urlWithCredentials("second.git"), options: .test())
        try again.expectPushed()
    }

    @Test("over smart HTTP a wrong password is authentication and nothing changes")
    func smartHTTPWrongPassword() throws {
        let server = try SmartHTTPServer()
        let scratch = try PushCommitScratch(served: try server.createRepository("registry.git"))
        let error = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: server.url("registry.git"),
                                                    options: .test(username: server.username, password: "wrong"))
        }
        #expect(error.kind == .authentication, "\(error)")
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: scratch.served).trimmed == scratch.first.hex)
    }

    @Test("over ssh:// with a throwaway key and known_hosts; an unknown host key is refused before anything is sent")
    func ssh() throws {
        let server = try SSHServer()
        let scratch = try PushCommitScratch(served: try server.createRepository("registry.git"))
        let unknown = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: server.url("registry.git"), options: .test(sshKey: server.clientKey))
        }
        #expect(unknown.kind == .unknownHostKey, "\(unknown)")
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: scratch.served).trimmed == scratch.first.hex)
        do {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: server.url("registry.git"),
                                                    options: .test(sshKey: server.clientKey, knownHosts: server.knownHostsFile))
        } catch {
            Issue.record("push failed: \(error)\n\(server.log)")
            throw error
        }
        try scratch.expectPushed()
    }

    @Test("when the advertisement shows main moved, it is referenceChanged and nothing is sent")
    func leaseMismatch() throws {
        let daemon = try GitDaemon()
        let scratch = try PushCommitScratch(served: try daemon.createRepository("registry.git"))
        let theirs = try scratch.local.commit(["projects/zz/zed/codesocial.yml": "id: zed\n"], parent: scratch.first, message: "theirs")
        try Shell.git("push", "-q", scratch.served, "\(theirs.hex):refs/heads/main", in: scratch.local.path)
        let error = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: daemon.url("registry.git"), options: .test())
        }
        #expect(error.kind == .referenceChanged, "\(error)")
        #expect(error.message.contains("is now \(theirs.abbreviated())"))
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: scratch.served).trimmed == theirs.hex)
        #expect(try Shell.git("cat-file", "-e", scratch.second.hex, in: scratch.served, check: false).status != 0)
    }

    @Test("when main moves between the advertisement and the update, the server's compare-and-swap refuses: nonFastForward")
    func raceLostOnTheServer() throws {
        let daemon = try GitDaemon()
        let scratch = try PushCommitScratch(served: try daemon.createRepository("registry.git"))
        let theirs = try scratch.local.commit(["projects/zz/zed/codesocial.yml": "id: zed\n"], parent: scratch.first, message: "theirs")
        try Shell.git("push", "-q", scratch.served, "\(theirs.hex):refs/heads/ready", in: scratch.local.path)
        // A pre-receive hook moves main itself (outside the quarantine), as a concurrent publisher would.
        let hook = scratch.served + "/hooks/pre-receive"
        try FileManager.default.createDirectory(atPath: scratch.served + "/hooks", withIntermediateDirectories: true)
        try Data("""
            #!/bin/sh
            cat >/dev/null
            env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES \
              git update-ref refs/heads/main \(theirs.hex) \(scratch.first.hex)
            """.utf8).write(to: URL(fileURLWithPath: hook))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let error = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: daemon.url("registry.git"), options: .test())
        }
        #expect(error.kind == .nonFastForward, "\(error)")
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: scratch.served).trimmed == theirs.hex)
    }

    @Test("a pre-receive hook's refusal is rejected with the hook's message")
    func hookRejection() throws {
        let daemon = try GitDaemon()
        let scratch = try PushCommitScratch(served: try daemon.createRepository("registry.git"))
        let hook = scratch.served + "/hooks/pre-receive"
        try FileManager.default.createDirectory(atPath: scratch.served + "/hooks", withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho 'entries must be reviewed first' >&2\nexit 1\n".utf8).write(to: URL(fileURLWithPath: hook))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let error = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: daemon.url("registry.git"), options: .test())
        }
        #expect(error.kind == .rejected, "\(error)")
        #expect(error.message.contains("refs/heads/main"))
        #expect(error.message.contains("entries must be reviewed first"))
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: scratch.served).trimmed == scratch.first.hex)
    }

    @Test("a commit whose parent is not the expected value, or a local URL, is invalid")
    func invalidInput() throws {
        let daemon = try GitDaemon()
        let scratch = try PushCommitScratch(served: try daemon.createRepository("registry.git"))
        let parent = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.second,
                                                    url: daemon.url("registry.git"), options: .test())
        }
        #expect(parent.kind == .invalid)
        let local = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: scratch.served, options: .test())
        }
        #expect(local.kind == .invalid)
        #expect(local.message.contains("compare-and-swap"))
    }

    @Test("a server that is down is network, quickly")
    func serverDown() throws {
        let directory = try TemporaryDirectory()
        try Shell.git("init", "-q", "--bare", directory.path("x.git"))
        let scratch = try PushCommitScratch(served: directory.path("x.git"))
        let port = try LoopbackPort.free()
        let started = Date()
        let error = try #require(throws: GitError.self) {
            try scratch.local.repository.pushCommit(scratch.second, to: "refs/heads/main", expected: scratch.first,
                                                    url: "git://127.0.0.1:\(port)/x.git", options: .test(timeout: 10))
        }
        #expect(error.kind == .network, "\(error)")
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
