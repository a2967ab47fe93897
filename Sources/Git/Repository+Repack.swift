import Foundation
internal import CLibGit2

extension Repository {
    /// Keeps the object database small: when there are more than `maximumPacks` packs, writes every
    /// object reachable from the references into one new pack, then deletes the old packs (except
    /// `.keep` ones) and the loose objects the new pack holds.
    ///
    /// Unreachable objects in old packs are dropped: run it only while holding the caller's exclusive
    /// lock on the repository (no other writer may be between writing objects and moving a reference).
    /// - Parameter maximumPacks: the pack count tolerated before repacking.
    /// - Returns: true when a repack happened.
    @discardableResult
    public func repackIfNeeded(maximumPacks: Int = 8) throws(GitError) -> Bool {
        guard packCount > maximumPacks else { return false }
        try repack()
        return true
    }

    /// Writes every object reachable from the references into one pack, then deletes the old packs
    /// (except `.keep` ones) and the loose objects now packed. See ``repackIfNeeded(maximumPacks:)``.
    public func repack() throws(GitError) {
        let fileManager = FileManager.default
        let objects = URL(fileURLWithPath: path).appendingPathComponent("objects")
        let packDirectory = objects.appendingPathComponent("pack")
        let oldPacks = ((try? fileManager.contentsOfDirectory(atPath: packDirectory.path)) ?? [])
            .filter { $0.hasPrefix("pack-") && $0.hasSuffix(".pack") }
            .map { String($0.dropLast(".pack".count)) }
        let looseObjects = Self.looseObjectFiles(in: objects)

        var builder: OpaquePointer?
        try check("git_packbuilder_new") { git_packbuilder_new(&builder, pointer) }
        defer { git_packbuilder_free(builder) }
        var walk: OpaquePointer?
        try check("git_revwalk_new") { git_revwalk_new(&walk, pointer) }
        defer { git_revwalk_free(walk) }
        let tips = try references(withPrefix: "refs/")
        if tips.isEmpty { return }
        for tip in tips {
            var oid = tip.target.oid
            var object: OpaquePointer?
            guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { continue }
            let type = git_object_type(object)
            git_object_free(object)
            if type == GIT_OBJECT_COMMIT {
                try check("git_revwalk_push") { git_revwalk_push(walk, &oid) }
            } else {
                // A tag (with what it points to), a tree or a blob.
                try check("git_packbuilder_insert_recur") { git_packbuilder_insert_recur(builder, &oid, nil) }
                if type == GIT_OBJECT_TAG, let commit = try? peeledCommit(tip.target) {
                    var commitOID = commit.oid
                    try check("git_revwalk_push") { git_revwalk_push(walk, &commitOID) }
                }
            }
        }
        try check("git_packbuilder_insert_walk") { git_packbuilder_insert_walk(builder, walk) }
        try check("git_packbuilder_write") { git_packbuilder_write(builder, packDirectory.path, 0, nil, nil) }
        guard let name = git_packbuilder_name(builder) else { return }
        let newPack = "pack-" + String(cString: name)

        for pack in oldPacks where pack != newPack {
            let keep = packDirectory.appendingPathComponent(pack + ".keep")
            if fileManager.fileExists(atPath: keep.path) { continue }
            // The index last: a pack without its index is invisible, an index without its pack is an error.
            for suffix in [".pack", ".rev", ".bitmap", ".idx"] {
                try? fileManager.removeItem(at: packDirectory.appendingPathComponent(pack + suffix))
            }
        }
        try refreshObjectDatabase()
        try removeLooseObjects(looseObjects, packedIn: objects)
    }

    /// Makes libgit2 notice packs added or removed behind its back.
    private func refreshObjectDatabase() throws(GitError) {
        var odb: OpaquePointer?
        try check("git_repository_odb") { git_repository_odb(&odb, pointer) }
        defer { git_odb_free(odb) }
        try check("git_odb_refresh") { git_odb_refresh(odb) }
    }

    /// Deletes the loose objects that a packs-only view of the database holds.
    private func removeLooseObjects(_ loose: [(ObjectID, URL)], packedIn objects: URL) throws(GitError) {
        guard !loose.isEmpty else { return }
        var packsOnly: OpaquePointer?
        try check("git_odb_new") { git_odb_new(&packsOnly) }
        defer { git_odb_free(packsOnly) }
        var backend: OpaquePointer?
        try check("git_odb_backend_pack") { git_odb_backend_pack(&backend, objects.path) }
        try check("git_odb_add_backend") { git_odb_add_backend(packsOnly, backend, 1) }
        for (id, url) in loose {
            var oid = id.oid
            if git_odb_exists(packsOnly, &oid) == 1 {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// The loose object files under `objects/xx/`.
    private static func looseObjectFiles(in objects: URL) -> [(ObjectID, URL)] {
        let fileManager = FileManager.default
        var result: [(ObjectID, URL)] = []
        for directory in (try? fileManager.contentsOfDirectory(atPath: objects.path)) ?? []
        where directory.count == 2 && directory.allSatisfy(\.isHexDigit) {
            let url = objects.appendingPathComponent(directory)
            for name in (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? [] {
                if let id = ObjectID(hex: directory + name) {
                    result.append((id, url.appendingPathComponent(name)))
                }
            }
        }
        return result
    }
}
