import Foundation
internal import CLibGit2

extension Repository {
    /// Writes `data` as a blob and returns its id (a no-op when it already exists).
    public func writeBlob(_ data: Data) throws(GitError) -> ObjectID {
        var oid = git_oid()
        try check("git_blob_create_from_buffer") {
            data.withUnsafeBytes { raw in git_blob_create_from_buffer(&oid, pointer, raw.baseAddress, raw.count) }
        }
        return ObjectID(oid)
    }

    /// Reads a blob's content.
    ///
    /// - Parameter limit: the largest size accepted, in bytes; a larger blob throws ``GitError/Kind/invalid``
    ///   before being copied.
    /// - Throws: ``GitError/Kind/notFound`` when no blob has this id.
    public func readBlob(_ id: ObjectID, limit: Int = .max) throws(GitError) -> Data {
        var blob: OpaquePointer?
        var oid = id.oid
        try check("git_blob_lookup") { git_blob_lookup(&blob, pointer, &oid) }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        if size > limit {
            throw GitError(.invalid, "blob \(id.abbreviated()) is \(size) bytes, more than the limit of \(limit) bytes",
                           function: "git_blob_rawsize")
        }
        guard size > 0, let content = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: content, count: size)
    }

    /// Reads a commit.
    ///
    /// - Throws: ``GitError/Kind/notFound`` when no commit has this id.
    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        var commit: OpaquePointer?
        var oid = id.oid
        try check("git_commit_lookup") { git_commit_lookup(&commit, pointer, &oid) }
        defer { git_commit_free(commit) }
        return Self.commitValue(commit)
    }

    /// Reads an already looked-up commit into a value.
    static func commitValue(_ commit: OpaquePointer?) -> Commit {
        let count = git_commit_parentcount(commit)
        var parents: [ObjectID] = []
        for index in 0..<count {
            if let parent = git_commit_parent_id(commit, index) { parents.append(ObjectID(parent)) }
        }
        let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        return Commit(
            id: ObjectID(git_commit_id(commit)),
            tree: ObjectID(git_commit_tree_id(commit)),
            parents: parents,
            author: Signature(git_commit_author(commit)),
            committer: Signature(git_commit_committer(commit)),
            message: message
        )
    }

    /// True when the object database holds an object with this id.
    public func contains(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.oid
        return git_odb_exists(odb, &oid) == 1
    }

    /// The tree of a commit, or the tree itself when `id` names a tree.
    ///
    /// - Throws: ``GitError/Kind/notFound`` when `id` is neither.
    public func treeID(of id: ObjectID) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        var oid = id.oid
        try check("git_object_lookup") { git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) }
        defer { git_object_free(object) }
        var tree: OpaquePointer?
        try check("git_object_peel") { git_object_peel(&tree, object, GIT_OBJECT_TREE) }
        defer { git_object_free(tree) }
        return ObjectID(git_object_id(tree))
    }
}
