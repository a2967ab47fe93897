import Foundation
import GRDB

extension SearchIndex {
    static let snippetOpen: Character = "\u{2}"
    static let snippetClose: Character = "\u{3}"

    /// Searches the index: ranked by bm25 (name > tags > summary > the rest), filtered,
    /// each hit with its best matching passage.
    ///
    /// All the words must match; when no entry has them all, entries matching any of them
    /// are returned instead (still ranked). A query with no word returns no hit.
    /// - Parameter query: the text and filters.
    /// - Returns: hits, most relevant first.
    /// - Throws: ``CatalogError`` when the index cannot be read.
    public func search(_ query: SearchQuery) throws(CatalogError) -> [SearchHit] {
        guard let all = query.ftsExpression(joiner: "AND") else { return [] }
        let hits = try search(query, expression: all)
        if hits.isEmpty, let any = query.ftsExpression(joiner: "OR"), any != all {
            return try search(query, expression: any)
        }
        return hits
    }

    func search(_ query: SearchQuery, expression: String) throws(CatalogError) -> [SearchHit] {
        var sql = "SELECT rowid, bm25(fts, 10.0, 6.0, 4.0, 1.0, 1.0, 1.0) AS score FROM fts WHERE fts MATCH ?"
        var arguments: StatementArguments = [expression]
        Self.appendFilters(query, column: "fts.rowid", to: &sql, arguments: &arguments)
        sql += " ORDER BY score, rowid LIMIT ?"
        arguments += [max(0, query.limit)]
        return try read { db in
            let ranked = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                (rowid: row[0] as Int64, score: row[1] as Double)
            }
            let decoder = JSONDecoder()
            return try ranked.compactMap { hit -> SearchHit? in
                guard let data = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT data FROM entries WHERE rowid = ?"), arguments: [hit.rowid]
                ) else { return nil }
                let entry = try decoder.decode(CatalogEntry.self, from: Data(data.utf8))
                let marked = try String.fetchOne(
                    db.cachedStatement(sql: """
                        SELECT snippet(fts, -1, char(2), char(3), '…', 16) FROM fts WHERE fts MATCH ? AND rowid = ?
                        """),
                    arguments: [expression, hit.rowid]
                ) ?? ""
                return SearchHit(
                    entry: entry, relevance: -hit.score,
                    snippet: Snippet(marked: marked, open: Self.snippetOpen, close: Self.snippetClose)
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
