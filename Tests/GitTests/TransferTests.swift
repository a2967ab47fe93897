import Foundation
import Git
import Testing
import TestSupport

@Suite("Fetch and push over real transports")
struct TransferTests {
    @Test("fetch from a local path and a file:// URL")
    func localFetch() throws {
        let scratch = try TransferScratch()
        try scratch.fetchAndCheck(scratch.source.path, options: .test())
        let again = try TransferScratch()
        try again.fetchAndCheck("file://" + again.source.path, options: .test())
    }

    @Test("push to a local repository is refused unless forcing is allowed")
    func localPush() throws {
        let scratch = try TransferScratch()
        let error = try #require(throws: GitError.self) {
            try scratch.source.repository.push(to: scratch.target.path, refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        }
        #expect(error.kind == .invalid)
        #expect(error.message.contains("compare-and-swap"))
        var options = TransferOptions.test()
        options.allowForcingLocalPush = true
        try scratch.source.repository.push(to: "file://" + scratch.target.path, refspecs: ["refs/heads/main:refs/heads/main"], options: options)
        try TransferScratch.expectServerHasTip(scratch.target.path, scratch.tip)
    }

    @Test("push and fetch over git:// (git daemon), checked with the git CLI")
    func gitDaemon() throws {
        let daemon = try GitDaemon()
        let served = try daemon.createRepository("registry.git")
        let scratch = try TransferScratch()
        let progress = ProgressLog()
        var options = TransferOptions.test()
        options.progress = { progress.append($0) }
        try scratch.source.repository.push(to: daemon.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"], options: options)
        try TransferScratch.expectServerHasTip(served, scratch.tip)
        #expect(progress.phases.contains(.sending) || progress.phases.contains(.packing))
        try scratch.fetchAndCheck(daemon.url("registry.git"), options: options)
        #expect(progress.phases.contains(.receiving))
        let clone = try TemporaryDirectory()
        try Shell.git("clone", "-q", daemon.url("registry.git"), clone.path("c"))
        #expect(FileManager.default.fileExists(atPath: clone.path("c/projects/ab/abc/codesocial.yml")))
    }

    @Test("push and fetch over smart HTTP with basic auth, from the URL and from options")
    func smartHTTP() throws {
        let server = try SmartHTTPServer()
        let served = try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        try scratch.source.repository.push(to: server.urlWithCredentials("registry.git"),
                                           refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        try TransferScratch.expectServerHasTip(served, scratch.tip)
        try scratch.fetchAndCheck(server.url("registry.git"),
                                  options: .test(username: server.username, password: server.password))
    }

    @Test("push and fetch over ssh:// with a throwaway key and known_hosts")
    func ssh() throws {
        let server = try SSHServer()
        let served = try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        let options = TransferOptions.test(sshKey: server.clientKey, knownHosts: server.knownHostsFile)
        do {
            try scratch.source.repository.push(to: server.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"], options: options)
        } catch {
            Issue.record("push failed: \(error)\n\(server.log)")
            throw error
        }
        try TransferScratch.expectServerHasTip(served, scratch.tip)
        try scratch.fetchAndCheck(server.url("registry.git"), options: options)
    }

    @Test("with the SSH agent allowed, a running agent without the key falls back to the key file")
    func sshAgentFallback() throws {
        let server = try SSHServer()
        let served = try server.createRepository("registry.git")
        let scratch = try TransferScratch()
        var options = TransferOptions.test(sshKey: server.clientKey, knownHosts: server.knownHostsFile)
        options.credentials.useSSHAgent = true
        // Whatever agent the environment has (none in CI) does not hold the throwaway key.
        try scratch.source.repository.push(to: server.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"], options: options)
        try TransferScratch.expectServerHasTip(served, scratch.tip)
    }
}

/// Collects progress reports from the worker thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [TransferProgress] = []
    func append(_ report: TransferProgress) { lock.withLock { reports.append(report) } }
    var phases: Set<TransferProgress.Phase> { lock.withLock { Set(reports.map(\.phase)) } }
}



@Suite("Fetch edge cases")
struct FetchEdgeTests {
    @Test("fetching main from an empty repository updates nothing and does not fail")
    func emptyRemote() throws {
        let daemon = try GitDaemon()
        try daemon.createRepository("empty.git")
        let target = try ScratchRepository()
        let result = try target.repository.fetch(from: daemon.url("empty.git"),
                                                 refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: .test())
        #expect(result.updates.isEmpty)
        #expect(try target.repository.reference(named: "refs/remotes/origin/main") == nil)
    }

    @Test("a second fetch with nothing new reports no update and receives nothing")
    func upToDate() throws {
        let daemon = try GitDaemon()
        let served = try daemon.createRepository("registry.git")
        let scratch = try TransferScratch()
        try scratch.source.repository.push(to: daemon.url("registry.git"), refspecs: ["refs/heads/main:refs/heads/main"], options: .test())
        try TransferScratch.expectServerHasTip(served, scratch.tip)
        let options = TransferOptions.test()
        let first = try scratch.target.repository.fetch(from: daemon.url("registry.git"),
                                                        refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: options)
        #expect(first.receivedObjects > 0)
        let second = try scratch.target.repository.fetch(from: daemon.url("registry.git"),
                                                         refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: options)
        #expect(second.updates.isEmpty)
        #expect(second.receivedObjects == 0)
    }
}
