import Descriptor
import Foundation
import Git
import Testing
import TestSupport
@testable import Registry

/// A warm cache publishes on its cached tip without fetching, guarded by a lease checked on the push
/// connection's advertisement (see docs/architecture.md, "Publishing without a fetch").
@Suite("Publishing from a warm cache (lease on the cached tip)")
struct PublishWarmCacheTests {
    @Test("a cache behind the registry: the lease sees it, fetches and publishes on the new tip (linear history, nothing lost)")
    func staleCache() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let location = try RegistryLocation(daemon.url("registry.git"))
        let alice = sandbox.otherUser("alice"), bob = sandbox.otherUser("bob")
        _ = try sandbox.publisher(location, environment: alice.environment, directories: alice.directories).publish(entry("wemob"))
        let bobs = try sandbox.publisher(location, environment: bob.environment, directories: bob.directories).publish(entry("autre"))
        // Alice's cache still has the tip before Bob's commit.
        let update = try sandbox.publisher(location, environment: alice.environment, directories: alice.directories)
            .publish(entry("wemob", summary: "Mise à jour"))
        #expect(update.status == .published && !update.isNew && update.attempts == 1)
        let served = daemon.path("registry.git")
        #expect(try Shell.git("--git-dir", served, "rev-parse", "main").trimmed == update.commit?.hex)
        #expect(try Shell.git("--git-dir", served, "rev-parse", "main^").trimmed == bobs.commit?.hex)
        #expect(try Shell.git("--git-dir", served, "rev-list", "--merges", "main").trimmed == "")
        let paths = try GitOracle.paths(in: served)
        #expect(paths.contains("projects/we/wemob/codesocial.yml") && paths.contains("projects/au/autre/codesocial.yml"))
        #expect(try Shell.git("--git-dir", served, "show", "main:projects/we/wemob/codesocial.yml").stdout.contains("Mise à jour"))
        let cache = alice.directories.registryCaches.appendingPathComponent(location.cacheName).path
        #expect(try Shell.git("--git-dir", cache, "rev-parse", "main").trimmed == update.commit?.hex)
        try GitOracle.fsck(served)
        try GitOracle.fsck(cache)
    }

    @Test("a registry rewound by its maintainers: the cached tip is not pushed back, the commit goes on the rewound tip")
    func rewoundRegistry() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let served = daemon.path("registry.git")
        let seed = try Shell.git("--git-dir", served, "rev-parse", "main").trimmed
        let location = try RegistryLocation(daemon.url("registry.git"))
        let publisher = sandbox.publisher(location)
        let removed = try publisher.publish(entry("retire"))
        #expect(removed.status == .published)
        // The maintainers drop that commit (main goes back to an ancestor of the cached tip).
        _ = try Shell.git("--git-dir", served, "update-ref", "refs/heads/main", seed)
        let result = try publisher.publish(entry("wemob"))
        #expect(result.status == .published)
        #expect(try Shell.git("--git-dir", served, "rev-parse", "main^").trimmed == seed)
        let paths = try GitOracle.paths(in: served)
        #expect(paths.contains("projects/we/wemob/codesocial.yml"))
        #expect(!paths.contains("projects/re/retire/codesocial.yml"))
        try GitOracle.fsck(served)
    }

    @Test("a server-side hook refusing a warm publish is reported with its reason (exit 74), nothing lands")
    func hookRejection() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let served = daemon.path("registry.git")
        let location = try RegistryLocation(daemon.url("registry.git"))
        let publisher = sandbox.publisher(location)
        _ = try publisher.publish(entry("wemob"))
        let before = try Shell.git("--git-dir", served, "rev-parse", "main").trimmed
        let hook = served + "/hooks/pre-receive"
        try "#!/bin/sh\necho 'registry frozen for the annual review' >&2\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let error = registryError { _ = try publisher.publish(entry("wemob", summary: "Mise à jour")) }
        #expect(error?.kind == .cannotWrite && error?.exitCode == 74)
        #expect(error?.message.hasPrefix("\(location.displayURL) refused the push") == true)
        #expect(error?.message.contains("registry frozen for the annual review") == true)
        // In French: the sentence is translated, the hook's own words are quoted as they are.
        let french = try #require(error?.message(in: .fr))
        #expect(french.hasPrefix("\(location.displayURL) a refusé le push : le serveur a rejeté refs/heads/main : "), "\(french)")
        #expect(french.contains("registry frozen for the annual review"))
        #expect(error?.hint(in: .fr) == "le serveur du registre ou un hook a refusé la mise à jour ; demandez à ses responsables")
        #expect(try Shell.git("--git-dir", served, "rev-parse", "main").trimmed == before)
    }

    @Test("warm publishes over smart HTTP with basic auth and over ssh:// (credentials on the lease's connection)")
    func warmOverHTTPAndSSH() throws {
        let sandbox = try PublishSandbox()
        let http = try SmartHTTPServer()
        defer { http.stop() }
        try sandbox.seedRegistry(at: try http.createRepository("registry.git"))
        var env = sandbox.environment
        env["CODESOCIAL_USERNAME"] = http.username
        env["CODESOCIAL_TOKEN"] = http.password
        let overHTTP = sandbox.publisher(try RegistryLocation(http.url("registry.git")), environment: env)
        for summary in ["un", "deux", "trois"] {
            #expect(try overHTTP.publish(entry("wemob", summary: summary)).status == .published)
        }
        #expect(try Shell.git("--git-dir", http.path("registry.git"), "show", "main:projects/we/wemob/codesocial.yml").stdout.contains("summary: trois"))
        try GitOracle.fsck(http.path("registry.git"))

        let ssh = try SSHServer()
        defer { ssh.stop() }
        try sandbox.seedRegistry(at: try ssh.createRepository("registry.git"))
        let sshEnvironment = try sandbox.sshEnvironment(for: ssh)
        let overSSH = sandbox.publisher(try RegistryLocation(ssh.url("registry.git")), environment: sshEnvironment)
        for summary in ["un", "deux", "trois"] {
            #expect(try overSSH.publish(entry("wemob", summary: summary)).status == .published)
        }
        #expect(try Shell.git("--git-dir", ssh.path("registry.git"), "show", "main:projects/we/wemob/codesocial.yml").stdout.contains("summary: trois"))
        try GitOracle.fsck(ssh.path("registry.git"))
    }
}
