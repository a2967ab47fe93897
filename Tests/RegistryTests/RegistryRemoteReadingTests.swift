import Catalog
import Foundation
import Git
import Testing
import TestSupport
@testable import Registry

@Suite("Reading and checking a remote registry over git://")
struct RegistryRemoteReadingTests {
    @Test("the reader fetches into the cache, then works offline; registry check reads a URL")
    func gitDaemon() throws {
        let fixture = try RegistryFixture()
        try fixture.add("wemob", RegistryFixture.description(id: "wemob", summary: "Mobilité partagée"))
        try fixture.add("velo", RegistryFixture.description(id: "velo"))
        try fixture.commit("two entries")
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        let served = try daemon.createRepository("registry.git")
        try Shell.git("push", "-q", "--force", served, "main:main", in: fixture.work)
        let environment = [
            "HOME": fixture.root.path("home"), "XDG_CACHE_HOME": fixture.root.path("cache"),
            "XDG_CONFIG_HOME": fixture.root.path("config"), "XDG_DATA_HOME": fixture.root.path("data"),
        ]
        let directories = XDGDirectories(environment: environment)
        let location = try RegistryLocation(daemon.url("registry.git"))

        let offlineFirst = #expect(throws: RegistryError.self) {
            _ = try RegistryReader(location: location, directories: directories, offline: true, environment: environment)
        }
        #expect(offlineFirst?.kind == .notFound)

        do {
            let reader = try RegistryReader(location: location, directories: directories, offline: false, timeout: 20, environment: environment)
            let (index, update) = try reader.searchIndex()
            #expect(update?.isRebuild == true)
            #expect(try index.search(SearchQuery(text: "mobilite")).map(\.entry.id) == ["wemob"])
            #expect(reader.snapshot.commit.hex == (try fixture.git("rev-parse", "HEAD").trimmed))
        }

        try fixture.add("nouveau", RegistryFixture.description(id: "nouveau", summary: "Apiculture"))
        let tip = try fixture.commit("one more")
        try Shell.git("push", "-q", served, "main:main", in: fixture.work)
        do {
            let offline = try RegistryReader(location: location, directories: directories, offline: true, environment: environment)
            #expect(offline.snapshot.commit.hex != tip)
        }
        do {  // a reader holds the cache's lock until released
            let reader = try RegistryReader(location: location, directories: directories, offline: false, timeout: 20, environment: environment)
            #expect(reader.snapshot.commit.hex == tip)
            let update = try #require(try reader.searchIndex().update)
            #expect(update.reindexed == ["nouveau"])
        }

        let (snapshot, cache) = try RegistrySnapshot.remote(
            location: location, directories: directories, offline: false, timeout: 20, environment: environment)
        defer { cache.close() }
        let report = try RegistryChecker(options: .init(language: .en, jobs: 2)).check(snapshot)
        #expect(report.entriesChecked == 3)
        #expect(report.errorCount == 0)
    }

    @Test("an unreachable registry is a network error, a missing one not found")
    func failures() throws {
        let fixture = try RegistryFixture()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        let environment = ["HOME": fixture.root.path("home"), "XDG_CACHE_HOME": fixture.root.path("cache")]
        let missing = #expect(throws: RegistryError.self) {
            _ = try RegistryReader(location: RegistryLocation(daemon.url("nothing.git")), directories: XDGDirectories(environment: environment),
                                   offline: false, timeout: 10, environment: environment)
        }
        #expect(missing?.exitCode == 7)
    }
}
