import Foundation
import Git
import Testing
import TestSupport

/// A local repository with history to push, and a fresh one to fetch into.
struct TransferScratch {
    let source: ScratchRepository
    let target: ScratchRepository
    let tip: ObjectID

    init() throws {
        source = try ScratchRepository()
        let first = try source.commit(["projects/we/wemob/codesocial.yml": "id: wemob\n", ".codesocial-registry.yml": "name: test\n"],
                                      message: "first")
        tip = try source.commit(["projects/ab/abc/codesocial.yml": "id: abc\n"], parent: first, message: "second")
        target = try ScratchRepository()
    }

    /// Checks with the git CLI that `repositoryPath` holds `tip` on main and is sound.
    static func expectServerHasTip(_ repositoryPath: String, _ tip: ObjectID, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rev = try Shell.git("rev-parse", "refs/heads/main", in: repositoryPath)
        #expect(rev.trimmed == tip.hex, sourceLocation: sourceLocation)
        let log = try Shell.git("log", "--format=%s", "refs/heads/main", in: repositoryPath)
        #expect(log.trimmed == "second\nfirst", sourceLocation: sourceLocation)
        let fsck = try Shell.git("fsck", "--strict", in: repositoryPath, check: false)
        #expect(fsck.status == 0, "\(fsck)", sourceLocation: sourceLocation)
    }

    /// Fetches main from `url` into the target and checks it arrived complete.
    func fetchAndCheck(_ url: String, options: TransferOptions, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try target.repository.fetch(from: url, refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: options)
        #expect(result.updates.map(\.name) == ["refs/remotes/origin/main"], sourceLocation: sourceLocation)
        #expect(result.updates.first?.new == tip, sourceLocation: sourceLocation)
        #expect(try target.repository.reference(named: "refs/remotes/origin/main") == tip, sourceLocation: sourceLocation)
        try target.repository.verify(scope: .fullHistory)
        let fsck = try Shell.git("fsck", "--strict", in: target.path, check: false)
        #expect(fsck.status == 0, "\(fsck)", sourceLocation: sourceLocation)
    }
}

extension TransferOptions {
    /// Options for tests: short timeout, no agent, keys and known_hosts of the test server only.
    static func test(timeout: TimeInterval = 20, username: String? = nil, password: String? = nil,
                     sshKey: String? = nil, knownHosts: String? = nil) -> TransferOptions {
        TransferOptions(
            credentials: Credentials(username: username, password: password, useSSHAgent: false,
                                     sshKey: sshKey ?? "/nonexistent/codesocial-test-key"),
            knownHostsFile: knownHosts ?? "/nonexistent/codesocial-known-hosts",
            timeout: timeout)
    }
}
