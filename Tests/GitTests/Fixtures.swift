import Foundation
import Git
import TestSupport

/// A bare repository in its own temporary directory, with helpers to commit files through the Git module.
struct ScratchRepository {
    let directory: TemporaryDirectory
    let repository: Repository
    var path: String { repository.path }

    init(bare: Bool = true) throws {
        directory = try TemporaryDirectory(prefix: "gittests")
        repository = try Repository.create(at: directory.path("repo.git"), bare: bare)
    }

    static let alice = Signature(name: "Alice Martin", email: "alice@example.org",
                                 date: Date(timeIntervalSince1970: 1_700_000_000), offsetMinutes: 60)

    /// Commits `files` (path → content; nil removes) on top of `parent` and moves `branch` there.
    @discardableResult
    func commit(_ files: [String: String?], parent: ObjectID? = nil, message: String = "change",
                branch: String? = "refs/heads/main", date: Date? = nil) throws -> ObjectID {
        var changes: [TreeChange] = []
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            if let content {
                changes.append(.upsert(path: path, blob: try repository.writeBlob(Data(content.utf8))))
            } else {
                changes.append(.remove(path: path))
            }
        }
        let tree = try repository.updatedTree(base: parent, changes: changes)
        var signature = Self.alice
        if let date { signature.date = date }
        let id = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: signature,
                                             committer: signature, message: message)
        if let branch {
            let current = try repository.reference(named: branch)
            try repository.updateReference(branch, to: id, expected: current, message: message)
        }
        return id
    }
}
