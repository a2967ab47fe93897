import Foundation
import Git
import Testing
import TestSupport
@testable import Registry

@Suite("Publishing into a local registry")
struct PublishLocalTests {
    @Test("publish into a bare registry path: the git CLI finds the file at its sharded path, fsck is clean")
    func publishPath() throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let location = try RegistryLocation(registry)
        let result = try sandbox.publisher(location).publish(entry("wemob"))
        #expect(result.status == .published)
        #expect(result.path == "projects/we/wemob/codesocial.yml")
        #expect(result.isNew)
        #expect(result.attempts == 1)
        let commit = try #require(result.commit)
        #expect(try Shell.git("--git-dir", registry, "rev-parse", "main").trimmed == commit.hex)
        let file = try #require(try GitOracle.file("projects/we/wemob/codesocial.yml", in: registry))
        #expect(file.contains("id: wemob"))
        #expect(try Shell.git("--git-dir", registry, "log", "-1", "--format=%an <%ae>|%s", "main").trimmed
                == "Camille Test <camille@example.org>|publish wemob")
        #expect(try Shell.git("--git-dir", registry, "rev-list", "--count", "main").trimmed == "2")
        try GitOracle.fsck(registry)
    }

    @Test("file:// URLs publish in place too")
    func publishFileURL() throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let result = try sandbox.publisher(try RegistryLocation("file://" + registry)).publish(entry("tiers-lieu"))
        #expect(result.status == .published)
        #expect(try GitOracle.paths(in: registry).contains("projects/ti/tiers-lieu/codesocial.yml"))
        try GitOracle.fsck(registry)
    }

    @Test("the same content twice is already up to date: no second commit")
    func upToDate() throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let publisher = sandbox.publisher(try RegistryLocation(registry))
        let first = try publisher.publish(entry("wemob"))
        let second = try publisher.publish(entry("wemob"))
        #expect(second.status == .upToDate)
        #expect(second.commit == first.commit)
        #expect(try Shell.git("--git-dir", registry, "rev-list", "--count", "main").trimmed == "2")
    }

    @Test("an update by the same user lands; a dry run writes nothing")
    func updateAndDryRun() throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let publisher = sandbox.publisher(try RegistryLocation(registry))
        _ = try publisher.publish(entry("wemob"))
        let updated = try publisher.publish(entry("wemob", summary: "Mobilité partagée"))
        #expect(updated.status == .published && !updated.isNew)
        let objectsBefore = try Shell.git("--git-dir", registry, "count-objects").trimmed
        let tipBefore = try Shell.git("--git-dir", registry, "rev-parse", "main").trimmed
        let dry = try sandbox.publisher(try RegistryLocation(registry)) { $0.dryRun = true }
            .publish(entry("wemob", summary: "Encore autre chose"))
        #expect(dry.status == .dryRun && dry.commit == nil && dry.message == "publish wemob")
        #expect(try Shell.git("--git-dir", registry, "rev-parse", "main").trimmed == tipBefore)
        #expect(try Shell.git("--git-dir", registry, "count-objects").trimmed == objectsBefore)
        let file = try #require(try GitOracle.file("projects/we/wemob/codesocial.yml", in: registry))
        #expect(file.contains("Mobilité partagée"))
    }

    @Test("someone else's change to the entry is a conflict naming who and when; --force replaces it")
    func conflict() throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let location = try RegistryLocation(registry)
        let alice = sandbox.otherUser("alice")
        let bob = sandbox.otherUser("bob")
        _ = try sandbox.publisher(location, environment: alice.environment, directories: alice.directories).publish(entry("wemob"))
        // Bob has seen the same version (publishing identical content records it).
        let seen = try sandbox.publisher(location, environment: bob.environment, directories: bob.directories).publish(entry("wemob"))
        #expect(seen.status == .upToDate)
        _ = try sandbox.publisher(location, environment: alice.environment, directories: alice.directories)
            .publish(entry("wemob", summary: "Version d'Alice"))
        #expect {
            _ = try sandbox.publisher(location, environment: bob.environment, directories: bob.directories)
                .publish(entry("wemob", summary: "Version de Bob"))
        } throws: { error in
            guard let error = error as? RegistryError else { return false }
            return error.kind == .conflict && error.exitCode == 3
                && error.message.contains("projects/we/wemob/codesocial.yml was changed in \(registry) by alice <alice@example.org> on ")
                && error.message.contains("\"publish wemob\"")
                && error.hint?.contains("--force") == true
        }
        let file = try #require(try GitOracle.file("projects/we/wemob/codesocial.yml", in: registry))
        #expect(file.contains("Version d'Alice"))
        let forced = try sandbox.publisher(location, environment: bob.environment, directories: bob.directories) { $0.force = true }
            .publish(entry("wemob", summary: "Version de Bob"))
        #expect(forced.status == .published)
    }

    @Test("an id already taken by someone else is a conflict")
    func idTaken() throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let location = try RegistryLocation(registry)
        let alice = sandbox.otherUser("alice")
        _ = try sandbox.publisher(location, environment: alice.environment, directories: alice.directories).publish(entry("wemob"))
        #expect {
            _ = try sandbox.publisher(location).publish(entry("wemob", summary: "Un autre projet"))
        } throws: { error in
            (error as? RegistryError)?.message.hasPrefix("conflict: the id `wemob` is already taken in \(registry)") == true
        }
    }

    @Test("missing registry, plain directory, work tree with main checked out, registry refusing the format")
    func refusals() throws {
        let sandbox = try PublishSandbox()
        func kind(_ location: RegistryLocation, _ entry: PublishEntry = entry("wemob")) -> RegistryError? {
            do { _ = try sandbox.publisher(location).publish(entry); return nil } catch { return error }
        }
        let missing = kind(try RegistryLocation(sandbox.root.path("nowhere.git")))
        #expect(missing?.kind == .notFound && missing?.exitCode == 7)
        #expect(missing?.message == "no registry at \(sandbox.root.path("nowhere.git"))")
        let workTree = sandbox.root.path("worktree")
        try RegistryInitializer.create(at: workTree, bare: false)
        #expect(FileManager.default.fileExists(atPath: workTree + "/GOVERNANCE.md"))
        #expect(try Shell.git("-C", workTree, "status", "--porcelain").trimmed.isEmpty)
        #expect(kind(try RegistryLocation(workTree))?.kind == .cannotWrite)
        let plain = sandbox.root.path("plain.git")
        try Shell.git("init", "-q", "--bare", "-b", "main", plain)
        #expect(kind(try RegistryLocation(plain))?.kind == .notARegistry)
        let registry = try sandbox.makeRegistry()
        var future = entry("wemob")
        future.formatVersion = 2
        let refused = kind(try RegistryLocation(registry), future)
        #expect(refused?.exitCode == 8)
        #expect(refused?.message.contains("does not accept format version 2") == true)
    }

    @Test("the default registry is created from the template on first use, once")
    func defaultRegistry() throws {
        let sandbox = try PublishSandbox()
        let location = RegistryLocation.defaultRegistry(sandbox.directories)
        let first = try sandbox.publisher(location).publish(entry("wemob"))
        #expect(first.createdDefaultRegistry)
        let second = try sandbox.publisher(location).publish(entry("autre"))
        #expect(!second.createdDefaultRegistry)
        let path = sandbox.directories.defaultRegistry.path
        let paths = try GitOracle.paths(in: path)
        #expect(paths.contains(".codesocial-registry.yml") && paths.contains("projects/we/wemob/codesocial.yml")
                && paths.contains("projects/au/autre/codesocial.yml"))
        try GitOracle.fsck(path)
    }

    @Test("concurrent publishers in one process, different entries: none is lost")
    func concurrentInProcess() async throws {
        let sandbox = try PublishSandbox()
        let registry = try sandbox.makeRegistry()
        let location = try RegistryLocation(registry)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                let user = sandbox.otherUser("user\(index)")
                let publisher = sandbox.publisher(location, environment: user.environment, directories: user.directories)
                group.addTask { _ = try publisher.publish(entry("projet-\(index)")) }
            }
            try await group.waitForAll()
        }
        let paths = try GitOracle.paths(in: registry)
        for index in 0..<8 { #expect(paths.contains("projects/pr/projet-\(index)/codesocial.yml")) }
        try GitOracle.fsck(registry)
    }
}

