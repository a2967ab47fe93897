import Foundation
internal import CLibGit2

extension Repository {
    /// How much of the history ``verify(references:scope:)`` checks.
    public enum VerificationScope: Sendable {
        /// The tip commits and every tree and blob they reach (fast: what a publish needs).
        case tips
        /// Every commit reachable from the references, and all their trees and blobs.
        case fullHistory
    }

    /// Checks that every object reachable from the references exists (an interrupted fetch or a deleted
    /// pack leaves holes).
    ///
    /// - Parameters:
    ///   - references: the references to start from; nil for every reference under `refs/`.
    ///   - scope: only the tips' trees, or the whole history.
    /// - Throws: ``GitError/Kind/corrupt`` naming the first missing or unreadable object.
    public func verify(references: [String]? = nil, scope: VerificationScope = .tips) throws(GitError) {
        var odb: OpaquePointer?
        try check("git_repository_odb") { git_repository_odb(&odb, pointer) }
        defer { git_odb_free(odb) }
        var tips: [ObjectID] = []
        if let references {
            for name in references {
                if let id = try reference(named: name) { tips.append(id) }
            }
        } else {
            tips = try self.references(withPrefix: "refs/").map(\.target)
        }
        var commits: [ObjectID] = []
        var trees: [ObjectID] = []
        do throws(GitError) {
            for tip in tips {
                guard contains(tip) else {
                    throw GitError(.corrupt, "object \(tip.abbreviated()) named by a reference is missing", function: "git_odb_exists")
                }
                // Tags are peeled; a reference to a tree or blob is checked as such.
                guard let commit = try? peeledCommit(tip) else {
                    if let tree = try? treeID(of: tip) { trees.append(tree) }
                    continue
                }
                if scope == .tips {
                    commits.append(commit)
                } else {
                    commits.append(contentsOf: try log(from: commit).map(\.id))
                }
            }
        } catch where error.kind == .corrupt {
            throw error.with(kind: .corrupt, hint: "delete the repository and fetch it again")
        } catch {
            throw GitError(.corrupt, "the history is incomplete: \(error.message)", code: error.code,
                           errorClass: error.errorClass, function: error.function,
                           hint: "delete the repository and fetch it again")
        }
        var seen = Set<ObjectID>()
        var roots = trees
        for commitID in commits where seen.insert(commitID).inserted {
            do {
                roots.append(try commitTreeID(commitID))
            } catch {
                throw corrupt(commitID, "commit", error)
            }
        }
        for root in roots {
            var stack = [root]
            while let treeID = stack.popLast() {
                guard seen.insert(treeID).inserted else { continue }
                var tree: OpaquePointer?
                var oid = treeID.oid
                do {
                    try check("git_tree_lookup") { git_tree_lookup(&tree, pointer, &oid) }
                } catch {
                    throw corrupt(treeID, "tree", error)
                }
                defer { git_tree_free(tree) }
                for index in 0..<git_tree_entrycount(tree) {
                    guard let entry = git_tree_entry_byindex(tree, index) else { continue }
                    let id = ObjectID(git_tree_entry_id(entry))
                    let mode = FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue)
                    if mode == .tree {
                        stack.append(id)
                    } else if mode.isBlob, seen.insert(id).inserted {
                        var blob = id.oid
                        if git_odb_exists(odb, &blob) != 1 {
                            throw GitError(.corrupt, "blob \(id.abbreviated()) (\(String(cString: git_tree_entry_name(entry)))) is missing",
                                           function: "git_odb_exists", hint: "delete the repository and fetch it again")
                        }
                    }
                }
            }
        }
    }

    /// True when ``verify(references:scope:)`` finds a missing or unreadable object at the tips.
    public var isCorrupt: Bool {
        do {
            try verify()
            return false
        } catch {
            return true
        }
    }

    /// Removes what interrupted operations leave behind: temporary objects and packs (`tmp_*`,
    /// `pack_git2_*`, `.tmp-*`: libgit2 writes `objects/tmp_object_git2_*` and `objects/pack/pack_git2_*`,
    /// the git CLI `objects/xx/tmp_obj_*`), packs without an index, and lock files (`*.lock`) last
    /// modified before `date`.
    ///
    /// Call it while holding the caller's own lock on the repository, with `date` set to when that lock
    /// was taken (minus a margin): files of a live operation are newer and stay.
    /// - Parameters:
    ///   - date: files last modified before this are stale.
    ///   - includingFanOut: also read the up to 256 `objects/xx/` directories (where only the git CLI
    ///     leaves temporary files; about 3 ms on a busy cache). Without it: `objects/`, `objects/pack/`,
    ///     `refs/` and the lock files at the root.
    /// - Returns: the paths removed.
    @discardableResult
    public func removeStaleFiles(olderThan date: Date, includingFanOut: Bool = true) -> [String] {
        // Plain POSIX listing (DirectoryListing): this runs on every publish over up to 256 fan-out
        // directories, where FileManager and URL cost several milliseconds.
        let root = path.hasSuffix("/") ? String(path.dropLast()) : path
        let limit = date.timeIntervalSince1970
        var removed: [String] = []
        func consider(_ file: String) {
            guard let modified = DirectoryListing.modificationTime(of: file), modified < limit else { return }
            if (try? FileManager.default.removeItem(atPath: file)) != nil { removed.append(file) }
        }
        let isTemporary: (String) -> Bool = { $0.hasPrefix("tmp_") || $0.hasPrefix("pack_git2_") || $0.hasPrefix(".tmp-") }
        let objects = root + "/objects"
        for name in DirectoryListing.names(in: objects) {
            if isTemporary(name) {
                consider(objects + "/" + name)
            } else if name == "pack" || (includingFanOut && DirectoryListing.isFanOut(name)) {
                let folder = objects + "/" + name
                for entry in DirectoryListing.names(in: folder) where isTemporary(entry) {
                    consider(folder + "/" + entry)
                }
            }
        }
        // A pack whose index was never written (killed between the two renames) is invisible garbage.
        let packDirectory = objects + "/pack"
        let packNames = Set(DirectoryListing.names(in: packDirectory))
        for name in packNames where name.hasPrefix("pack-") && name.hasSuffix(".pack") {
            if !packNames.contains(String(name.dropLast(".pack".count)) + ".idx") {
                consider(packDirectory + "/" + name)
            }
        }
        func removeLocks(under folder: String, depth: Int) {
            guard depth < 64 else { return }
            for name in DirectoryListing.names(in: folder) {
                let child = folder + "/" + name
                if name.hasSuffix(".lock") { consider(child) }
                if DirectoryListing.isDirectory(child) { removeLocks(under: child, depth: depth + 1) }
            }
        }
        removeLocks(under: root + "/refs", depth: 0)
        for name in ["HEAD.lock", "packed-refs.lock", "config.lock", "index.lock", "shallow.lock", "FETCH_HEAD.lock"] {
            consider(root + "/" + name)
        }
        return removed
    }

    /// An estimate of the number of loose objects, the way `git gc --auto` makes it: the files in one
    /// fan-out directory (`objects/17/`) times 256. Object ids are uniformly distributed, so this reads
    /// one directory instead of up to 256 (about 3 ms on every publish for the exact count).
    public var estimatedLooseObjectCount: Int {
        let objects = (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/objects"
        return DirectoryListing.count(in: objects + "/17") * 256
    }

    /// The number of loose objects (files under `objects/xx/`).
    public var looseObjectCount: Int {
        let objects = (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/objects"
        var count = 0
        for directory in DirectoryListing.names(in: objects) where DirectoryListing.isFanOut(directory) {
            count += DirectoryListing.count(in: objects + "/" + directory)
        }
        return count
    }

    /// The commit `id` names, peeling annotated tags.
    func peeledCommit(_ id: ObjectID) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        var oid = id.oid
        try check("git_object_lookup") { git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check("git_object_peel") { git_object_peel(&commit, object, GIT_OBJECT_COMMIT) }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// The number of pack files in the object database.
    public var packCount: Int {
        let pack = (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/objects/pack"
        return DirectoryListing.names(in: pack).filter { $0.hasSuffix(".pack") && $0.hasPrefix("pack-") }.count
    }

    private func corrupt(_ id: ObjectID, _ kind: String, _ error: GitError) -> GitError {
        GitError(.corrupt, "\(kind) \(id.abbreviated()) is missing or unreadable: \(error.message)",
                 code: error.code, errorClass: error.errorClass, function: error.function,
                 hint: "delete the repository and fetch it again")
    }
}
