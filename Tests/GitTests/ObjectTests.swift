import Foundation
import Git
import Testing
import TestSupport

@Suite("Objects: blobs, trees, commits")
struct ObjectTests {
    @Test("object ids parse, print and order")
    func objectIDs() throws {
        let hex = "0123456789abcdef0123456789ABCDEF01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex.lowercased())
        #expect(id.abbreviated() == "0123456")
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
        #expect(ObjectID(bytes: [1, 2]) == nil)
        let data = try JSONEncoder().encode([id])
        #expect(try JSONDecoder().decode([ObjectID].self, from: data) == [id])
        #expect(try #require(ObjectID(hex: String(repeating: "0", count: 40))) < id)
    }

    @Test("blobs round-trip, agree with git hash-object, and respect the size limit")
    func blobs() throws {
        let scratch = try ScratchRepository()
        let content = Data("bonjour, le monde\n".utf8)
        let id = try scratch.repository.writeBlob(content)
        let file = try scratch.directory.write("bonjour, le monde\n", to: "file.txt")
        #expect(try Shell.git("hash-object", file).trimmed == id.hex)
        #expect(try scratch.repository.readBlob(id) == content)
        #expect(scratch.repository.contains(id))
        let tooBig = try #require(throws: GitError.self) { try scratch.repository.readBlob(id, limit: 4) }
        #expect(tooBig.kind == .invalid)
        #expect(tooBig.message.contains("18 bytes"))
        let empty = try scratch.repository.writeBlob(Data())
        #expect(try scratch.repository.readBlob(empty).isEmpty)
        let missing = try #require(ObjectID(hex: String(repeating: "1", count: 40)))
        #expect(!scratch.repository.contains(missing))
        let notFound = try #require(throws: GitError.self) { try scratch.repository.readBlob(missing) }
        #expect(notFound.kind == .notFound)
    }

