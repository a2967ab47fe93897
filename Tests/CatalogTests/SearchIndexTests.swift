import Foundation
import Testing
@testable import Catalog

@Suite("Search index")
struct SearchIndexTests {
    static let entries: [CatalogEntry] = [
        CatalogFixtures.entry(
            id: "wemob", name: "Wemob", summary: "Plateforme de mobilité partagée en milieu rural.",
            tags: ["mobilité", "covoiturage"], offers: [("tool", "Un logiciel libre de covoiturage")],
            needs: [("place", "Un local pour l’atelier vélo")], purpose: "Réduire l'isolement des villages."
        ),
        CatalogFixtures.entry(
            id: "fabrique", name: "La Fabrique des communs", kind: "organisation",
            summary: "Tiers-lieu qui met l’œuvre collective au centre.", tags: ["tiers-lieu", "communs"],
            offers: [("place", "Salle de 80 m² pour ateliers et réunions")],
            economic: "Location de salles, adhésions et prestations liées à la mobilité douce."
        ),
        CatalogFixtures.entry(
            id: "coeur-vert", name: "Cœur vert", kind: "idea", summary: "Jardins partagés et compost.",
            tags: ["écologie"], needs: [("funding", "Subvention pour les bacs à compost")]
        ),
    ]

    func makeIndex() throws -> SearchIndex {
        let index = try SearchIndex(path: nil)
        try index.rebuild(Self.entries, commit: "c1")
        return index
    }

    @Test("accents, ligatures and apostrophes are folded on both sides", arguments: [
        ("mobilite", "wemob"), ("MOBILITÉ", "wemob"), ("oeuvre", "fabrique"), ("œuvre collective", "fabrique"),
        ("l'oeuvre", "fabrique"), ("l’œuvre", "fabrique"), ("coeur", "coeur-vert"), ("Cœur", "coeur-vert"),
        ("isolement villages", "wemob"), ("ecologie", "coeur-vert"),
    ])
    func folding(query: String, expected: String) throws {
        let hits = try makeIndex().search(SearchQuery(text: query))
        #expect(hits.first?.entry.id == expected, "query \(query) → \(hits.map(\.entry.id))")
    }

    @Test("the last word matches as a prefix")
    func prefix() throws {
        let hits = try makeIndex().search(SearchQuery(text: "covoit"))
        #expect(hits.map(\.entry.id) == ["wemob"])
    }

    @Test("a match in the name outranks a match deep in a model")
    func ranking() throws {
        // "mobilité" is in Wemob's summary and tags, and only in La Fabrique's economic model.
        let hits = try makeIndex().search(SearchQuery(text: "mobilité"))
        #expect(hits.map(\.entry.id) == ["wemob", "fabrique"])
        #expect(hits[0].relevance > hits[1].relevance)
    }

    @Test("the snippet marks the matching words")
    func snippet() throws {
        let hit = try #require(try makeIndex().search(SearchQuery(text: "compost")).first)
        #expect(hit.snippet.segments.contains { $0.isMatch && $0.text.lowercased() == "compost" })
        #expect(hit.snippet.rendered(open: "[", close: "]").contains("[compost]"))
    }

    @Test("filters: kind, tag (folded), offers and needs kinds")
    func filters() throws {
        let index = try makeIndex()
        #expect(try index.search(SearchQuery(text: "ateliers", kind: "organisation")).map(\.entry.id) == ["fabrique"])
        #expect(try index.search(SearchQuery(text: "ateliers", kind: "idea")).isEmpty)
        #expect(try index.entries(matching: SearchQuery(text: "", tag: "Mobilite")).map(\.id) == ["wemob"])
        #expect(try index.entries(matching: SearchQuery(text: "", offers: "place")).map(\.id) == ["fabrique"])
        #expect(try index.entries(matching: SearchQuery(text: "", needs: "place")).map(\.id) == ["wemob"])
        #expect(try index.entries().map(\.id) == ["coeur-vert", "fabrique", "wemob"])
    }

    @Test("FTS5 syntax in user input is never an error", arguments: [
        "\"", "AND", "NEAR(a b)", "*", "-mobilité", "a OR", "(", "col:mobilité", "^x", "'", "\u{0}", "   ", "«»",
    ])
    func sanitised(query: String) throws {
        _ = try makeIndex().search(SearchQuery(text: query))
    }

    @Test("when no entry has every word, entries with any of them are returned")
    func fallbackToAnyWord() throws {
        let hits = try makeIndex().search(SearchQuery(text: "compost covoiturage"))
        #expect(Set(hits.map(\.entry.id)) == ["wemob", "coeur-vert"])
    }

    @Test("an incremental update re-indexes exactly the changed entries and records the commit")
    func incremental() throws {
        let directory = try ScratchDirectory()
        let path = directory.url.appendingPathComponent("index.sqlite").path
        do {
            let index = try SearchIndex(path: path)
            #expect(try index.indexedCommit() == nil)
            try index.rebuild(Self.entries, commit: "c1")
        }
        let index = try SearchIndex(path: path)
        #expect(try index.indexedCommit() == "c1")
        var changed = Self.entries[2]
        changed.summary = LocalizedText("Jardins partagés, compost et apiculture.")
        let update = try index.apply([.upsert(changed), .delete(id: "wemob")], commit: "c2")
        #expect(update.reindexed == ["coeur-vert"])
        #expect(update.removed == ["wemob"])
        #expect(try index.lastUpdate() == update)
        #expect(try index.indexedCommit() == "c2")
        #expect(try index.search(SearchQuery(text: "apiculture")).map(\.entry.id) == ["coeur-vert"])
        #expect(try index.search(SearchQuery(text: "covoiturage")).isEmpty)
        #expect(try index.count() == 2)
    }

    @Test("a damaged index file is recreated empty instead of failing")
    func corruptFile() throws {
        let directory = try ScratchDirectory()
        let path = directory.url.appendingPathComponent("index.sqlite").path
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        let index = try SearchIndex(path: path)
        #expect(try index.indexedCommit() == nil)
        #expect(try index.count() == 0)
    }
}
