internal import CLibGit2

/// libgit2 is initialised exactly once per process, lazily, and never shut down
/// (shutting down while another thread still holds objects would be unsafe).
private let libgit2Initialisation: Int32 = git_libgit2_init()

/// Makes sure libgit2 is initialised; every entry point of the module calls it.
@inline(__always)
func ensureLibGit2() {
    _ = libgit2Initialisation
}

/// The one choke point for libgit2 return codes.
///
/// Runs `body` (one libgit2 call), and when it returns a negative code reads `git_error_last()`
/// on the same thread right away and throws a classified ``GitError``.
/// - Parameters:
///   - function: the libgit2 function called, reported in the error.
///   - body: the call; its return code is returned when non-negative.
@discardableResult
func check(_ function: String, _ body: () -> Int32) throws(GitError) -> Int32 {
    ensureLibGit2()
    let code = body()
    if code >= 0 { return code }
    throw lastError(code: code, function: function)
}

/// Builds a ``GitError`` from a return code and `git_error_last()`; call on the thread of the call.
func lastError(code: Int32, function: String) -> GitError {
    var message = "\(function) failed with code \(code)"
    var klass: Int32 = 0
    if let last = git_error_last() {
        klass = last.pointee.klass
        if let text = last.pointee.message {
            message = String(cString: text).trimmingTrailingNewlines()
        }
    }
    let errorClass = errorClassName(klass)
    return GitError(
        classify(code: code, klass: klass, message: message),
        message,
        code: code,
        errorClass: errorClass,
        function: function
    )
}

/// Maps a libgit2 code, class and message to a ``GitError/Kind``.
func classify(code: Int32, klass: Int32, message: String) -> GitError.Kind {
    switch code {
    case GIT_ENOTFOUND.rawValue: return .notFound
    case GIT_EEXISTS.rawValue: return .exists
    case GIT_ENONFASTFORWARD.rawValue: return .nonFastForward
    case GIT_EMODIFIED.rawValue: return .referenceChanged
    case GIT_EAUTH.rawValue: return .authentication
    case GIT_ECERTIFICATE.rawValue: return .certificate
    case GIT_ELOCKED.rawValue: return .locked
    case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue, GIT_EUNMERGED.rawValue: return .conflict
    case GIT_EUSER.rawValue: return .cancelled
    case GIT_EINVALIDSPEC.rawValue, GIT_EINVALID.rawValue, GIT_EAMBIGUOUS.rawValue: return .invalid
    case GIT_EMISMATCH.rawValue: return .corrupt
    case GIT_EOWNER.rawValue: return .invalid
    default: break
    }
    let lower = message.lowercased()
    if code == GIT_EEOF.rawValue {
        return isRepositoryMissing(lower) ? .notFound : .network
    }
    let transport = klass == Int32(GIT_ERROR_NET.rawValue) || klass == Int32(GIT_ERROR_SSH.rawValue)
        || klass == Int32(GIT_ERROR_HTTP.rawValue) || klass == Int32(GIT_ERROR_SSL.rawValue)
    if transport {
        if lower.contains("authentication") || lower.contains("401") || lower.contains("403")
            || lower.contains("permission denied") {
            return .authentication
        }
        if isRepositoryMissing(lower) { return .notFound }
        if lower.contains("hostkey") || lower.contains("host key") { return .certificate }
        return .network
    }
    if klass == Int32(GIT_ERROR_OS.rawValue)
        && (lower.contains("connect") || lower.contains("resolve") || lower.contains("socket")) {
        return .network
    }
    if klass == Int32(GIT_ERROR_ZLIB.rawValue) || klass == Int32(GIT_ERROR_INDEXER.rawValue) { return .corrupt }
    if lower.contains("could not find repository") { return .notFound }
    return .other
}

/// What servers say when the repository does not exist (git daemon, http-backend, git over ssh).
private func isRepositoryMissing(_ lower: String) -> Bool {
    lower.contains("404") || lower.contains("not found") || lower.contains("does not appear to be a git repository")
        || lower.contains("not exported") || lower.contains("no such repository")
}

/// The lower-case name of a libgit2 error class, or nil for none.
private func errorClassName(_ klass: Int32) -> String? {
    let names = [
        "none", "nomemory", "os", "invalid", "reference", "zlib", "repository", "config", "regex", "odb",
        "index", "object", "net", "tag", "tree", "indexer", "ssl", "submodule", "thread", "stash", "checkout",
        "fetchhead", "merge", "ssh", "filter", "revert", "callback", "cherrypick", "describe", "rebase",
        "filesystem", "patch", "worktree", "sha", "http", "internal",
    ]
    guard klass > 0, Int(klass) < names.count else { return nil }
    return names[Int(klass)]
}

/// Sets libgit2's thread-local error message, as callbacks must before returning an error code.
func setCallbackError(_ message: String) {
    _ = git_error_set_str(Int32(GIT_ERROR_CALLBACK.rawValue), message)
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