    @Test("updatedTree builds nested trees, replaces, removes, and git fsck agrees")
    func updatedTree() throws {
        let scratch = try ScratchRepository()
        let repo = scratch.repository
        let yml = try repo.writeBlob(Data("id: wemob\n".utf8))
        let script = try repo.writeBlob(Data("#!/bin/sh\n".utf8))
        let tree = try repo.updatedTree(base: nil, changes: [
            .upsert(path: "projects/we/wemob/codesocial.yml", blob: yml),
            .upsert(path: "projects/ab/abc/codesocial.yml", blob: yml),
            .upsert(path: "bin/run", blob: script, mode: .executable),
            .upsert(path: "link", blob: script, mode: .symlink),
        ])
        let entries = try repo.walkTree(tree)
        #expect(entries.map(\.path) == [
            "bin", "bin/run", "link", "projects", "projects/ab", "projects/ab/abc",
            "projects/ab/abc/codesocial.yml", "projects/we", "projects/we/wemob", "projects/we/wemob/codesocial.yml",
        ])
        #expect(entries.first { $0.path == "bin/run" }?.mode == .executable)
        #expect(entries.first { $0.path == "link" }?.mode == .symlink)
        #expect(entries.first { $0.path == "projects" }?.mode == .tree)
        #expect(entries.first { $0.path == "projects" }?.size == nil)
        #expect(entries.first { $0.path == "projects/we/wemob/codesocial.yml" }?.size == 10)

        let entry = try #require(try repo.treeEntry(at: "projects/we/wemob/codesocial.yml", in: tree))
        #expect(entry.id == yml && entry.mode == .blob && entry.size == 10 && entry.name == "codesocial.yml")
        #expect(try repo.treeEntry(at: "projects/we/wemob", in: tree)?.mode == .tree)
        #expect(try repo.treeEntry(at: "projects/zz", in: tree) == nil)

        // Removing the only file of a directory removes the now-empty directories.
        let smaller = try repo.updatedTree(base: tree, changes: [.remove(path: "projects/we/wemob/codesocial.yml")])
        #expect(try repo.treeEntry(at: "projects/we", in: smaller) == nil)
        #expect(try repo.treeEntry(at: "projects/ab/abc/codesocial.yml", in: smaller)?.id == yml)

        let commit = try repo.createCommit(tree: smaller, parents: [], author: ScratchRepository.alice,
                                           committer: ScratchRepository.alice, message: "snapshot")
        try repo.updateReference("refs/heads/main", to: commit, expected: nil, message: "snapshot")
        let fsck = try Shell.git("fsck", "--strict", "--no-dangling", in: scratch.path)
        #expect(fsck.status == 0)
        #expect(try Shell.git("ls-tree", "-r", "--name-only", "main", in: scratch.path).trimmed
                == "bin/run\nlink\nprojects/ab/abc/codesocial.yml")
    }

    @Test("updatedTree rejects unsafe paths and tree modes", arguments: ["", "/abs", "a//b", "a/../b", ".git/config", "a/.GIT/x", "./a", "a/"])
    func unsafePaths(path: String) throws {
        let scratch = try ScratchRepository()
        let blob = try scratch.repository.writeBlob(Data("x".utf8))
        let error = try #require(throws: GitError.self) {
            try scratch.repository.updatedTree(base: nil, changes: [.upsert(path: path, blob: blob)])
        }
        #expect(error.kind == .invalid)
        #expect(error.message.contains("invalid path"))
    }

    @Test("commits are written without moving references and read back as values")
    func commits() throws {
        let scratch = try ScratchRepository()
        let repo = scratch.repository
        let first = try scratch.commit(["a.txt": "1"], message: "first", branch: nil)
        let author = Signature(name: "Zoé Lefèvre", email: "zoe@example.org",
                               date: Date(timeIntervalSince1970: 1_700_000_123), offsetMinutes: -150)
        let tree = try repo.updatedTree(base: first, changes: [.upsert(path: "b.txt", blob: try repo.writeBlob(Data("2".utf8)))])
        let second = try repo.createCommit(tree: tree, parents: [first], author: author,
                                           committer: ScratchRepository.alice, message: "second\n\nbody")
        #expect(try repo.references(withPrefix: "refs/").isEmpty)
        let value = try repo.commit(second)
        #expect(value.id == second && value.tree == tree && value.parents == [first])
        #expect(value.author == author)
        #expect(value.committer == ScratchRepository.alice)
        #expect(value.message == "second\n\nbody\n")
        #expect(value.summary == "second")
        try repo.updateReference("refs/heads/main", to: second, expected: nil, message: "x")
        let shown = try Shell.git("log", "-1", "--format=%an|%ae|%ad|%s", "--date=raw", "main", in: scratch.path)
        #expect(shown.trimmed == "Zoé Lefèvre|zoe@example.org|1700000123 -0230|second")
        #expect(try Shell.git("fsck", "--strict", in: scratch.path).status == 0)
    }

    @Test("a signature with angle brackets is refused")
    func badSignature() throws {
        let scratch = try ScratchRepository()
        let tree = try scratch.repository.emptyTree()
        let error = try #require(throws: GitError.self) {
            try scratch.repository.createCommit(tree: tree, parents: [], author: Signature(name: "A <b>", email: "a@b"),
                                                committer: ScratchRepository.alice, message: "m")
        }
        #expect(error.kind == .invalid)
    }

    @Test("a commit on a missing parent is notFound")
    func missingParent() throws {
        let scratch = try ScratchRepository()
        let tree = try scratch.repository.emptyTree()
        let ghost = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let error = try #require(throws: GitError.self) {
            try scratch.repository.createCommit(tree: tree, parents: [ghost], author: ScratchRepository.alice,
                                                committer: ScratchRepository.alice, message: "m")
        }
        #expect(error.kind == .notFound)
        #expect(error.function == "git_commit_lookup")
    }

    @Test("defaultSignature reads user.name and user.email, nil when unset")
    func defaultSignature() throws {
        let scratch = try ScratchRepository()
        try scratch.repository.setConfig("user.name", to: "Camille Dupont")
        try scratch.repository.setConfig("user.email", to: "camille@example.org")
        let signature = try #require(scratch.repository.defaultSignature())
        #expect(signature.name == "Camille Dupont" && signature.email == "camille@example.org")
        #expect(scratch.repository.configString("user.name") == "Camille Dupont")
    }
}
