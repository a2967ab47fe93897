import Foundation
internal import CLibGit2

extension Repository {
    /// Pushes `refspecs` to `url`, without configuring a remote, and checks the server accepted every reference.
    ///
    /// In libgit2 1.5 the source of each refspec must be a reference, not an object id
    /// (`refs/publish/tmp:refs/heads/main`): create a temporary reference and delete it afterwards.
    /// Deletions (`:refs/heads/x`) and forced updates (`+`) go through the same checks; a deletion
    /// refspec without a source is refused as ``GitError/Kind/invalid``.
    /// A push to a local path or `file://` is refused unless ``TransferOptions/allowForcingLocalPush``
    /// (libgit2 writes local references by force); update local repositories with
    /// ``updateReference(_:to:expected:message:)``. Blocks the calling thread at most `options.timeout` + 1 s;
    /// when called from a Swift task, cancelling the task cancels the transfer.
    /// - Throws: ``GitError`` of kind `nonFastForward` (the remote moved: fetch, merge and retry),
    ///   `rejected` (a hook or the server refused; the message has the server's reason), `authentication`,
    ///   `unknownHostKey`, `hostKeyMismatch`, `notFound`, `network`, `timeout`, `invalid`.
    /// Publishing one commit uses ``pushCommit(_:to:expected:url:options:)`` instead, which sends only the
    /// new objects and checks the remote's value of the reference before sending.
    public func push(to url: String, refspecs: [String], options: TransferOptions = TransferOptions()) throws(GitError) {
        let remote = try RemoteURL(url)
        if remote.isLocal && !options.allowForcingLocalPush {
            throw GitError(.invalid, "refusing to push to the local repository \(url): libgit2 would overwrite its references without compare-and-swap",
                           function: "push", hint: "update local repositories with a compare-and-swap reference update")
        }
        let destinations = try refspecs.map { (spec) throws(GitError) -> String in
            let trimmed = spec.hasPrefix("+") ? String(spec.dropFirst()) : spec
            let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, !parts[0].isEmpty else {
                throw GitError(.invalid, "the push refspec \"\(spec)\" must be SOURCE:DESTINATION with both full reference names",
                               function: "push")
            }
            return String(parts[1])
        }
        let context = TransferContext(options: options, remote: remote)
        try TransferWorker.run(repositoryPath: path, context: context) { (repository, context) throws(GitError) in
            var handle: OpaquePointer?
            let created = git_remote_create_anonymous(&handle, repository, remote.sanitized)
            if created < 0 { throw TransferWorker.failure(code: created, function: "git_remote_create_anonymous", context: context) }
            defer { git_remote_free(handle) }
            var pushOptions = git_push_options()
            try check("git_push_options_init") { git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION)) }
            pushOptions.callbacks = try TransferCallbacks.make(for: context)
            pushOptions.proxy_opts.type = GIT_PROXY_AUTO
            let code = TransferWorker.withStrarray(refspecs) { array in git_remote_push(handle, array, &pushOptions) }
            if code < 0 {
                var error = TransferWorker.failure(code: code, function: "git_remote_push", context: context)
                if error.kind == .nonFastForward {
                    error.hint = error.hint ?? "the remote moved since the last fetch: fetch, merge and push again"
                }
                throw error
            }
            try Self.checkPushStatuses(context.pushStatuses, expected: destinations, context: context)
        }
    }

    /// Turns the `push_update_reference` reports into success or a precise error.
    static func checkPushStatuses(_ statuses: [(reference: String, status: String?)], expected: [String],
                                          context: TransferContext) throws(GitError) {
        for (reference, status) in statuses {
            guard let status else { continue }
            let lower = status.lowercased()
            let messages = context.serverMessages
            let detail = messages.isEmpty ? "" : " (server: \(messages))"
            // receive-pack's compare-and-swap lost a race ("failed to update ref", "cannot lock ref … but
            // expected …", "incorrect old value provided"; "reference already exists" for a ref created meanwhile).
            // Classified here, once, for every caller: anything else is a policy refusal.
            let raced = ["non-fast-forward", "fetch first", "stale info", "failed to update ref", "failed to lock",
                         "cannot lock ref", "but expected", "incorrect old value", "reference already exists"]
            if raced.contains(where: lower.contains) {
                throw GitError(.nonFastForward, "the server refused to update \(reference): \(status)\(detail)",
                               function: "push_update_reference", hint: "the remote moved: fetch, merge and push again")
                    .french("le serveur a refusé de mettre à jour \(reference) : \(status)\(detail)")
            }
            throw GitError(.rejected, "the server rejected \(reference): \(status)\(detail)", function: "push_update_reference",
                           hint: "read the server's reason above; a server-side hook or branch protection refused the update")
                .french("le serveur a rejeté \(reference) : \(status)\(detail)")
        }
        let reported = Set(statuses.map(\.reference))
        for destination in expected where !reported.contains(destination) {
            throw GitError(.rejected, "the server did not confirm the update of \(destination)", function: "push_update_reference",
                           hint: "the push may not have happened; fetch to see the remote's state")
                .french("le serveur n'a pas confirmé la mise à jour de \(destination)")
        }
    }
}
