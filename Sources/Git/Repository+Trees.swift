import Foundation
internal import CLibGit2

extension Repository {
    /// The entry at `path` (slash-separated, relative to the root) in a tree, or nil when nothing is there.
    ///
    /// - Parameter tree: a tree id, or a commit id (its tree is used).
    /// - Throws: ``GitError/Kind/notFound`` when `tree` is neither a tree nor a commit.
    public func treeEntry(at path: String, in tree: ObjectID) throws(GitError) -> TreeEntry? {
        let treeID = try treeID(of: tree)
        var treeObject: OpaquePointer?
        var oid = treeID.oid
        try check("git_tree_lookup") { git_tree_lookup(&treeObject, pointer, &oid) }
        defer { git_tree_free(treeObject) }
        var entry: OpaquePointer?
        do {
            try check("git_tree_entry_bypath") { git_tree_entry_bypath(&entry, treeObject, path) }
        } catch where error.kind == .notFound {
            return nil
        }
        defer { git_tree_entry_free(entry) }
        return try entryValue(entry, path: path, withSize: true)
    }

    /// Lists every entry under a tree, depth first in git's order, with full paths.
    ///
    /// Directories are listed (mode ``FileMode/tree``) before their content. Uses an explicit stack:
    /// no recursion, whatever the depth.
    /// - Parameters:
    ///   - tree: a tree id, or a commit id (its tree is used).
    ///   - includeSizes: read each blob's size from the object header (a little slower).
    public func walkTree(_ tree: ObjectID, includeSizes: Bool = true) throws(GitError) -> [TreeEntry] {
        let root = try treeID(of: tree)
        var result: [TreeEntry] = []
        var pending = try readTree(root, prefix: "", withSizes: includeSizes).reversed() as [TreeEntry]
        while let entry = pending.popLast() {
            result.append(entry)
            if entry.mode == .tree {
                pending.append(contentsOf: try readTree(entry.id, prefix: entry.path + "/", withSizes: includeSizes).reversed())
            }
        }
        return result
    }

    /// Writes a new tree: `base` (or the empty tree) with `changes` applied, and returns its id.
    ///
    /// Nothing else is written and no reference moves. Intermediate directories are created and
    /// directories left empty by a removal disappear.
    /// - Parameters:
    ///   - base: a tree or commit id, or nil to start from the empty tree.
    ///   - changes: the upserts and removals; paths are slash-separated and relative to the root.
    /// - Throws: ``GitError/Kind/invalid`` for a path with an empty, `.`, `..` or `.git` component, or a
    ///   non-blob mode; ``GitError/Kind/notFound`` when removing a path that does not exist.
    public func updatedTree(base: ObjectID?, changes: [TreeChange]) throws(GitError) -> ObjectID {
        for change in changes {
            try Self.validateTreePath(change.path)
            if case .upsert(_, _, let mode) = change, !mode.isBlob {
                throw GitError(.invalid, "cannot write \(change.path) with mode \(String(mode.rawValue, radix: 8)): only files, executables and symbolic links",
                               function: "git_tree_create_updated")
            }
        }
        let baseTree: ObjectID
        if let base { baseTree = try treeID(of: base) } else { baseTree = try emptyTree() }
        var treeObject: OpaquePointer?
        var baseOID = baseTree.oid
        try check("git_tree_lookup") { git_tree_lookup(&treeObject, pointer, &baseOID) }
        defer { git_tree_free(treeObject) }
        if changes.isEmpty { return baseTree }

        var paths: [UnsafeMutablePointer<CChar>] = []
        defer { paths.forEach { free($0) } }
        var updates: [git_tree_update] = []
        for change in changes {
            guard let path = strdup(change.path) else {
                throw GitError(.other, "out of memory", function: "strdup")
            }
            paths.append(path)
            var update = git_tree_update()
            update.path = UnsafePointer(path)
            switch change {
            case .upsert(_, let blob, let mode):
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = blob.oid
                update.filemode = mode.gitMode
            case .remove:
                update.action = GIT_TREE_UPDATE_REMOVE
            }
            updates.append(update)
        }
        var out = git_oid()
        do {
            try check("git_tree_create_updated") {
                git_tree_create_updated(&out, pointer, treeObject, updates.count, updates)
            }
        } catch where error.kind == .notFound {
            throw GitError(.notFound, "cannot update the tree: \(error.message)", code: error.code,
                           errorClass: error.errorClass, function: error.function)
        }
        return ObjectID(out)
    }

    /// Writes (if needed) and returns the empty tree.
    public func emptyTree() throws(GitError) -> ObjectID {
        var builder: OpaquePointer?
        try check("git_treebuilder_new") { git_treebuilder_new(&builder, pointer, nil) }
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check("git_treebuilder_write") { git_treebuilder_write(&oid, builder) }
        return ObjectID(oid)
    }

    /// Rejects paths git would refuse or that could escape the tree.
    static func validateTreePath(_ path: String) throws(GitError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        for component in components {
            if component.isEmpty || component == "." || component == ".." || component.lowercased() == ".git"
                || component.contains("\0") {
                throw GitError(.invalid, "invalid path \"\(path)\": components must be non-empty and not '.', '..' or '.git'",
                               function: "git_tree_create_updated")
            }
        }
    }

    /// The direct entries of one tree, paths prefixed with `prefix`.
    private func readTree(_ id: ObjectID, prefix: String, withSizes: Bool) throws(GitError) -> [TreeEntry] {
        var treeObject: OpaquePointer?
        var oid = id.oid
        try check("git_tree_lookup") { git_tree_lookup(&treeObject, pointer, &oid) }
        defer { git_tree_free(treeObject) }
        var entries: [TreeEntry] = []
        for index in 0..<git_tree_entrycount(treeObject) {
            guard let entry = git_tree_entry_byindex(treeObject, index) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            entries.append(try entryValue(entry, path: prefix + name, withSize: withSizes))
        }
        return entries
    }

    /// Reads a `git_tree_entry` into a value.
    private func entryValue(_ entry: OpaquePointer?, path: String, withSize: Bool) throws(GitError) -> TreeEntry {
        let id = ObjectID(git_tree_entry_id(entry))
        let mode = FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue)
        var size: Int?
        if withSize, mode.isBlob {
            size = try objectSize(id)
        }
        return TreeEntry(path: path, id: id, mode: mode, size: size)
    }

    /// The size of an object from its header, without reading its content.
    func objectSize(_ id: ObjectID) throws(GitError) -> Int {
        var odb: OpaquePointer?
        try check("git_repository_odb") { git_repository_odb(&odb, pointer) }
        defer { git_odb_free(odb) }
        var length = 0
        var type = GIT_OBJECT_ANY
        var oid = id.oid
        try check("git_odb_read_header") { git_odb_read_header(&length, &type, odb, &oid) }
        return length
    }
}
