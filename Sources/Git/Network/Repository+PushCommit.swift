import Foundation
internal import CLibGit2

extension Repository {
    /// Updates `reference` on the remote at `url` from `expected` to `commit`, sending a pack of exactly
    /// the objects `commit` adds to its parent (``objectsIntroduced(by:)``).
    ///
    /// libgit2 connects, authenticates (``TransferOptions/credentials``), checks the host key or
    /// certificate and reads the reference advertisement; codesocial then speaks receive-pack itself on
    /// that connection (`report-status`, `side-band-64k` when offered): one command
    /// `<expected> <commit> <reference>`, then the pack, in a single write. The cost on the client grows
    /// with the size of the change, not with the size of the remote — libgit2 1.5's own push reads every
    /// tree of the remote's tip to decide what to send. The server's compare-and-swap guards the update:
    /// if `reference` moved meanwhile, nothing changes there.
    ///
    /// Transports: `git://`, `http(s)://` (smart HTTP), `ssh://` and `user@host:path`. Local paths and
    /// `file://` are refused (update them with ``updateReference(_:to:expected:message:)``).
    /// Blocks the calling thread at most `options.timeout` + 1 s.
    /// - Parameters:
    ///   - commit: the commit to publish; its only parent must be `expected`.
    ///   - reference: the full name of the remote reference (`refs/heads/main`).
    ///   - expected: the value `reference` must have on the remote.
    ///   - url: the remote.
    /// - Throws: ``GitError`` `referenceChanged` when the advertisement shows `reference` is no longer
    ///   `expected` (nothing was sent), `nonFastForward` when the server's compare-and-swap lost a race,
    ///   `rejected` (a hook or policy refused; the message has the server's reason), `authentication`,
    ///   `unknownHostKey`, `hostKeyMismatch`, `certificate`, `notFound`, `network`, `timeout`, `invalid`.
    @discardableResult
    public func pushCommit(_ commit: ObjectID, to reference: String, expected: ObjectID, url: String,
                           options: TransferOptions = TransferOptions()) throws(GitError) -> PushReport {
        let remote = try RemoteURL(url)
        if remote.isLocal {
            throw GitError(.invalid, "\(url) is a local repository: it is updated with a compare-and-swap reference update, not pushed to",
                           function: "pushCommit", hint: "use updateReference(_:to:expected:message:) on the repository itself")
        }
        let parents = try self.commit(commit).parents
        guard parents == [expected] else {
            throw GitError(.invalid, "commit \(commit.abbreviated()) must have exactly one parent, \(expected.abbreviated()), to be pushed over \(reference)",
                           function: "pushCommit", hint: "build the commit on the remote's current tip")
        }
        let objects = try objectsIntroduced(by: commit)
        let context = TransferContext(options: options, remote: remote)
        return try TransferWorker.run(repositoryPath: path, context: context) { (repository, context) throws(GitError) in
            let session = SendPackSession(repository: repository, context: context)
            return try session.push(commit, to: reference, expected: expected, objects: objects)
        }
    }
}
