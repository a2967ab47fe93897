import Foundation
import Git
import Testing
import TestSupport

@Suite("History: merge base, ancestry, tree diff, path log")
struct HistoryTests {
    @Test("mergeBase and isAncestor agree with the git CLI")
    func ancestry() throws {
        let scratch = try ScratchRepository()
        let base = try scratch.commit(["a": "1"], message: "base")
        let left = try scratch.commit(["b": "left"], parent: base, message: "left", branch: nil)
        let right = try scratch.commit(["c": "right"], parent: base, message: "right", branch: nil)
        let repo = scratch.repository
        #expect(try repo.mergeBase(left, right) == base)
        #expect(try Shell.git("merge-base", left.hex, right.hex, in: scratch.path).trimmed == base.hex)
        #expect(try repo.isAncestor(base, of: left))
        #expect(try repo.isAncestor(left, of: left))
        #expect(try !repo.isAncestor(left, of: right))
        #expect(try !repo.isAncestor(left, of: base))
        let unrelated = try scratch.commit(["z": "z"], message: "orphan", branch: nil)
        #expect(try repo.mergeBase(left, unrelated) == nil)
    }

    @Test("diffTrees reports added, deleted, modified, mode changes and renames by path")
    func diffTrees() throws {
        let scratch = try ScratchRepository()
        let repo = scratch.repository
        let longText = String(repeating: "a line that stays the same in the renamed file\n", count: 20)
        let old = try scratch.commit([
            "projects/ke/keep/codesocial.yml": "keep",
            "projects/ch/change/codesocial.yml": "before",
            "projects/go/gone/codesocial.yml": "gone",
            "projects/mo/moved/codesocial.yml": longText,
        ])
        let newTree = try repo.updatedTree(base: old, changes: [
            .upsert(path: "projects/ch/change/codesocial.yml", blob: try repo.writeBlob(Data("after".utf8))),
            .remove(path: "projects/go/gone/codesocial.yml"),
            .upsert(path: "projects/ne/new/codesocial.yml", blob: try repo.writeBlob(Data("new".utf8))),
            .remove(path: "projects/mo/moved/codesocial.yml"),
            .upsert(path: "projects/re/renamed/codesocial.yml", blob: try repo.writeBlob(Data(longText.utf8))),
            .upsert(path: "projects/ke/keep/codesocial.yml", blob: try repo.writeBlob(Data("keep".utf8)), mode: .executable),
        ])
        let plain = try repo.diffTrees(old: old, new: newTree)
        #expect(plain.map { "\($0.status.rawValue) \($0.path)" } == [
            "modified projects/ch/change/codesocial.yml",
            "deleted projects/go/gone/codesocial.yml",
            "modified projects/ke/keep/codesocial.yml",
            "deleted projects/mo/moved/codesocial.yml",
            "added projects/ne/new/codesocial.yml",
            "added projects/re/renamed/codesocial.yml",
        ])
        let modeChange = try #require(plain.first { $0.path.contains("keep") })
        #expect(modeChange.oldMode == .blob && modeChange.newMode == .executable)
        #expect(plain.first { $0.status == .added }?.oldID == nil)

        let renames = try repo.diffTrees(old: old, new: newTree, detectRenames: true)
        let rename = try #require(renames.first { $0.status == .renamed })
        #expect(rename.oldPath == "projects/mo/moved/codesocial.yml")
        #expect(rename.newPath == "projects/re/renamed/codesocial.yml")
        #expect(rename.similarity == 100)
        #expect(renames.count == 5)

        let fromEmpty = try repo.diffTrees(old: nil, new: old)
        #expect(fromEmpty.count == 4 && fromEmpty.allSatisfy { $0.status == .added })
    }

    @Test("log(from:path:) lists the commits that changed a path, newest first, like git log")
    func pathLog() throws {
        let scratch = try ScratchRepository()
        let day: TimeInterval = 86_400
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let path = "projects/we/wemob/codesocial.yml"
        let c1 = try scratch.commit([path: "v1"], message: "add wemob", date: start)
        let c2 = try scratch.commit(["projects/ot/other/codesocial.yml": "x"], parent: c1, message: "other", date: start + day)
        let c3 = try scratch.commit([path: "v2"], parent: c2, message: "edit wemob", date: start + 2 * day)
        let c4 = try scratch.commit(["projects/ot/other/codesocial.yml": "y"], parent: c3, message: "other again", date: start + 3 * day)
        let c5 = try scratch.commit([path: nil], parent: c4, message: "remove wemob", date: start + 4 * day)
        let repo = scratch.repository
        let history = try repo.log(from: c5, path: path)
        #expect(history.map(\.summary) == ["remove wemob", "edit wemob", "add wemob"])
        #expect(history.map(\.id) == [c5, c3, c1])
        let oracle = try Shell.git("log", "--format=%H", "main", "--", path, in: scratch.path)
        #expect(oracle.trimmed == [c5, c3, c1].map(\.hex).joined(separator: "\n"))
        #expect(try repo.log(from: c5, path: "projects/we/wemob").map(\.id) == [c5, c3, c1])
        #expect(try repo.log(from: c5).count == 5)
        #expect(try repo.log(from: c5, limit: 2).map(\.id) == [c5, c4])
        #expect(try repo.log(from: c5, path: "nowhere").isEmpty)
    }

    @Test("log through a merge lists the side commit, not the merge that took it unchanged")
    func pathLogMerge() throws {
        let scratch = try ScratchRepository()
        let repo = scratch.repository
        let path = "entry.yml"
        let base = try scratch.commit([path: "v1", "other": "0"], message: "base")
        let side = try scratch.commit([path: "v2"], parent: base, message: "side edit", branch: nil)
        let main = try scratch.commit(["other": "1"], parent: base, message: "main edit", branch: nil)
        // merge: other from main, entry from side
        let tree = try repo.updatedTree(base: main, changes: [.upsert(path: path, blob: try repo.writeBlob(Data("v2".utf8)))])
        let merge = try repo.createCommit(tree: tree, parents: [main, side], author: ScratchRepository.alice,
                                          committer: ScratchRepository.alice, message: "merge")
        let history = try repo.log(from: merge, path: path)
        #expect(history.map(\.summary) == ["side edit", "base"])
    }
}
