import Foundation
import GRDB

/// A full-text index of registry entries: SQLite FTS5 through GRDB, kept in one file beside
/// the registry cache and updated incrementally.
///
/// The index records the registry commit it reflects (``indexedCommit()``); callers apply
/// the entries changed between that commit and a new tip with ``apply(_:commit:)`` and read
/// back what was re-indexed in the returned ``IndexUpdate`` (also kept as ``lastUpdate()``).
/// The file is a cache: when it is unreadable or was written by another index format it is
/// deleted and recreated empty (``indexedCommit()`` is then `nil`, asking for a rebuild).
public final class SearchIndex: Sendable {
    /// The index format; a file with another format is rebuilt.
    public static let formatVersion = "3"

    /// Where the index lives (`:memory:` for an in-memory index).
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating when missing) the index stored at `path`.
    /// - Parameter path: the index file, or `nil` for an in-memory index (tests).
    /// - Throws: ``CatalogError`` when the file cannot be created or read even after a reset.
    public init(path: String?) throws(CatalogError) {
        self.path = path ?? ":memory:"
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "codesocial.search-index"
        do {
            if let path {
                let directory = (path as NSString).deletingLastPathComponent
                if !directory.isEmpty {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                queue = try Self.openResetting(path: path, configuration: configuration)
            } else {
                queue = try DatabaseQueue(configuration: configuration)
                try Self.prepareSchema(queue)
            }
        } catch let error as CatalogError {
            throw error
        } catch {
            throw CatalogError(path: path, message: Self.describe(error))
        }
    }

    /// Opens the file; a corrupt file or one of another format is removed and recreated.
    static func openResetting(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            if try Self.prepareSchema(queue) { return try Self.useWriteAheadLog(queue) }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // A cache: fall through and rebuild it.
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        guard try Self.prepareSchema(queue) else {
            throw CatalogError(path: path, message: "the index was recreated but still has an unexpected format")
        }
        return try Self.useWriteAheadLog(queue)
    }

    /// Write-ahead logging: searches in other processes keep reading while an update commits.
    static func useWriteAheadLog(_ queue: DatabaseQueue) throws -> DatabaseQueue {
        try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        return queue
    }

    /// Creates the tables when missing; returns `false` when the file holds another format.
    @discardableResult
    static func prepareSchema(_ queue: DatabaseQueue) throws -> Bool {
        try queue.write { db in
            let hasMeta = try db.tableExists("meta")
            if hasMeta {
                let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
                return format == formatVersion
            }
            let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            guard existing.isEmpty else { return false }
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE entries (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX entries_kind ON entries (kind);
                CREATE TABLE entry_tags (entry INTEGER NOT NULL, tag TEXT NOT NULL);
                CREATE INDEX entry_tags_tag ON entry_tags (tag, entry);
                CREATE INDEX entry_tags_entry ON entry_tags (entry, tag);
                CREATE TABLE entry_items (entry INTEGER NOT NULL, side TEXT NOT NULL, kind TEXT NOT NULL);
                CREATE INDEX entry_items_kind ON entry_items (side, kind, entry);
                CREATE INDEX entry_items_entry ON entry_items (entry, side, kind);
                CREATE VIRTUAL TABLE fts USING fts5(
                    name, tags, summary, purpose, models, catalogue,
                    tokenize = 'unicode61 remove_diacritics 2',
                    prefix = '2 3 4'
                );
                CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, 'row');
                """)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?)", arguments: [formatVersion])
            return true
        }
    }

    /// A readable message for a GRDB or file-system error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.message ?? "SQLite error") (SQLite code \(error.extendedResultCode.rawValue))"
        }
        return String(describing: error)
    }

    /// Runs a read, turning database errors into ``CatalogError``.
    func read<T>(_ body: (Database) throws -> T) throws(CatalogError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw CatalogError(path: path, message: Self.describe(error))
        }
    }

    /// Runs a write transaction, turning database errors into ``CatalogError``.
    func write<T>(_ body: (Database) throws -> T) throws(CatalogError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw CatalogError(path: path, message: Self.describe(error))
        }
    }
}
