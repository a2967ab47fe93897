import Foundation
internal import CLibGit2

/// Runs one blocking libgit2 transfer on its own thread, so that the caller can stop waiting at the
/// deadline even when the server never answers (libgit2 1.5 has no connect or read timeouts and calls
/// no callback while blocked on a silent socket).
///
/// The worker opens its own `git_repository` handle on the same path: when the caller gives up, the
/// worker keeps only that handle, its context is cancelled (every later callback fails), and the
/// caller's `Repository` is untouched.
enum TransferWorker {
    private final class Outcome<T>: @unchecked Sendable {
        let lock = NSLock()
        var value: Result<T, GitError>?
    }

    static func run<T>(
        repositoryPath: String,
        context: TransferContext,
        _ body: @escaping @Sendable (OpaquePointer, TransferContext) throws(GitError) -> T
    ) throws(GitError) -> T {
        ensureLibGit2()
        // Only HTTPS reads them (parsing a CA bundle and directory costs milliseconds: not for git:// or ssh).
        if context.remote.scheme == .https,
           context.options.certificateAuthorityFile != nil || context.options.certificateAuthorityDirectory != nil {
            try GitSettings.setCertificateAuthorities(file: context.options.certificateAuthorityFile,
                                                      directory: context.options.certificateAuthorityDirectory)
        }
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result: Result<T, GitError>
            var handle: OpaquePointer?
            if git_repository_open_ext(&handle, repositoryPath, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil) < 0 {
                result = .failure(lastError(code: -1, function: "git_repository_open_ext"))
            } else if let handle {
                do throws(GitError) {
                    result = .success(try body(handle, context))
                } catch {
                    result = .failure(error)
                }
                git_repository_free(handle)
            } else {
                result = .failure(GitError(.other, "libgit2 returned no repository", function: "git_repository_open_ext"))
            }
            withExtendedLifetime(context) {
                outcome.lock.withLock { outcome.value = result }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.name = "codesocial-git-transfer"
        thread.start()
        // Wait in short slices: the deadline (plus one second of grace, the callbacks normally report the
        // timeout themselves) and the cancellation of the calling Swift task are both honoured.
        let giveUp = context.deadline.map { $0.addingTimeInterval(1) }
        while done.wait(timeout: .now() + 0.05) == .timedOut {
            if Task.isCancelled {
                let error = GitError(.cancelled, "the transfer with \(context.remote.sanitized) was cancelled", function: "transfer")
                    .french("le transfert avec \(context.remote.sanitized) a été annulé")
                context.cancel(with: error)
                throw error
            }
            if let giveUp, Date() > giveUp {
                let error = context.timeoutError()
                context.cancel(with: error)
                throw error
            }
        }
        guard let result = outcome.lock.withLock({ outcome.value }) else {
            throw GitError(.other, "the transfer thread ended without a result", function: "transfer")
        }
        return try result.get()
    }

    /// Calls `body` with a `git_strarray` of `strings`, valid for the call.
    static func withStrarray<R>(_ strings: [String], _ body: (UnsafeMutablePointer<git_strarray>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return body(&array)
        }
    }

    /// The error to report for a failed libgit2 call: the one a callback recorded when there is one.
    static func failure(code: Int32, function: String, context: TransferContext) -> GitError {
        let libgit2 = lastError(code: code, function: function)
        if let recorded = context.failure { return recorded }
        var error = libgit2
        if error.kind == .notFound || (error.kind == .other && error.errorClass == "net") {
            // e.g. git daemon's "access denied or repository not exported"
            error.hint = error.hint ?? "check the URL: \(context.remote.sanitized)"
        }
        if error.kind == .network {
            error.hint = error.hint ?? "check that the server is up and reachable"
        }
        if error.kind == .certificate {
            error.hint = error.hint ?? "the server's TLS certificate is not trusted: check the URL; for a private certificate authority, point GIT_SSL_CAINFO (or SSL_CERT_FILE) at its PEM file"
        }
        if error.kind == .authentication {
            error.hint = error.hint ?? "check the credentials"
        }
        let messages = context.serverMessages
        if !messages.isEmpty, !error.message.contains(messages) {
            error.message += " (server: \(messages))"
        }
        return error
    }
}
