import Catalog
import Descriptor
import Foundation
import Git
import JSONSchema

extension RegistryReader {
    /// The search index, brought up to the registry's tip.
    ///
    /// When the index reflects an earlier commit still in the repository, only the entries
    /// the git tree diff between that commit and the tip names are re-indexed (added and
    /// modified entries parsed again, deleted ones removed, renames both); otherwise (first
    /// use, another registry history, a damaged index) the whole index is rebuilt from the
    /// tip, parsing entries on every core. Entries that cannot be parsed are left out.
    /// - Returns: the index and what this call changed (`nil` when it was already up to date).
    /// - Throws: ``RegistryError`` `cannotWrite` when the index file cannot be written.
    public func searchIndex() throws(RegistryError) -> (index: SearchIndex, update: IndexUpdate?) {
        let index: SearchIndex
        do {
            index = try SearchIndex(path: indexPath)
        } catch {
            let directory = URL(fileURLWithPath: indexPath).deletingLastPathComponent().path
            throw RegistryError(.cannotWrite, Localized(catalog: error),
                                hint: Localized(en: "check the permissions of \(directory)", fr: "vérifiez les droits d'accès à \(directory)"))
        }
        let tip = snapshot.commit
        if try indexOperation({ () throws(CatalogError) in try index.indexedCommit() }) == tip.hex { return (index, nil) }
        // One writer at a time: another process may be building the same index (a first build
        // takes a while); wait for it, then start from what it left.
        let lock = try FileLock(path: indexPath + ".lock", timeout: 600, what: Localized(en: "the search index \(indexPath)", fr: "l'index de recherche \(indexPath)"))
        defer { lock.unlock() }
        let indexed = try indexOperation { () throws(CatalogError) in try index.indexedCommit() }
        if indexed == tip.hex { return (index, nil) }
        let layout = try config().layout
        let repository = snapshot.repository
        if let indexed, let old = ObjectID(hex: indexed), repository.contains(old),
           let oldTree = try? repository.treeID(of: old) {
            let differences = try snapshot.gitCall { () throws(GitError) in
                try repository.diffTrees(old: oldTree, new: snapshot.tree, detectRenames: false)
            }
            var changes: [CatalogChange] = []
            var toRead: [(id: String, object: ObjectID)] = []
            for difference in differences {
                if let oldPath = difference.oldPath, let id = layout.id(forPath: oldPath),
                   difference.status == .deleted || difference.newPath != oldPath {
                    changes.append(.delete(id: id))
                }
                if let newPath = difference.newPath, let id = layout.id(forPath: newPath), let object = difference.newID,
                   difference.newMode?.isBlob == true, difference.status != .deleted {
                    toRead.append((id, object))
                }
            }
            for (id, entry) in try readEntries(toRead) {
                changes.append(entry.map(CatalogChange.upsert) ?? .delete(id: id))
            }
            let update = try indexOperation { () throws(CatalogError) in try index.apply(changes, commit: tip.hex) }
            return (index, update)
        }
        let tree = try snapshot.gitCall { () throws(GitError) in try repository.walkTree(snapshot.tree, includeSizes: false) }
        let all = tree.compactMap { item -> (id: String, object: ObjectID)? in
            guard item.mode.isBlob, let id = layout.id(forPath: item.path) else { return nil }
            return (id, item.id)
        }
        let entries = try readEntries(all).compactMap(\.entry)
        let update = try indexOperation { () throws(CatalogError) in try index.rebuild(entries, commit: tip.hex) }
        return (index, update)
    }

    /// Reads and parses entries on every core; a `nil` entry could not be read or parsed.
    func readEntries(_ items: [(id: String, object: ObjectID)]) throws(RegistryError) -> [(id: String, entry: CatalogEntry?)] {
        guard !items.isEmpty else { return [] }
        let slots = WorkerSlots<CatalogEntry>(count: items.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, items.count / 64 + 1))
        let path = snapshot.path
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            guard let repository = try? Repository.open(at: path) else {
                slots.fail(RegistryError(.internalError, Localized(en: "cannot open \(path) to read entries",
                                                                   fr: "impossible d'ouvrir \(path) pour lire les entrées")))
                return
            }
            var index = worker
            while index < items.count {
                let item = items[index]
                if let data = try? repository.readBlob(item.object, limit: RegistryChecker.maximumFileSize),
                   let document = try? DocumentLoader.load(data, syntax: .yaml) {
                    slots.set(index, CatalogEntry(id: item.id, description: document.value))
                }
                index += workers
            }
        }
        let entries = try slots.collect()
        return items.indices.map { (items[$0].id, entries[$0]) }
    }

    func indexOperation<T>(_ body: () throws(CatalogError) -> T) throws(RegistryError) -> T {
        do {
            return try body()
        } catch {
            throw RegistryError(.cannotWrite, Localized(catalog: error),
                                hint: Localized(en: "delete \(indexPath) (it is a cache) and try again",
                                                fr: "supprimez \(indexPath) (c'est un cache) et réessayez"))
        }
    }
}

extension Localized {
    /// A search index error: its message (SQLite's or the catalog's) kept as it is after a translated start.
    public init(catalog error: CatalogError) {
        let path = error.path.map { " \($0)" } ?? ""
        self.init(en: error.description, fr: "index de recherche\(path) : \(error.message)")
    }
}
