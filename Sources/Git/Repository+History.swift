internal import CLibGit2

extension Repository {
    /// The best common ancestor of two commits, or nil when their histories are unrelated.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID? {
        var out = git_oid()
        var one = a.oid
        var two = b.oid
        do {
            try check("git_merge_base") { git_merge_base(&out, pointer, &one, &two) }
        } catch where error.kind == .notFound && error.errorClass == "merge" {
            return nil
        }
        return ObjectID(out)
    }

    /// True when `ancestor` is `descendant` or one of its ancestors (as `git merge-base --is-ancestor`).
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
        if ancestor == descendant { return true }
        var commit = descendant.oid
        var candidate = ancestor.oid
        return try check("git_graph_descendant_of") { git_graph_descendant_of(pointer, &commit, &candidate) } == 1
    }

    /// The differences between two trees (or commits' trees); nil stands for the empty tree.
    ///
    /// Only files are reported (directories are recursed into), sorted by path.
    /// - Parameter detectRenames: pair deletions with additions of similar content as ``TreeDifference/Status/renamed``.
    public func diffTrees(old: ObjectID?, new: ObjectID?, detectRenames: Bool = false) throws(GitError) -> [TreeDifference] {
        var oldTree: OpaquePointer?
        var newTree: OpaquePointer?
        defer {
            git_tree_free(oldTree)
            git_tree_free(newTree)
        }
        if let old {
            var oid = try treeID(of: old).oid
            try check("git_tree_lookup") { git_tree_lookup(&oldTree, pointer, &oid) }
        }
        if let new {
            var oid = try treeID(of: new).oid
            try check("git_tree_lookup") { git_tree_lookup(&newTree, pointer, &oid) }
        }
        var options = git_diff_options()
        try check("git_diff_options_init") { git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)) }
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        var diff: OpaquePointer?
        try check("git_diff_tree_to_tree") { git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options) }
        defer { git_diff_free(diff) }
        if detectRenames {
            var find = git_diff_find_options()
            try check("git_diff_find_options_init") { git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)) }
            find.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try check("git_diff_find_similar") { git_diff_find_similar(diff, &find) }
        }
        var result: [TreeDifference] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let status: TreeDifference.Status
            switch delta.status {
            case GIT_DELTA_ADDED: status = .added
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_RENAMED: status = .renamed
            case GIT_DELTA_TYPECHANGE: status = .typeChanged
            default: status = .modified
            }
            let hasOld = status != .added
            let hasNew = status != .deleted
            result.append(TreeDifference(
                status: status,
                oldPath: hasOld ? delta.old_file.path.map { String(cString: $0) } : nil,
                newPath: hasNew ? delta.new_file.path.map { String(cString: $0) } : nil,
                oldID: hasOld ? ObjectID(delta.old_file.id) : nil,
                newID: hasNew ? ObjectID(delta.new_file.id) : nil,
                oldMode: hasOld ? FileMode(rawValue: UInt32(delta.old_file.mode)) : nil,
                newMode: hasNew ? FileMode(rawValue: UInt32(delta.new_file.mode)) : nil,
                similarity: status == .renamed ? Int(delta.similarity) : nil
            ))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// The commits reachable from `tip`, newest first, optionally only those that changed `path`.
    ///
    /// A commit changed `path` (a file or a directory) when the entry there differs from the one in
    /// every parent (absent counts as a value): a merge that took one side's version unchanged is not
    /// listed, the side's own commit is. Like `git log --full-history -- path` without the merges' noise.
    /// - Parameters:
    ///   - tip: where to start (a commit id).
    ///   - path: the path to follow, or nil for every commit.
    ///   - limit: the most commits to return.
    public func log(from tip: ObjectID, path: String? = nil, limit: Int = .max) throws(GitError) -> [Commit] {
        var walk: OpaquePointer?
        try check("git_revwalk_new") { git_revwalk_new(&walk, pointer) }
        defer { git_revwalk_free(walk) }
        try check("git_revwalk_sorting") { git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue) }
        var start = tip.oid
        try check("git_revwalk_push") { git_revwalk_push(walk, &start) }
        var result: [Commit] = []
        let finder = path.map { PathEntryFinder(path: $0) }
        var oid = git_oid()
        while result.count < limit {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            if code < 0 { throw lastError(code: code, function: "git_revwalk_next") }
            let commit = try self.commit(ObjectID(oid))
            guard let finder else {
                result.append(commit)
                continue
            }
            let mine = try finder.entry(in: commit.tree, self)
            var changed = true
            if commit.parents.isEmpty {
                changed = mine != nil
            } else {
                for parent in commit.parents {
                    if try finder.entry(in: commitTreeID(parent), self) == mine {
                        changed = false
                        break
                    }
                }
            }
            if changed { result.append(commit) }
        }
        return result
    }
}

extension Repository {
    /// The tree id of a commit, without reading the rest.
    func commitTreeID(_ id: ObjectID) throws(GitError) -> ObjectID {
        var commit: OpaquePointer?
        var oid = id.oid
        try check("git_commit_lookup") { git_commit_lookup(&commit, pointer, &oid) }
        defer { git_commit_free(commit) }
        return ObjectID(git_commit_tree_id(commit))
    }
}

/// Finds the entry at one path in many root trees, remembering each (level, tree) it resolved:
/// unchanged subtrees along the path are read once for a whole history walk.
final class PathEntryFinder {
    private let components: [String]
    private var memo: [[ObjectID: ObjectID?]]

    init(path: String) {
        components = path.split(separator: "/").map(String.init)
        memo = Array(repeating: [:], count: components.count)
    }

    /// The id of the entry at the path in `root`, or nil when absent.
    func entry(in root: ObjectID, _ repository: Repository) throws(GitError) -> ObjectID? {
        guard !components.isEmpty else { return root }
        var visited: [ObjectID] = []
        var current = root
        var found: ObjectID?
        for level in 0..<components.count {
            if let hit = memo[level][current] {
                found = hit
                break
            }
            visited.append(current)
            var tree: OpaquePointer?
            var oid = current.oid
            try check("git_tree_lookup") { git_tree_lookup(&tree, repository.pointer, &oid) }
            defer { git_tree_free(tree) }
            guard let entry = git_tree_entry_byname(tree, components[level]) else {
                found = nil
                break
            }
            let id = ObjectID(git_tree_entry_id(entry))
            if level == components.count - 1 {
                found = id
                break
            }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
                found = nil
                break
            }
            current = id
        }
        for (level, tree) in visited.enumerated() { memo[level][tree] = .some(found) }
        return found
    }
}
