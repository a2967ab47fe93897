import Foundation
import GRDB

extension SearchIndex {
    static let snippetOpen: Character = "\u{2}"
    static let snippetClose: Character = "\u{3}"

    /// Searches the index: ranked, filtered, each hit with its best matching passage.
    ///
    /// Ranking is in two tiers: entries where the words occur in the name, tags or summary
    /// come first, then entries where they occur only in purpose, models or the catalogue;
    /// within a tier, by bm25 with column weights name 10, tags 6, summary 4, the rest 1.
    /// The first tier is searched alone first, and the (much larger) full text only when it
    /// holds fewer hits than asked for: a word found in most entries still answers fast.
    ///
    /// All the words must match; when no entry has them all, entries matching any of them
    /// are returned instead (still ranked). A query with no word returns no hit.
    /// - Parameter query: the text and filters.
    /// - Returns: hits, most relevant first.
    /// - Throws: ``CatalogError`` when the index cannot be read.
    public func search(_ query: SearchQuery) throws(CatalogError) -> [SearchHit] {
        let prefix = try usesPrefix(query)
        guard let all = query.ftsExpression(joiner: "AND", prefixLast: prefix) else { return [] }
        let hits = try search(query, expression: all)
        if hits.isEmpty, let any = query.ftsExpression(joiner: "OR", prefixLast: prefix), any != all {
            return try search(query, expression: any)
        }
        return hits
    }

    /// Whether the last word is matched as a prefix: only when it is not itself a word of the
    /// index. A complete word is searched as typed; an unfinished one (`mobil`) expands to the
    /// words it starts (FTS5 keeps prefix indexes for 2, 3 and 4 characters). Expanding a
    /// complete word would mostly add noise, and a short one can stand for thousands of
    /// words and most of the registry, which costs a ranking of nearly every entry.
    func usesPrefix(_ query: SearchQuery) throws(CatalogError) -> Bool {
        guard let last = query.lastTerm else { return false }
        let known = try read { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM fts_vocab WHERE term = ?", arguments: [last]) != nil
        }
        return !known
    }

    /// The columns of the first ranking tier.
    static let headColumns = "{name tags summary}"

