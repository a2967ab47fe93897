import Foundation
import TestSupport

/// A temporary home for end-to-end publish tests: XDG directories, descriptions, and helpers to
/// run many `codesocial publish` processes at once.
struct PublishCLISandbox {
    let root: TemporaryDirectory

    init() throws { root = try TemporaryDirectory(prefix: "cs-publish-cli") }

    /// The environment of user `user` (its own cache unless `cache` names a shared one).
    func environment(user: String = "camille", cache: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "HOME": root.path("home"),
            "XDG_CONFIG_HOME": root.path("config"),
            "XDG_DATA_HOME": root.path("data"),
            "XDG_CACHE_HOME": root.path("cache-\(cache ?? user)"),
            "CODESOCIAL_AUTHOR": "\(user) <\(user)@example.org>",
            "CODESOCIAL_REGISTRY": "",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "SSH_AUTH_SOCK": "",
        ]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Writes a valid description of `id` and returns its path.
    @discardableResult
    func description(_ id: String, summary: String = "Un projet coopératif", in folder: String? = nil) throws -> String {
        try root.write(Self.text(id, summary: summary), to: "\(folder ?? id)/codesocial.yml")
    }

    static func text(_ id: String, summary: String) -> String {
        """
        codesocial: 1
        id: \(id)
        name: "Projet \(id)"
        kind: project
        summary: "\(summary)"
        language: fr
        licence: CC-BY-SA-4.0
        models:
          artistic_cultural: {not_applicable: "pas encore"}
          social_human: {not_applicable: "pas encore"}
          ecological: {not_applicable: "pas encore"}
          technological: {not_applicable: "pas encore"}
          economic: {not_applicable: "pas encore"}
          legal_financial: {not_applicable: "pas encore"}
        governance:
          maintainers:
            - name: Camille
              email: camille@example.org

        """
    }

    /// Fills the empty bare repository at `path` with a registry made by `codesocial registry init`.
    func seedRegistry(at path: String) throws {
        let seed = root.path("seed-\(UUID().uuidString.prefix(8)).git")
        let made = try CLIRunner.run(["registry", "init", seed, "--bare"], environment: environment())
        guard made.status == 0 else { throw SandboxError(description: "registry init failed: \(made)") }
        try Shell.git("--git-dir", seed, "push", "-q", path, "main:main")
    }

    /// Runs `codesocial` with `arguments` in `count` processes at once; returns their outputs in order.
    func concurrently(_ count: Int, _ make: @escaping @Sendable (Int) -> (arguments: [String], environment: [String: String])) async throws -> [Shell.Output] {
        try await withThrowingTaskGroup(of: (Int, Shell.Output).self) { group in
            for index in 0..<count {
                let (arguments, environment) = make(index)
                group.addTask { (index, try CLIRunner.run(arguments, environment: environment)) }
            }
            var outputs = [Shell.Output?](repeating: nil, count: count)
            for try await (index, output) in group { outputs[index] = output }
            return outputs.compactMap { $0 }
        }
    }
}

/// The files on `main` of the repository at `gitDirectory`, as the git CLI lists them.
func registryPaths(_ gitDirectory: String) throws -> Set<String> {
    Set(try Shell.git("--git-dir", gitDirectory, "ls-tree", "-r", "--name-only", "main").trimmed.split(separator: "\n").map(String.init))
}

/// A fixture step failed.
struct SandboxError: Error, CustomStringConvertible {
    var description: String
}
