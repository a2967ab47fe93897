import Foundation
import Git
import Testing
import TestSupport

@Suite("Maintenance: verification, stale files, repacking")
struct MaintenanceTests {
    @Test("a complete repository verifies; deleting a reachable blob makes it corrupt, naming the blob")
    func verify() throws {
        let scratch = try ScratchRepository()
        try scratch.commit(["projects/we/wemob/codesocial.yml": "id: wemob", "README": "hello"])
        try scratch.repository.verify()
        try scratch.repository.verify(scope: .fullHistory)
        #expect(!scratch.repository.isCorrupt)

        let blob = try #require(try scratch.repository.treeEntry(at: "README", in: scratch.repository.resolve("main"))).id
        let loose = scratch.directory.path("repo.git/objects/\(blob.hex.prefix(2))/\(blob.hex.dropFirst(2))")
        try FileManager.default.removeItem(atPath: loose)
        let reopened = try Repository.open(at: scratch.path)
        #expect(reopened.isCorrupt)
        let error = try #require(throws: GitError.self) { try reopened.verify() }
        #expect(error.kind == .corrupt)
        #expect(error.message.contains(blob.abbreviated()))
        #expect(error.message.contains("README"))
    }

    @Test("a missing tree is reported as corrupt")
    func missingTree() throws {
        let scratch = try ScratchRepository()
        let commit = try scratch.commit(["a/b": "x"])
        let tree = try scratch.repository.commit(commit).tree
        try FileManager.default.removeItem(atPath: scratch.directory.path("repo.git/objects/\(tree.hex.prefix(2))/\(tree.hex.dropFirst(2))"))
        let error = try #require(throws: GitError.self) { try Repository.open(at: scratch.path).verify() }
        #expect(error.kind == .corrupt)
        #expect(error.message.contains("tree \(tree.abbreviated())"))
    }

