import Foundation
import Git
import Testing
import TestSupport

@Suite("Repository: create, open, references")
struct RepositoryTests {
    @Test("create a bare repository and open it again")
    func createAndOpen() throws {
        let directory = try TemporaryDirectory()
        let created = try Repository.create(at: directory.path("r.git"), bare: true)
        #expect(created.isBare)
        #expect(created.isEmpty)
        #expect(created.workDirectory == nil)
        let opened = try Repository.open(at: directory.path("r.git"))
        #expect(opened.path.hasSuffix("r.git/"))
        let head = try Shell.git("symbolic-ref", "HEAD", in: directory.path("r.git"))
        #expect(head.trimmed == "refs/heads/main")
    }

    @Test("create with a work tree")
    func createNonBare() throws {
        let directory = try TemporaryDirectory()
        let repository = try Repository.create(at: directory.path("w"), bare: false, initialBranch: "trunk")
        #expect(!repository.isBare)
        #expect(repository.workDirectory?.hasSuffix("/w/") == true)
        #expect(try Shell.git("symbolic-ref", "HEAD", in: directory.path("w")).trimmed == "refs/heads/trunk")
    }

    @Test("opening a directory that is not a repository is notFound with the path")
    func openMissing() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: GitError.self) { try Repository.open(at: directory.path("nothing")) }
        #expect(error.kind == .notFound)
        #expect(error.message.contains(directory.path("nothing")))
    }

    @Test("creating over an existing repository is exists")
    func createTwice() throws {
        let scratch = try ScratchRepository()
        let error = try #require(throws: GitError.self) { try Repository.create(at: scratch.path) }
        #expect(error.kind == .exists)
    }

    @Test("references: create, compare-and-swap, list, delete")
    func references() throws {
        let scratch = try ScratchRepository()
        let repo = scratch.repository
        let first = try scratch.commit(["a.txt": "one"], branch: nil)
        let second = try scratch.commit(["a.txt": "two"], parent: first, branch: nil)
        #expect(try repo.reference(named: "refs/heads/main") == nil)

        try repo.updateReference("refs/heads/main", to: first, expected: nil, message: "create")
        #expect(try repo.reference(named: "refs/heads/main") == first)
        #expect(try repo.resolve("main") == first)
        #expect(try repo.resolve("HEAD") == first)

        // nil expected: must not exist
        let exists = try #require(throws: GitError.self) {
            try repo.updateReference("refs/heads/main", to: second, expected: nil, message: "again")
        }
        #expect(exists.kind == .referenceChanged)
        #expect(exists.message.contains("refs/heads/main"))

        // wrong expected value
        let moved = try #require(throws: GitError.self) {
            try repo.updateReference("refs/heads/main", to: second, expected: second, message: "stale")
        }
        #expect(moved.kind == .referenceChanged)
        #expect(try repo.reference(named: "refs/heads/main") == first)

        // right expected value
        try repo.updateReference("refs/heads/main", to: second, expected: first, message: "advance")
        #expect(try Shell.git("rev-parse", "refs/heads/main", in: scratch.path).trimmed == second.hex)

        // expected given but the reference does not exist
        let vanished = try #require(throws: GitError.self) {
            try repo.updateReference("refs/heads/other", to: second, expected: first, message: "x")
        }
        #expect(vanished.kind == .referenceChanged)

        try repo.updateReference("refs/publish/tmp-1", to: first, expected: nil, message: "tmp")
        #expect(try repo.references(withPrefix: "refs/").map(\.name) == ["refs/heads/main", "refs/publish/tmp-1"])
        #expect(try repo.references(withPrefix: "refs/publish/") == [Reference(name: "refs/publish/tmp-1", target: first)])

        let wrongDelete = try #require(throws: GitError.self) {
            try repo.deleteReference("refs/publish/tmp-1", expected: second)
        }
        #expect(wrongDelete.kind == .referenceChanged)
        try repo.deleteReference("refs/publish/tmp-1", expected: first)
        #expect(try repo.reference(named: "refs/publish/tmp-1") == nil)
        #expect(throws: GitError.self) { try repo.deleteReference("refs/publish/tmp-1") }
    }

    @Test("invalid reference names and revisions are invalid or notFound")
    func invalidNames() throws {
        let scratch = try ScratchRepository()
        let id = try scratch.commit(["a": "1"])
        let bad = try #require(throws: GitError.self) {
            try scratch.repository.updateReference("refs/heads/bad..name", to: id, expected: nil, message: "")
        }
        #expect(bad.kind == .invalid)
        let missing = try #require(throws: GitError.self) { try scratch.repository.resolve("no-such-branch") }
        #expect(missing.kind == .notFound)
        #expect(missing.function == "git_revparse_single")
    }

    @Test("compare-and-swap race: of many updates with the same expected value exactly one wins")
    func casRace() async throws {
        let scratch = try ScratchRepository()
        let base = try scratch.commit(["a": "base"])
        let path = scratch.path
        var candidates: [ObjectID] = []
        for index in 0..<8 {
            candidates.append(try scratch.commit(["a": "candidate \(index)"], parent: base, branch: nil))
        }
        let outcomes = await withTaskGroup(of: (ObjectID, GitError.Kind?).self) { group in
            for candidate in candidates {
                group.addTask {
                    do {
                        let repository = try Repository.open(at: path)
                        try repository.updateReference("refs/heads/main", to: candidate, expected: base, message: "race")
                        return (candidate, nil)
                    } catch let error as GitError {
                        return (candidate, error.kind)
                    } catch {
                        return (candidate, .other)
                    }
                }
            }
            var all: [(ObjectID, GitError.Kind?)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let winners = outcomes.filter { $0.1 == nil }
        #expect(winners.count == 1)
        for (_, kind) in outcomes where kind != nil {
            #expect(kind == .referenceChanged || kind == .locked)
        }
        let tip = try Repository.open(at: path).reference(named: "refs/heads/main")
        #expect(tip == winners.first?.0)
    }
}
