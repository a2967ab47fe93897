import Foundation
import Descriptor
import Git
import Registry
import TestSupport

/// Helpers shared by the publish tests: temporary XDG directories, entries, and the git CLI as oracle.
struct PublishSandbox {
    let root: TemporaryDirectory
    let environment: [String: String]
    let directories: XDGDirectories

    init() throws {
        root = try TemporaryDirectory(prefix: "cs-publish")
        environment = [
            "HOME": root.path("home"),
            "XDG_CONFIG_HOME": root.path("config"),
            "XDG_DATA_HOME": root.path("data"),
            "XDG_CACHE_HOME": root.path("cache"),
            "CODESOCIAL_AUTHOR": "Camille Test <camille@example.org>",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
        ]
        directories = XDGDirectories(environment: environment)
    }

    /// Another user on the same machine: separate caches (and so separate memory of what they saw).
    func otherUser(_ name: String) -> (environment: [String: String], directories: XDGDirectories) {
        var env = environment
        env["XDG_CACHE_HOME"] = root.path("cache-\(name)")
        env["CODESOCIAL_AUTHOR"] = "\(name) <\(name)@example.org>"
        return (env, XDGDirectories(environment: env))
    }

    func publisher(_ location: RegistryLocation, environment: [String: String]? = nil, directories: XDGDirectories? = nil,
                   configure: (inout PublishOptions) -> Void = { _ in }) -> Publisher {
        var options = PublishOptions()
        options.environment = environment ?? self.environment
        options.timeout = 20
        configure(&options)
        return Publisher(location: location, directories: directories ?? self.directories, options: options)
    }

    /// A bare registry made by `registry init`.
    func makeRegistry(_ name: String = "registry.git") throws -> String {
        let path = root.path(name)
        try RegistryInitializer.create(at: path, bare: true)
        return path
    }
}

/// A small description for `id` (publishing does not validate at this level).
func entry(_ id: String, summary: String = "Un projet") -> PublishEntry {
    let text = """
    codesocial: 1
    id: \(id)
    name: \(id)
    kind: project
    summary: \(summary)
    language: fr

    """
    return PublishEntry(id: id, formatVersion: 1, contents: Data(text.utf8), sourcePath: "codesocial.yml")
}

/// The git CLI's view of a registry: clone it, read an entry, and fsck it.
enum GitOracle {
    /// Clones `url` into a temporary directory and returns the file at `path` on main (nil when absent).
    static func file(_ path: String, in url: String) throws -> String? {
        let clone = try TemporaryDirectory(prefix: "cs-oracle")
        try Shell.git("clone", "-q", "--branch", "main", url, clone.path("c"))
        return try? String(contentsOfFile: clone.path("c/\(path)"), encoding: .utf8)
    }

    /// Paths on main of the repository at `gitDirectory`.
    static func paths(in gitDirectory: String) throws -> [String] {
        try Shell.git("--git-dir", gitDirectory, "ls-tree", "-r", "--name-only", "main").trimmed
            .split(separator: "\n").map(String.init)
    }

    /// `git fsck --strict` output (throws when it fails).
    @discardableResult
    static func fsck(_ gitDirectory: String) throws -> Shell.Output {
        try Shell.git("--git-dir", gitDirectory, "fsck", "--strict", "--no-dangling")
    }
}

extension PublishSandbox {
    /// Fills the empty bare repository at `path` (served by a test server) with a registry made by
    /// `registry init`, pushed with the git CLI.
    func seedRegistry(at path: String) throws {
        let seed = root.path("seed-\(UUID().uuidString.prefix(8)).git")
        try RegistryInitializer.create(at: seed, bare: true)
        try Shell.git("--git-dir", seed, "push", "-q", path, "main:main")
    }

    /// The environment with an SSH identity and known_hosts for `server` in `$HOME/.ssh`.
    func sshEnvironment(for server: SSHServer, knownHosts: String? = nil) throws -> [String: String] {
        var env = environment
        let ssh = root.path("home/.ssh")
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: ssh + "/known_hosts")
        try FileManager.default.copyItem(atPath: knownHosts ?? server.knownHostsFile, toPath: ssh + "/known_hosts")
        try? FileManager.default.removeItem(atPath: ssh + "/id_ed25519")
        try FileManager.default.copyItem(atPath: server.clientKey, toPath: ssh + "/id_ed25519")
        env["SSH_AUTH_SOCK"] = ""
        return env
    }
}

/// Runs `body` and returns the registry error it threw (nil when it did not throw).
func registryError(_ body: () throws -> Void) -> RegistryError? {
    do { try body(); return nil } catch let error as RegistryError { return error } catch { return RegistryError(.internalError, Localized(verbatim: "\(error)")) }
}
