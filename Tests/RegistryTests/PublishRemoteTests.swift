import Descriptor
import Foundation
import Git
import Testing
import TestSupport
@testable import Registry

@Suite("Publishing over git://, smart HTTP and ssh://")
struct PublishRemoteTests {
    @Test("git daemon: publish, update, up to date; the git CLI clones it and fsck is clean; the cache stays bare")
    func gitDaemon() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let location = try RegistryLocation(daemon.url("registry.git"))
        let publisher = sandbox.publisher(location)
        let first = try publisher.publish(entry("wemob"))
        #expect(first.status == .published && first.isNew && first.attempts == 1)
        let served = daemon.path("registry.git")
        #expect(try Shell.git("--git-dir", served, "rev-parse", "main").trimmed == first.commit?.hex)
        #expect(try GitOracle.file("projects/we/wemob/codesocial.yml", in: daemon.url("registry.git"))?.contains("id: wemob") == true)
        let second = try publisher.publish(entry("wemob", summary: "Mise à jour"))
        #expect(second.status == .published && !second.isNew)
        #expect(try publisher.publish(entry("wemob", summary: "Mise à jour")).status == .upToDate)
        // No temporary ref is left on the server or in the cache.
        #expect(try Shell.git("--git-dir", served, "for-each-ref", "--format=%(refname)").trimmed == "refs/heads/main")
        let cache = sandbox.directories.registryCaches.appendingPathComponent(location.cacheName).path
        #expect(try Shell.git("--git-dir", cache, "for-each-ref", "--format=%(refname)").trimmed == "refs/heads/main")
        #expect(try Shell.git("--git-dir", cache, "rev-parse", "--is-bare-repository").trimmed == "true")
        try GitOracle.fsck(served)
        try GitOracle.fsck(cache)
    }

    @Test("smart HTTP with basic auth from CODESOCIAL_USERNAME / CODESOCIAL_TOKEN and from the URL")
    func smartHTTP() throws {
        let sandbox = try PublishSandbox()
        let server = try SmartHTTPServer()
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        var env = sandbox.environment
        env["CODESOCIAL_USERNAME"] = server.username
        env["CODESOCIAL_TOKEN"] = server.password
        let viaEnvironment = try sandbox.publisher(try RegistryLocation(server.url("registry.git")), environment: env).publish(entry("wemob"))
        #expect(viaEnvironment.status == .published)
        #expect(!viaEnvironment.registry.contains(server.password))
        let viaURL = try sandbox.publisher(try RegistryLocation(server.urlWithCredentials("registry.git"))).publish(entry("autre"))
        #expect(viaURL.status == .published)
        #expect(!viaURL.registry.contains(server.password))
        let paths = try GitOracle.paths(in: server.path("registry.git"))
        #expect(paths.contains("projects/we/wemob/codesocial.yml") && paths.contains("projects/au/autre/codesocial.yml"))
        try GitOracle.fsck(server.path("registry.git"))
    }

    @Test("ssh:// with an ed25519 key from ~/.ssh and the host in known_hosts")
    func ssh() throws {
        let sandbox = try PublishSandbox()
        let server = try SSHServer()
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        let env = try sandbox.sshEnvironment(for: server)
        let result = try sandbox.publisher(try RegistryLocation(server.url("registry.git")), environment: env).publish(entry("wemob"))
        #expect(result.status == .published)
        #expect(try GitOracle.paths(in: server.path("registry.git")).contains("projects/we/wemob/codesocial.yml"))
        try GitOracle.fsck(server.path("registry.git"))
    }

    @Test("wrong password: authentication error (exit 4), quickly")
    func wrongPassword() throws {
        let sandbox = try PublishSandbox()
        let server = try SmartHTTPServer()
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        let started = Date()
        let error = registryError {
            _ = try sandbox.publisher(try RegistryLocation(server.urlWithCredentials("registry.git", password: "wrong"))).publish(entry("wemob"))
        }
        #expect(error?.kind == .authentication && error?.exitCode == 4)
        #expect(error?.message.hasPrefix("authentication failed for http://publisher:***@127.0.0.1:\(server.port)/git/registry.git") == true)
        #expect(error?.message.contains("wrong") == false)
        #expect(error?.hint?.contains("CODESOCIAL_TOKEN") == true)
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test("unknown SSH host key: host key error (exit 5) with a hint")
    func unknownHostKey() throws {
        let sandbox = try PublishSandbox()
        let server = try SSHServer()
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        let env = try sandbox.sshEnvironment(for: server, knownHosts: server.emptyKnownHostsFile)
        let error = registryError {
            _ = try sandbox.publisher(try RegistryLocation(server.url("registry.git")), environment: env).publish(entry("wemob"))
        }
        #expect(error?.kind == .hostKey && error?.exitCode == 5)
        #expect(error?.message.contains("127.0.0.1") == true)
        #expect(error?.hint != nil)
        // The same failure in French: the Git module's sentence and its ssh-keyscan hint.
        let url = try RegistryLocation(server.url("registry.git")).displayURL
        let french = try #require(error?.message(in: .fr))
        #expect(french.hasPrefix("\(url) : l'hôte SSH [127.0.0.1]:\(server.port) n'est pas dans "), "\(french)")
        #expect(french.contains("(empreinte de sa clé ssh-ed25519 : SHA256:"), "\(french)")
        #expect(error?.hint(in: .fr)?.hasPrefix("vérifiez l'empreinte auprès de l'administrateur du serveur, puis ajoutez la clé : ssh-keyscan -p \(server.port) 127.0.0.1 >> ") == true,
                "\(String(describing: error?.hint(in: .fr)))")
    }

    @Test("server down: network error (exit 6) within the timeout")
    func serverDown() throws {
        let sandbox = try PublishSandbox()
        let port = try LoopbackPort.free()
        let started = Date()
        let error = registryError {
            _ = try sandbox.publisher(try RegistryLocation("git://127.0.0.1:\(port)/registry.git")) { $0.timeout = 5 }.publish(entry("wemob"))
        }
        #expect(error?.kind == .network && error?.exitCode == 6)
        #expect(error?.message.hasPrefix("cannot reach git://127.0.0.1:\(port)/registry.git") == true)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("missing repository: registry not found (exit 7); an empty repository is not a registry (exit 8)")
    func missingRepository() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        let missing = registryError { _ = try sandbox.publisher(try RegistryLocation(daemon.url("nothing.git"))).publish(entry("wemob")) }
        #expect(missing?.kind == .notFound && missing?.exitCode == 7)
        #expect(missing?.message.hasPrefix("no registry at \(daemon.url("nothing.git"))") == true)
        try daemon.createRepository("empty.git")
        let empty = registryError { _ = try sandbox.publisher(try RegistryLocation(daemon.url("empty.git"))).publish(entry("wemob")) }
        #expect(empty?.kind == .notARegistry && empty?.exitCode == 8)
    }

    @Test("concurrent edits of one entry by two users over git://: one lands, the other gets the conflict")
    func concurrentConflict() async throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let location = try RegistryLocation(daemon.url("registry.git"))
        let users = [sandbox.otherUser("alice"), sandbox.otherUser("bob")]
        for user in users {  // both have seen version 1
            _ = try sandbox.publisher(location, environment: user.environment, directories: user.directories).publish(entry("wemob"))
        }
        let outcomes = await withTaskGroup(of: RegistryError?.self) { group in
            for (index, user) in users.enumerated() {
                let publisher = sandbox.publisher(location, environment: user.environment, directories: user.directories)
                group.addTask { registryError { _ = try publisher.publish(entry("wemob", summary: "édition \(index)")) } }
            }
            var all: [RegistryError?] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.compactMap { $0 }.map(\.kind) == [.conflict])
        try GitOracle.fsck(daemon.path("registry.git"))
    }

    @Test("a damaged cache is rebuilt once; leftover temporary packs are removed")
    func cacheRebuild() throws {
        let sandbox = try PublishSandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let location = try RegistryLocation(daemon.url("registry.git"))
        _ = try sandbox.publisher(location).publish(entry("wemob"))
        let cache = sandbox.directories.registryCaches.appendingPathComponent(location.cacheName)
        // An interrupted fetch leaves a temporary pack; a lost pack leaves main pointing nowhere.
        let pack = cache.appendingPathComponent("objects/pack")
        try Data("partial".utf8).write(to: pack.appendingPathComponent("pack_git2_interrupted"))
        let old = Date().addingTimeInterval(-3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: pack.appendingPathComponent("pack_git2_interrupted").path)
        let kept = try RegistryCache(location: location, directories: sandbox.directories, timeout: 5)
        #expect(kept.removedStaleFiles.contains { $0.hasSuffix("pack_git2_interrupted") })
        #expect(!kept.wasRebuilt)
        kept.close()
        for name in try FileManager.default.contentsOfDirectory(atPath: pack.path) { try FileManager.default.removeItem(at: pack.appendingPathComponent(name)) }
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("objects").path) where name.count == 2 {
            try FileManager.default.removeItem(at: cache.appendingPathComponent("objects/\(name)"))
        }
        let result = try sandbox.publisher(location).publish(entry("wemob", summary: "après réparation"))
        #expect(result.status == .published && result.rebuiltCache)
        try GitOracle.fsck(cache.path)
        try GitOracle.fsck(daemon.path("registry.git"))
    }
}

