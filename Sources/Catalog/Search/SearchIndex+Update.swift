import Foundation
import GRDB

extension SearchIndex {
    /// The registry commit the index reflects, or `nil` when it was never built.
    /// - Throws: ``CatalogError`` when the index cannot be read.
    public func indexedCommit() throws(CatalogError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'commit'") }
    }

    /// What the last update or rebuild did, or `nil` before the first one.
    /// - Throws: ``CatalogError`` when the index cannot be read.
    public func lastUpdate() throws(CatalogError) -> IndexUpdate? {
        let text = try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'last_update'") }
        guard let text else { return nil }
        return try? JSONDecoder().decode(IndexUpdate.self, from: Data(text.utf8))
    }

    /// The number of indexed entries.
    public func count() throws(CatalogError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0 }
    }

    /// Replaces the whole index with these entries, in one transaction.
    /// - Parameters:
    ///   - entries: every entry of the registry at `commit`.
    ///   - commit: the commit they were read from.
    /// - Returns: what was indexed.
    @discardableResult
    public func rebuild(_ entries: some Sequence<CatalogEntry>, commit: String) throws(CatalogError) -> IndexUpdate {
        try write { db in
            try db.execute(sql: "DELETE FROM entries; DELETE FROM entry_tags; DELETE FROM entry_items; DELETE FROM fts;")
            let writer = try RowWriter(db)
            var ids: [String] = []
            for entry in entries {
                try writer.insert(entry)
                ids.append(entry.id)
            }
            let update = IndexUpdate(isRebuild: true, reindexed: ids.sorted(), removed: [], commit: commit)
            try Self.record(update, in: db)
            return update
        }
    }

    /// Applies changed entries only, in one transaction, and records the new commit.
    /// - Parameters:
    ///   - changes: entries added or modified (`upsert`) and removed (`delete`) since ``indexedCommit()``.
    ///   - commit: the commit the index reflects afterwards.
    /// - Returns: exactly which ids were re-indexed and removed.
    @discardableResult
    public func apply(_ changes: [CatalogChange], commit: String) throws(CatalogError) -> IndexUpdate {
        try write { db in
            let writer = try RowWriter(db)
            var reindexed = Set<String>()
            var removed = Set<String>()
            for change in changes {
                switch change {
                case .upsert(let entry):
                    try writer.delete(id: entry.id)
                    try writer.insert(entry)
                    reindexed.insert(entry.id)
                    removed.remove(entry.id)
                case .delete(let id):
                    if try writer.delete(id: id) { removed.insert(id) }
                    reindexed.remove(id)
                }
            }
            let update = IndexUpdate(isRebuild: false, reindexed: reindexed.sorted(), removed: removed.sorted(), commit: commit)
            try Self.record(update, in: db)
            return update
        }
    }

    static func record(_ update: IndexUpdate, in db: Database) throws {
        let report = String(decoding: try JSONEncoder().encode(update), as: UTF8.self)
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('commit', ?), ('last_update', ?)",
            arguments: [update.commit, report]
        )
    }

    /// Writes and deletes the rows of one entry (its row, tags, catalogue kinds and full text).
    struct RowWriter {
        let db: Database
        let encoder = JSONEncoder()

        init(_ db: Database) throws {
            self.db = db
            encoder.outputFormatting = [.sortedKeys]
        }

        func insert(_ entry: CatalogEntry) throws {
            let data = String(decoding: try encoder.encode(entry), as: UTF8.self)
            try db.cachedStatement(sql: "INSERT INTO entries (id, kind, data) VALUES (?, ?, ?)")
                .execute(arguments: [entry.id, entry.kind.lowercased(), data])
            let rowid = db.lastInsertedRowID
            let tagStatement = try db.cachedStatement(sql: "INSERT INTO entry_tags (entry, tag) VALUES (?, ?)")
            for tag in Set(entry.tags.map(TextFolding.key)) {
                try tagStatement.execute(arguments: [rowid, tag])
            }
            let itemStatement = try db.cachedStatement(sql: "INSERT INTO entry_items (entry, side, kind) VALUES (?, ?, ?)")
            for kind in Set(entry.offers.map { $0.kind.lowercased() }) {
                try itemStatement.execute(arguments: [rowid, "offer", kind])
            }
            for kind in Set(entry.needs.map { $0.kind.lowercased() }) {
                try itemStatement.execute(arguments: [rowid, "need", kind])
            }
            let catalogue = (entry.offers + entry.needs).map { item in
                ([item.text.allText] + item.tags).joined(separator: " ")
            }.joined(separator: "\n")
            try db.cachedStatement(sql: """
                INSERT INTO fts (rowid, name, tags, summary, purpose, models, catalogue) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    rowid,
                    TextFolding.forIndex(entry.name.allText + "\n" + entry.id),
                    TextFolding.forIndex(entry.tags.joined(separator: ", ")),
                    TextFolding.forIndex(entry.summary.allText),
                    TextFolding.forIndex(entry.purposeText),
                    TextFolding.forIndex(entry.modelsText),
                    TextFolding.forIndex(catalogue),
                ])
        }

        /// Deletes an entry's rows; returns whether it was indexed.
        @discardableResult
        func delete(id: String) throws -> Bool {
            guard let rowid = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT rowid FROM entries WHERE id = ?"), arguments: [id]
            ) else { return false }
            try db.cachedStatement(sql: "DELETE FROM entries WHERE rowid = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "DELETE FROM entry_tags WHERE entry = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "DELETE FROM entry_items WHERE entry = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "DELETE FROM fts WHERE rowid = ?").execute(arguments: [rowid])
            return true
        }
    }
}