    func search(_ query: SearchQuery, expression: String) throws(CatalogError) -> [SearchHit] {
        let limit = max(0, query.limit)
        func rank(_ db: Database, _ match: String, limit: Int) throws -> [(rowid: Int64, score: Double)] {
            var sql = "SELECT rowid, bm25(fts, 10.0, 6.0, 4.0, 1.0, 1.0, 1.0) AS score FROM fts WHERE fts MATCH ?"
            var arguments: StatementArguments = [match]
            Self.appendMatchFilters(query, to: &sql, arguments: &arguments)
            sql += " ORDER BY score, rowid LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in (rowid: row[0] as Int64, score: row[1] as Double) }
        }
        return try read { db in
            var ranked = try rank(db, "\(Self.headColumns) : (\(expression))", limit: limit)
            if ranked.count < limit {
                let head = Set(ranked.map(\.rowid))
                let rest = try rank(db, expression, limit: limit + head.count).filter { !head.contains($0.rowid) }
                ranked += rest.prefix(limit - ranked.count)
            }
            guard !ranked.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: ranked.count).joined(separator: ", ")
            var entries: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, data FROM entries WHERE rowid IN (\(placeholders))",
                                        arguments: StatementArguments(ranked.map(\.rowid))) {
                entries[row[0]] = row[1]
            }
            // One query per hit: with `rowid = ?` FTS5 seeks each doclist to the row; an
            // `IN (…)` list would make SQLite evaluate the whole expression per element.
            var snippets: [Int64: String] = [:]
            // The summary's passage when the words are in it (more telling than a list of tags),
            // else the best passage of any column.
            let snippetStatement = try db.cachedStatement(sql: """
                SELECT snippet(fts, 2, char(2), char(3), '…', 16), snippet(fts, -1, char(2), char(3), '…', 16)
                FROM fts WHERE fts MATCH ? AND rowid = ?
                """)
            for hit in ranked {
                guard let row = try Row.fetchOne(snippetStatement, arguments: [expression, hit.rowid]) else { continue }
                let summary: String? = row[0]
                snippets[hit.rowid] = summary.flatMap { $0.contains(Self.snippetOpen) ? $0 : nil } ?? row[1]
            }
            let decoder = JSONDecoder()
            return try ranked.compactMap { hit -> SearchHit? in
                guard let data = entries[hit.rowid] else { return nil }
                let entry = try decoder.decode(CatalogEntry.self, from: Data(data.utf8))
                return SearchHit(
                    entry: entry, relevance: -hit.score,
                    snippet: Snippet(marked: snippets[hit.rowid] ?? "", open: Self.snippetOpen, close: Self.snippetClose)
                )
            }
        }
    }

    /// Every indexed entry matching the filters (the query's text is ignored), sorted by id.
    /// - Parameter query: kind, tag, offers and needs filters.
    public func entries(matching query: SearchQuery = SearchQuery(text: "")) throws(CatalogError) -> [CatalogEntry] {
        var sql = "SELECT data FROM entries WHERE 1"
        var arguments = StatementArguments()
        Self.appendFilters(query, column: "entries.rowid", to: &sql, arguments: &arguments)
        sql += " ORDER BY id"
        return try read { db in
            let decoder = JSONDecoder()
            return try String.fetchAll(db, sql: sql, arguments: arguments).map {
                try decoder.decode(CatalogEntry.self, from: Data($0.utf8))
            }
        }
    }

    /// The indexed entry with this id, or `nil`.
    public func entry(id: String) throws(CatalogError) -> CatalogEntry? {
        try read { db in
            guard let data = try String.fetchOne(db, sql: "SELECT data FROM entries WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return try JSONDecoder().decode(CatalogEntry.self, from: Data(data.utf8))
        }
    }

    /// Filters for a full-text query, as correlated look-ups per matching row: an `IN (list)`
    /// on the FTS table's rowid would make SQLite run one full-text query per listed row.
    static func appendMatchFilters(_ query: SearchQuery, to sql: inout String, arguments: inout StatementArguments) {
        if let kind = query.kind {
            sql += " AND EXISTS (SELECT 1 FROM entries e WHERE e.rowid = fts.rowid AND e.kind = ?)"
            arguments += [kind.lowercased()]
        }
        if let tag = query.tag {
            sql += " AND EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry = fts.rowid AND t.tag = ?)"
            arguments += [TextFolding.key(tag)]
        }
        if let offers = query.offers {
            sql += " AND EXISTS (SELECT 1 FROM entry_items i WHERE i.entry = fts.rowid AND i.side = 'offer' AND i.kind = ?)"
            arguments += [offers.lowercased()]
        }
        if let needs = query.needs {
            sql += " AND EXISTS (SELECT 1 FROM entry_items i WHERE i.entry = fts.rowid AND i.side = 'need' AND i.kind = ?)"
            arguments += [needs.lowercased()]
        }
    }

    static func appendFilters(_ query: SearchQuery, column: String, to sql: inout String, arguments: inout StatementArguments) {
        if let kind = query.kind {
            sql += " AND \(column) IN (SELECT rowid FROM entries WHERE kind = ?)"
            arguments += [kind.lowercased()]
        }
        if let tag = query.tag {
            sql += " AND \(column) IN (SELECT entry FROM entry_tags WHERE tag = ?)"
            arguments += [TextFolding.key(tag)]
        }
        if let offers = query.offers {
            sql += " AND \(column) IN (SELECT entry FROM entry_items WHERE side = 'offer' AND kind = ?)"
            arguments += [offers.lowercased()]
        }
        if let needs = query.needs {
            sql += " AND \(column) IN (SELECT entry FROM entry_items WHERE side = 'need' AND kind = ?)"
            arguments += [needs.lowercased()]
        }
    }
}
