import Foundation
internal import CLibGit2

extension Repository {
    /// Fetches `refspecs` from `url` into this repository, without configuring a remote.
    ///
    /// Works with local paths, `file://`, `git://`, `http(s)://` (basic auth) and `ssh://` / `user@host:path`
    /// (ssh-agent, then a key file; host key checked against known_hosts). Blocks the calling thread at most
    /// `options.timeout` + 1 s; when called from a Swift task, cancelling the task cancels the transfer.
    /// - Parameters:
    ///   - url: where to fetch from; user and password in an HTTP URL are used as credentials and not sent in the clear.
    ///   - refspecs: e.g. `+refs/heads/main:refs/remotes/origin/main`.
    ///   - options: credentials, known_hosts, timeout, progress.
    /// - Returns: the references updated and the amount received.
    /// - Throws: ``GitError`` of kind `notFound` (no such repository), `authentication`, `unknownHostKey`,
    ///   `hostKeyMismatch`, `network`, `timeout`, `cancelled`, `invalid`.
    @discardableResult
    public func fetch(from url: String, refspecs: [String], options: TransferOptions = TransferOptions()) throws(GitError) -> FetchResult {
        let remote = try RemoteURL(url)
        if remote.isLocal { try Self.requireLocalRepository(url) }
        let context = TransferContext(options: options, remote: remote)
        return try TransferWorker.run(repositoryPath: path, context: context) { (repository, context) throws(GitError) in
            var handle: OpaquePointer?
            let created = git_remote_create_anonymous(&handle, repository, remote.sanitized)
            if created < 0 { throw TransferWorker.failure(code: created, function: "git_remote_create_anonymous", context: context) }
            defer { git_remote_free(handle) }
            var fetchOptions = git_fetch_options()
            try check("git_fetch_options_init") { git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION)) }
            fetchOptions.callbacks = try TransferCallbacks.make(for: context)
            fetchOptions.update_fetchhead = 0
            fetchOptions.download_tags = options.downloadTags ? GIT_REMOTE_DOWNLOAD_TAGS_AUTO : GIT_REMOTE_DOWNLOAD_TAGS_NONE
            fetchOptions.proxy_opts.type = GIT_PROXY_AUTO
            let code = TransferWorker.withStrarray(refspecs) { array in
                git_remote_fetch(handle, array, &fetchOptions, "fetch \(remote.sanitized)")
            }
            if code < 0 { throw TransferWorker.failure(code: code, function: "git_remote_fetch", context: context) }
            if let stats = git_remote_stats(handle)?.pointee {
                context.record(received: Int(stats.received_objects), bytes: stats.received_bytes)
            }
            return FetchResult(updates: context.updates, receivedObjects: context.receivedObjects,
                               receivedBytes: context.receivedBytes)
        }
    }

    /// A clear `notFound` for a local path that is not a repository (libgit2 says "unsupported URL protocol").
    static func requireLocalRepository(_ url: String) throws(GitError) {
        var path = url
        if path.hasPrefix("file://") {
            path = String(path.dropFirst("file://".count))
            path = path.removingPercentEncoding ?? path
        }
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        git_repository_free(handle)
        if code < 0 {
            throw GitError(.notFound, "there is no git repository at \(path)", code: code, function: "git_repository_open_ext",
                           hint: "check the path of the registry")
                .french("il n'y a pas de dépôt git à \(path)")
        }
    }
}
