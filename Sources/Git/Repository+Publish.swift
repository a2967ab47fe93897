import Foundation
internal import CLibGit2

// What publishing and `registry init` need beyond the core API: hashing without writing
// (for `--dry-run`, which must not touch the registry) and filling a fresh work tree.
extension Repository {
    /// The id `data` would have as a blob, computed without writing anything.
    public static func hashBlob(_ data: Data) throws(GitError) -> ObjectID {
        ensureLibGit2()
        var oid = git_oid()
        try check("git_odb_hash") {
            data.withUnsafeBytes { raw in git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB) }
        }
        return ObjectID(oid)
    }

    /// Makes the work tree and the index match `HEAD` (a forced checkout), for a non-bare repository
    /// whose first commit was written in memory.
    /// - Throws: ``GitError`` when the repository is bare or the checkout fails.
    public func checkoutHead() throws(GitError) {
        guard !isBare else { throw GitError(.invalid, "a bare repository has no work tree to check out", function: "git_checkout_head") }
        var options = git_checkout_options()
        try check("git_checkout_options_init") { git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)) }
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        try check("git_checkout_head") { git_checkout_head(pointer, &options) }
    }

    /// The branch `HEAD` points to (`refs/heads/main`), or nil when `HEAD` is detached or unreadable.
    public var headBranch: String? {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, pointer, "HEAD") == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(reference) else { return nil }
        return String(cString: target)
    }
}
