import Foundation
internal import CLibGit2

extension Repository {
    /// Writes a commit object and returns its id, without moving any reference.
    ///
    /// - Parameters:
    ///   - tree: the root tree.
    ///   - parents: the parent commits, first parent first (empty for a root commit).
    ///   - author: who wrote the change.
    ///   - committer: who commits it (often the author).
    ///   - message: the message; a trailing newline is added when missing, as git does.
    ///   - signer: when given, signs the commit buffer; the signature goes in the `gpgsig` header.
    /// - Throws: ``GitError/Kind/notFound`` when the tree or a parent is missing; ``GitError/Kind/other``
    ///   wrapping the signer's error when signing fails.
    public func createCommit(
        tree: ObjectID,
        parents: [ObjectID],
        author: Signature,
        committer: Signature,
        message: String,
        signer: (any CommitSigner)? = nil
    ) throws(GitError) -> ObjectID {
        let message = message.hasSuffix("\n") ? message : message + "\n"
        var treeObject: OpaquePointer?
        var treeOID = tree.oid
        try check("git_tree_lookup") { git_tree_lookup(&treeObject, pointer, &treeOID) }
        defer { git_tree_free(treeObject) }
        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var commit: OpaquePointer?
            var oid = parent.oid
            try check("git_commit_lookup") { git_commit_lookup(&commit, pointer, &oid) }
            parentObjects.append(commit)
        }
        return try author.withGitSignature { (authorSignature) throws(GitError) in
            try committer.withGitSignature { (committerSignature) throws(GitError) in
                var out = git_oid()
                guard let signer else {
                    try check("git_commit_create") {
                        git_commit_create(&out, pointer, nil, authorSignature, committerSignature, nil, message,
                                          treeObject, parentObjects.count, &parentObjects)
                    }
                    return ObjectID(out)
                }
                var buffer = git_buf()
                defer { git_buf_dispose(&buffer) }
                try check("git_commit_create_buffer") {
                    git_commit_create_buffer(&buffer, pointer, authorSignature, committerSignature, nil, message,
                                             treeObject, parentObjects.count, &parentObjects)
                }
                let content = Data(bytes: buffer.ptr, count: buffer.size)
                let signature: String
                do {
                    signature = try signer.sign(content)
                } catch {
                    throw GitError(.other, "signing the commit failed: \(error)", function: "CommitSigner.sign",
                                   hint: "check the signing key and its agent")
                }
                let trimmed = signature.trimmingTrailingNewlines()
                guard !trimmed.isEmpty else {
                    throw GitError(.invalid, "the commit signer returned an empty signature", function: "CommitSigner.sign")
                }
                try check("git_commit_create_with_signature") {
                    git_commit_create_with_signature(&out, pointer, buffer.ptr, trimmed, "gpgsig")
                }
                return ObjectID(out)
            }
        }
    }
}