    @Test("stale temporary packs and lock files are removed, fresh ones are kept")
    func staleFiles() throws {
        let scratch = try ScratchRepository()
        try scratch.commit(["a": "1"])
        let old = Date().addingTimeInterval(-3600)
        let stale = [
            "repo.git/objects/pack/tmp_pack_abc123", "repo.git/objects/pack/pack_git2_XYZ",
            "repo.git/refs/heads/main.lock", "repo.git/packed-refs.lock",
            "repo.git/objects/pack/pack-0123456789abcdef0123456789abcdef01234567.pack",
            // libgit2's interrupted loose-object write, and the git CLI's.
            "repo.git/objects/tmp_object_git2_a1B2c3", "repo.git/objects/ab/tmp_obj_XyZ123",
        ]
        let fresh = ["repo.git/objects/pack/tmp_pack_fresh", "repo.git/refs/heads/other.lock", "repo.git/objects/tmp_object_git2_fresh"]
        for path in stale + fresh { try scratch.directory.write("junk", to: path) }
        for path in stale {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: scratch.directory.path(path))
        }
        // Without the fan-out directories, everything but objects/ab/tmp_obj_XyZ123 goes.
        let quick = scratch.repository.removeStaleFiles(olderThan: Date().addingTimeInterval(-60), includingFanOut: false)
        #expect(quick.count == stale.count - 1)
        #expect(FileManager.default.fileExists(atPath: scratch.directory.path("repo.git/objects/ab/tmp_obj_XyZ123")))
        let removed = scratch.repository.removeStaleFiles(olderThan: Date().addingTimeInterval(-60))
        #expect(removed.count == 1)
        #expect(removed.first?.hasSuffix("repo.git/objects/ab/tmp_obj_XyZ123") == true)
        for path in stale { #expect(!FileManager.default.fileExists(atPath: scratch.directory.path(path))) }
        for path in fresh { #expect(FileManager.default.fileExists(atPath: scratch.directory.path(path))) }
        #expect(try Shell.git("fsck", "--strict", in: scratch.path).status == 0)
    }

    @Test("loose objects are counted exactly, and estimated from objects/17 as git gc --auto does")
    func looseObjectCounts() throws {
        let scratch = try ScratchRepository()
        try scratch.commit(["a": "1", "b": "2"])
        let oracle = try Shell.run(["find", scratch.directory.path("repo.git/objects"), "-path", "*/objects/??/*", "-type", "f"])
        let exact = oracle.trimmed.split(separator: "\n").count
        #expect(exact > 0)
        #expect(scratch.repository.looseObjectCount == exact)
        // The estimate reads objects/17 only: three files there stand for 3 × 256.
        let fanOut = scratch.directory.path("repo.git/objects/17")
        try FileManager.default.createDirectory(atPath: fanOut, withIntermediateDirectories: true)
        let before = try FileManager.default.contentsOfDirectory(atPath: fanOut).count
        for index in 0..<3 { try scratch.directory.write("x", to: "repo.git/objects/17/\(String(repeating: "0", count: 37))\(index)") }
        #expect(scratch.repository.estimatedLooseObjectCount == (before + 3) * 256)
        #expect(scratch.repository.looseObjectCount == exact + 3)
        #expect(scratch.repository.packCount == 0)
    }

    @Test("repacking many packs into one keeps every reachable object and removes packed loose objects")
    func repack() throws {
        let scratch = try ScratchRepository()
        var tip: ObjectID?
        for index in 0..<5 {
            tip = try scratch.commit(["file-\(index)": "content \(index)"], parent: tip)
            // one pack per round, like one fetch per publish
            try Shell.git("repack", "-q", in: scratch.path)
        }
        tip = try scratch.commit(["loose": "not packed yet"], parent: tip)
        #expect(scratch.repository.packCount == 5)
        #expect(try !scratch.repository.repackIfNeeded(maximumPacks: 5))
        #expect(try scratch.repository.repackIfNeeded(maximumPacks: 2))
        #expect(scratch.repository.packCount == 1)
        // Only the unreachable empty tree (written by the first updatedTree) stays loose.
        let loose = try Shell.run(["find", scratch.directory.path("repo.git/objects"), "-path", "*/objects/??/*", "-type", "f"])
        #expect(loose.trimmed.hasSuffix("objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904"))
        #expect(loose.trimmed.split(separator: "\n").count == 1)
        let reopened = try Repository.open(at: scratch.path)
        try reopened.verify(scope: .fullHistory)
        let tipID = try #require(tip)
        let entry = try #require(try reopened.treeEntry(at: "file-3", in: tipID))
        #expect(try reopened.readBlob(entry.id) == Data("content 3".utf8))
        #expect(try Shell.git("fsck", "--strict", "--no-dangling", in: scratch.path).status == 0)
        #expect(try Shell.git("rev-list", "--count", "main", in: scratch.path).trimmed == "6")
    }
}

@Suite("Maintenance with tags")
struct MaintenanceTagTests {
    @Test("annotated tags are peeled by verify and keep their history through a repack")
    func tags() throws {
        let scratch = try ScratchRepository()
        let first = try scratch.commit(["a": "1"])
        try scratch.commit(["b": "2"], parent: first)
        try Shell.git("tag", "-a", "-m", "release", "v1", first.hex, in: scratch.path)
        try Shell.git("update-ref", "-d", "refs/heads/main", in: scratch.path)
        try Shell.git("repack", "-q", in: scratch.path)
        try Shell.git("repack", "-q", in: scratch.path)
        let repository = try Repository.open(at: scratch.path)
        try repository.verify(scope: .fullHistory)
        try repository.repack()
        #expect(repository.packCount == 1)
        let reopened = try Repository.open(at: scratch.path)
        try reopened.verify(scope: .fullHistory)
        #expect(try reopened.resolve("v1^{commit}") == first)
        #expect(try Shell.git("fsck", "--strict", "--no-dangling", in: scratch.path).status == 0)
    }
}

@Suite("Object integrity and settings")
struct IntegrityTests {
    @Test("an object whose content does not match its name is corrupt when read")
    func hashMismatch() throws {
        let scratch = try ScratchRepository()
        let good = try scratch.repository.writeBlob(Data("the real content".utf8))
        let other = try scratch.repository.writeBlob(Data("something else".utf8))
        func loose(_ id: ObjectID) -> String {
            scratch.directory.path("repo.git/objects/\(id.hex.prefix(2))/\(id.hex.dropFirst(2))")
        }
        try FileManager.default.removeItem(atPath: loose(good))
        try FileManager.default.copyItem(atPath: loose(other), toPath: loose(good))
        let error = try #require(throws: GitError.self) { try Repository.open(at: scratch.path).readBlob(good) }
        #expect(error.kind == .corrupt, "\(error)")
    }

    @Test("process-wide settings are accepted (fsync on and off around a commit)")
    func settings() throws {
        try GitSettings.setFsync(true)
        defer { try? GitSettings.setFsync(false) }
        let scratch = try ScratchRepository()
        let tip = try scratch.commit(["a": "durable"])
        #expect(try Shell.git("rev-parse", "main", in: scratch.path).trimmed == tip.hex)
        try GitSettings.setUserAgent("git/2.0 (codesocial tests)")
    }
}