@Suite("Publishing: dry runs and cache size")
struct PublishHygieneTests {
    @Test("a dry run before the default registry exists creates nothing and says it would create it")
    func dryRunDefault() throws {
        let sandbox = try PublishSandbox()
        let location = RegistryLocation.defaultRegistry(sandbox.directories)
        let result = try sandbox.publisher(location) { $0.dryRun = true }.publish(entry("wemob"))
        #expect(result.status == .dryRun && result.createdDefaultRegistry && result.isNew)
        #expect(result.path == "projects/we/wemob/codesocial.yml")
        #expect(result.registry == sandbox.directories.defaultRegistry.path)
        #expect(!FileManager.default.fileExists(atPath: sandbox.directories.defaultRegistry.path))
        #expect(!FileManager.default.fileExists(atPath: sandbox.directories.registryCaches.path))
    }

    @Test("the cache's pack count stays bounded while others keep publishing")
    func packCountBounded() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let location = try RegistryLocation(daemon.url("registry.git"))
        let other = sandbox.otherUser("other")
        let cache = sandbox.directories.registryCaches.appendingPathComponent(location.cacheName)
        for round in 0..<(RegistryCache.maximumPacks + 4) {
            // Someone else publishes, so our next fetch brings a new pack into our cache.
            _ = try sandbox.publisher(location, environment: other.environment, directories: other.directories)
                .publish(entry("autre-\(round)"))
            _ = try sandbox.publisher(location).publish(entry("wemob", summary: "tour \(round)"))
            let packs = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("objects/pack").path)
                .filter { $0.hasSuffix(".pack") }
            #expect(packs.count <= RegistryCache.maximumPacks, "round \(round): \(packs.count) packs")
        }
        try GitOracle.fsck(cache.path)
        #expect(try GitOracle.paths(in: daemon.path("registry.git")).contains("projects/we/wemob/codesocial.yml"))
    }
}
