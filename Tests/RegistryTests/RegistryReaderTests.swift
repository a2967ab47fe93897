import Catalog
import Foundation
import Git
import Testing
import TestSupport
@testable import Registry

@Suite("Reading a registry: index, search, match, log, diff")
struct RegistryReaderTests {
    /// A bare registry of `count` entries plus a few with French text, and XDG directories for caches.
    struct Setup {
        let fixture: RegistryFixture
        let bare: String
        let directories: XDGDirectories
        let environment: [String: String]

        init(count: Int = 40) throws {
            fixture = try RegistryFixture()
            for number in 0..<count {
                try fixture.add(String(format: "projet-%03d", number))
            }
            try fixture.add("wemob", RegistryFixture.description(
                id: "wemob", name: "Wemob", summary: "Plateforme de mobilité partagée pour l’œuvre commune",
                tags: ["mobilité"], needs: [("place", "Un local pour l’atelier vélo")]))
            try fixture.add("tiers-lieu", RegistryFixture.description(
                id: "tiers-lieu", name: "Le Tiers-Lieu", summary: "Un lieu ouvert aux associations du quartier",
                offers: [("place", "Salle pour ateliers, disponible le samedi")]))
            try fixture.commit("entries")
            bare = try fixture.bareClone()
            environment = [
                "HOME": fixture.root.path("home"), "XDG_CACHE_HOME": fixture.root.path("cache"),
                "XDG_CONFIG_HOME": fixture.root.path("config"), "XDG_DATA_HOME": fixture.root.path("data"),
                "CODESOCIAL_AUTHOR": "Camille Test <camille@example.org>",
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            ]
            directories = XDGDirectories(environment: environment)
        }

        func reader() throws -> RegistryReader {
            try RegistryReader(location: RegistryLocation(bare), directories: directories, offline: false, environment: environment)
        }

        func publish(_ id: String, _ text: String) throws {
            var options = PublishOptions()
            options.environment = environment
            options.timeout = 20
            options.force = true  // the entries were committed with the git CLI, not published from this cache
            let publisher = Publisher(location: try RegistryLocation(bare), directories: directories, options: options)
            _ = try publisher.publish(PublishEntry(id: id, formatVersion: 1, contents: Data(text.utf8), sourcePath: "codesocial.yml"))
        }
    }

    @Test("after publishing one change, exactly that entry is re-indexed")
    func incrementalIndex() throws {
        let setup = try Setup()
        let first = try setup.reader().searchIndex()
        let initial = try #require(first.update)
        #expect(initial.isRebuild)
        #expect(initial.reindexed.count == 42)
        #expect(try setup.reader().searchIndex().update == nil)

        try setup.publish("projet-007", RegistryFixture.description(id: "projet-007", summary: "Apiculture urbaine et ruches partagées"))
        let reader = try setup.reader()
        let (index, update) = try reader.searchIndex()
        let change = try #require(update)
        #expect(!change.isRebuild)
        #expect(change.reindexed == ["projet-007"])
        #expect(change.removed.isEmpty)
        #expect(change.commit == reader.snapshot.commit.hex)
        #expect(try index.lastUpdate() == change)
        #expect(try index.search(SearchQuery(text: "ruches")).map(\.entry.id) == ["projet-007"])
        #expect(try index.count() == 42)
    }

    @Test("search in French: accents, apostrophes and ligatures, with filters")
    func frenchSearch() throws {
        let setup = try Setup(count: 3)
        let (index, _) = try setup.reader().searchIndex()
        #expect(try index.search(SearchQuery(text: "mobilite")).first?.entry.id == "wemob")
        #expect(try index.search(SearchQuery(text: "oeuvre")).first?.entry.id == "wemob")
        #expect(try index.search(SearchQuery(text: "l'atelier velo")).first?.entry.id == "wemob")
        #expect(try index.search(SearchQuery(text: "lieu", offers: "place")).map(\.entry.id) == ["tiers-lieu"])
        #expect(try index.search(SearchQuery(text: "lieu", needs: "place")).isEmpty)
    }

    @Test("match finds the complementary pair and explains why")
    func match() throws {
        let setup = try Setup(count: 3)
        let reader = try setup.reader()
        let (index, _) = try reader.searchIndex()
        let wemob = try #require(try index.entry(id: "wemob"))
        let matches = Matcher().matches(for: wemob, among: try index.entries())
        let first = try #require(matches.first)
        #expect(first.entry.id == "tiers-lieu")
        #expect(first.reasons.first?.code == "offers")
        #expect(first.reasons.first?.message(in: .english)
            == "offers place “Salle pour ateliers, disponible le samedi” for your need “Un local pour l’atelier vélo” (shared words: atelier)")
    }

    @Test("log lists the entry's commits; diff names the changed sections")
    func logAndDiff() throws {
        let setup = try Setup(count: 2)
        try setup.publish("wemob", RegistryFixture.description(
            id: "wemob", name: "Wemob", summary: "Plateforme de mobilité partagée pour l’œuvre commune",
            tags: ["mobilité"], needs: [("place", "Un local pour l’atelier vélo")], revenue: "Cotisations"))
        let reader = try setup.reader()
        let history = try reader.history(of: "wemob")
        #expect(history.map(\.summary) == ["publish wemob", "entries"])
        let old = try reader.description("wemob", at: history[1].id)
        let new = try reader.description("wemob")
        #expect(DescriptionDiff(from: old, to: new).messages(in: .english) == ["models.economic.revenue_streams changed"])
        #expect(try reader.description("absent") == nil)
    }
}