@Suite("Publishing over ssh with an explicit key and an scp-like address")
struct PublishSSHOptionsTests {
    @Test("--ssh-key with no key in ~/.ssh, and user@host:path addresses (port from ~/.ssh is not needed: ssh:// keeps it)")
    func explicitKey() throws {
        let sandbox = try PublishSandbox()
        let server = try SSHServer()
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        var env = try sandbox.sshEnvironment(for: server)
        try FileManager.default.removeItem(atPath: sandbox.root.path("home/.ssh/id_ed25519"))
        let location = try RegistryLocation(server.url("registry.git"))
        let withoutKey = registryError { _ = try sandbox.publisher(location, environment: env).publish(entry("wemob")) }
        #expect(withoutKey?.kind == .authentication && withoutKey?.exitCode == 4)
        #expect(withoutKey?.hint?.contains("--ssh-key") == true)
        env["HOME"] = sandbox.root.path("home")
        let result = try sandbox.publisher(location, environment: env) { $0.sshKey = server.clientKey }.publish(entry("wemob"))
        #expect(result.status == .published)
        #expect(try GitOracle.paths(in: server.path("registry.git")).contains("projects/we/wemob/codesocial.yml"))
        let scp = try RegistryLocation("\(server.user)@127.0.0.1:\(server.path("registry.git"))")
        #expect(scp.transport == .ssh)
        #expect(scp.cacheName.hasPrefix("127.0.0.1-"))
    }
}
