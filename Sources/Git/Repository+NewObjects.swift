import Foundation
internal import CLibGit2

extension Repository {
    /// The objects `commit` adds to its parents: the commit itself, then every tree and blob reachable
    /// from its tree that is not at the same path with the same id in its first parent's tree.
    ///
    /// Walks only the subtrees that differ, so the cost grows with the size of the change, not with the
    /// size of the repository: this is what a push must send when the remote has the parents (every
    /// object of an unchanged subtree is already there). A root commit adds its whole tree. Submodule
    /// entries (commits of other repositories) are never included.
    /// - Throws: ``GitError/Kind/notFound`` when `commit` or one of the trees is missing.
    public func objectsIntroduced(by commit: ObjectID) throws(GitError) -> [ObjectID] {
        let value = try self.commit(commit)
        let base = try value.parents.first.map { (parent) throws(GitError) -> ObjectID in try treeID(of: parent) }
        var objects = [commit]
        try collectNewObjects(tree: value.tree, base: base, into: &objects)
        return objects
    }

    /// Adds `tree` (unless equal to `base`) and, recursively, what differs from `base` at the same paths.
    /// Entries are matched by name with libgit2's binary search, without building Swift strings.
    private func collectNewObjects(tree: ObjectID, base: ObjectID?, into objects: inout [ObjectID]) throws(GitError) {
        if tree == base { return }
        objects.append(tree)
        let treeObject = try lookupTree(tree)
        defer { git_tree_free(treeObject) }
        let baseObject = try base.map { (id) throws(GitError) -> OpaquePointer? in try lookupTree(id) } ?? nil
        defer { git_tree_free(baseObject) }
        for index in 0..<git_tree_entrycount(treeObject) {
            guard let entry = git_tree_entry_byindex(treeObject, index) else { continue }
            let id = ObjectID(git_tree_entry_id(entry))
            let mode = git_tree_entry_filemode_raw(entry).rawValue & 0o170000
            let previous = baseObject.flatMap { git_tree_entry_byname($0, git_tree_entry_name(entry)) }
            let previousID = previous.map { ObjectID(git_tree_entry_id($0)) }
            if previousID == id { continue }
            switch mode {
            case 0o040000:
                let previousIsTree = previous.map { git_tree_entry_filemode_raw($0).rawValue & 0o170000 == 0o040000 } ?? false
                try collectNewObjects(tree: id, base: previousIsTree ? previousID : nil, into: &objects)
            case 0o160000:
                continue
            default:
                objects.append(id)
            }
        }
    }

    private func lookupTree(_ id: ObjectID) throws(GitError) -> OpaquePointer? {
        var treeObject: OpaquePointer?
        var oid = id.oid
        try check("git_tree_lookup") { git_tree_lookup(&treeObject, pointer, &oid) }
        return treeObject
    }
}
