import Foundation
import Git
import TestSupport
@testable import Registry

/// A registry built with the `git` CLI in a temporary directory: a work tree on `main`
/// (a bare clone is one call away), for the registry check and reading tests.
final class RegistryFixture {
    let root: TemporaryDirectory
    /// The work tree.
    let work: String

    static let config = """
    codesocial_registry: 1
    name: "Registre de test"
    layout: sharded-2
    formats: [1]

    """

    init(config: String = RegistryFixture.config) throws {
        root = try TemporaryDirectory(prefix: "cs-registry-check")
        work = root.path("registry")
        try Shell.git("init", "-q", "-b", "main", work)
        try write(RegistryLayout.configPath, config)
        try write("projects/.gitkeep", "")
        try write("README.md", "# Registre\n")
        try commit("initial registry")
    }

    /// Writes a file in the work tree (creating directories).
    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: work).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes an entry at its canonical path (or `path`).
    func add(_ id: String, at path: String? = nil, _ text: String? = nil) throws {
        try write(path ?? RegistryLayout.sharded.path(for: id), text ?? Self.description(id: id))
    }

    /// Stages everything and commits; returns the commit id.
    @discardableResult
    func commit(_ message: String) throws -> String {
        try Shell.git("add", "-A", in: work)
        try Shell.git("commit", "-q", "--allow-empty", "-m", message, in: work)
        return try Shell.git("rev-parse", "HEAD", in: work).trimmed
    }

    /// `git` in the work tree.
    @discardableResult
    func git(_ arguments: String...) throws -> Shell.Output {
        try Shell.run(["git"] + arguments, in: work, environment: Shell.gitEnvironment)
    }

    /// A bare clone of the registry (what a server or a cache holds).
    func bareClone() throws -> String {
        let path = root.path("bare-\(UUID().uuidString.prefix(6)).git")
        try Shell.git("clone", "-q", "--bare", work, path)
        return path
    }

    /// A valid description (warnings allowed).
    static func description(
        id: String, name: String? = nil, summary: String = "Un projet coopératif.", tags: [String] = [],
        offers: [(String, String)] = [], needs: [(String, String)] = [], relations: [(String, String)] = [],
        revenue: String = "Adhésions et dons", version: Int = 1
    ) -> String {
        func list(_ items: [(String, String)]) -> String {
            items.isEmpty ? " []" : "\n" + items.map { "    - kind: \($0.0)\n      text: \"\($0.1)\"" }.joined(separator: "\n")
        }
        var text = """
        codesocial: \(version)
        id: \(id)
        name: "\(name ?? id)"
        kind: project
        summary: "\(summary)"
        language: fr
        tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]
        models:
          artistic_cultural:
            not_applicable: "Hors du champ du projet"
          social_human:
            principles: "Coopération et entraide"
          ecological:
            not_applicable: "Pas encore travaillé"
          technological:
            principles: "Logiciels libres"
          economic:
            revenue_streams: "\(revenue)"
          legal_financial:
            not_applicable: "Association de fait"
        governance:
          maintainers:
            - name: "Camille"
        catalogue:
          offers:\(list(offers))
          needs:\(list(needs))

        """
        if !relations.isEmpty {
            text += "relations:\n" + relations.map { "  - id: \($0.0)\n    kind: \($0.1)" }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
