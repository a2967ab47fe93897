import Foundation
import TestSupport
import Testing

/// End to end: `registry check` and the reading commands through the built binary, on real
/// registries built with the git CLI.
@Suite("codesocial registry check, list, show, search, log, diff, match — end to end")
struct RegistryCommandsTests {
    static func description(id: String, name: String, summary: String, offers: String = "[]", needs: String = "[]", revenue: String = "Adhésions") -> String {
        """
        codesocial: 1
        id: \(id)
        name: "\(name)"
        kind: project
        summary: "\(summary)"
        language: fr
        tags: [mobilité]
        models:
          artistic_cultural: {not_applicable: "Hors champ"}
          social_human: {principles: "Coopération"}
          ecological: {not_applicable: "Plus tard"}
          technological: {principles: "Logiciel libre"}
          economic: {revenue_streams: "\(revenue)"}
          legal_financial: {not_applicable: "Association de fait"}
        governance:
          maintainers: [{name: Camille}]
        catalogue:
          offers: \(offers)
          needs: \(needs)

        """
    }

    /// A work-tree registry with two complementary entries, plus isolated XDG directories.
    final class Registry {
        let root: TemporaryDirectory
        let work: String
        let environment: [String: String]

        init() throws {
            root = try TemporaryDirectory(prefix: "cs-cli-registry")
            work = root.path("registry")
            environment = [
                "XDG_CACHE_HOME": root.path("cache"), "XDG_DATA_HOME": root.path("data"),
                "XDG_CONFIG_HOME": root.path("config"), "HOME": root.path("home"), "CODESOCIAL_REGISTRY": "",
            ]
            try Shell.git("init", "-q", "-b", "main", work)
            try write(".codesocial-registry.yml", "codesocial_registry: 1\nname: Test\nlayout: sharded-2\nformats: [1]\n")
            try write("projects/we/wemob/codesocial.yml", RegistryCommandsTests.description(
                id: "wemob", name: "Wemob", summary: "Mobilité partagée pour l’œuvre commune",
                needs: "[{kind: place, text: \"Un local pour l’atelier vélo\"}]"))
            try write("projects/ti/tiers-lieu/codesocial.yml", RegistryCommandsTests.description(
                id: "tiers-lieu", name: "Le Tiers-Lieu", summary: "Un lieu ouvert au quartier",
                offers: "[{kind: place, text: \"Salle pour ateliers le samedi\"}]"))
            try commit("two entries")
        }

        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: work).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        @discardableResult
        func commit(_ message: String) throws -> String {
            try Shell.git("add", "-A", in: work)
            try Shell.git("commit", "-q", "-m", message, in: work)
            return try Shell.git("rev-parse", "HEAD", in: work).trimmed
        }

        func run(_ arguments: [String]) throws -> Shell.Output {
            try CLIRunner.run(arguments, in: work, environment: environment)
        }

        func json(_ arguments: [String]) throws -> [String: Any] {
            let output = try run(arguments)
            let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
            return object ?? [:]
        }
    }

    @Test("a good registry passes (exit 0); a stray file fails (exit 1) and is named, in text, json and github")
    func check() throws {
        let registry = try Registry()
        let good = try registry.run(["registry", "check"])
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout.contains(": 2 entries, 2 checked; 0 error(s)"))
        #expect(good.stdout.hasSuffix("— valid\n"))

        try registry.write("projects/notes.txt", "x\n")
        try registry.commit("stray")
        let text = try registry.run(["registry", "check", registry.work])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("projects/notes.txt: error: nothing but entries (projects/<xx>/<id>/codesocial.yml) may live under projects/: remove this file or move it out of projects/ [RG103 stray-file at /]\n"))
        #expect(text.stdout.hasSuffix("— invalid\n"))

        let json = try registry.json(["registry", "check", "--format", "json"])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["files"] as? Int == 3)
        let files = try #require(json["files"] as? [[String: Any]])
        let stray = try #require(files.first { $0["path"] as? String == "projects/notes.txt" })
        #expect(stray["valid"] as? Bool == false)
        let diagnostic = try #require((stray["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["rule"] as? String == "RG103")
        #expect(diagnostic["severity"] as? String == "error")
        let info = try #require(json["registry"] as? [String: Any])
        #expect(info["entries"] as? Int == 2)
        #expect((info["commit"] as? String)?.count == 40)

        let github = try registry.run(["registry", "check", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.contains("::error file=projects/notes.txt,title=RG103 stray-file::nothing but entries"))
    }

    @Test("--since reports only the change; a deleted entry is an error")
    func since() throws {
        let registry = try Registry()
        try registry.write("projects/notes.txt", "x\n")
        let base = try registry.commit("stray")
        try registry.write("projects/ve/velo/codesocial.yml", Self.description(id: "velo", name: "Vélo", summary: "Atelier"))
        try registry.commit("velo")
        let json = try registry.json(["registry", "check", "--since", base, "--format", "json"])
        #expect((json["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["projects/ve/velo/codesocial.yml"])
        #expect((json["summary"] as? [String: Any])?["errors"] as? Int == 0)

        try Shell.git("rm", "-q", "projects/ti/tiers-lieu/codesocial.yml", in: registry.work)
        let deleted = try registry.commit("delete")
        let result = try registry.run(["registry", "check", "--since", "\(deleted)~1"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("projects/ti/tiers-lieu/codesocial.yml: error: entry `tiers-lieu` was deleted; this registry does not allow removals"))
    }

    @Test("no repository: exit 7; not a registry: exit 8; unknown revision: exit 64")
    func failures() throws {
        let registry = try Registry()
        let missing = try registry.run(["registry", "check", registry.root.path("nowhere")])
        #expect(missing.status == 7)
        #expect(missing.stderr.contains("no git repository at"))
        try Shell.git("rm", "-q", ".codesocial-registry.yml", in: registry.work)
        try registry.commit("no config")
        let notRegistry = try registry.run(["registry", "check"])
        #expect(notRegistry.status == 8)
        #expect(notRegistry.stderr.contains("is not a codesocial registry: .codesocial-registry.yml is missing"))
        let badRevision = try registry.run(["registry", "check", "--since", "no-such-rev"])
        #expect(badRevision.status == 64 || badRevision.status == 8)
    }

    @Test("list, search, show, match, log and diff read the registry")
    func reading() throws {
        let registry = try Registry()
        let list = try registry.run(["list", "--registry", registry.work])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.hasPrefix("tiers-lieu  project  Le Tiers-Lieu — Un lieu ouvert au quartier\nwemob       project  Wemob — Mobilité partagée pour l’œuvre commune\n"))

        let search = try registry.json(["search", "oeuvre", "--registry", registry.work, "--format", "json"])
        let hits = try #require(search["hits"] as? [[String: Any]])
        #expect(hits.compactMap { $0["id"] as? String } == ["wemob"])
        #expect((hits.first?["matches"] as? [String])?.first?.lowercased() == "oeuvre")
        let filtered = try registry.json(["search", "mobilite", "--offers", "place", "--registry", registry.work, "--format", "json"])
        #expect((filtered["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["tiers-lieu"])

        let show = try registry.run(["show", "wemob", "--registry", registry.work, "--lang", "en"])
        #expect(show.stdout.contains("## Economic model — described\n"))
        #expect(show.stdout.contains("## Artistic and cultural model — not applicable : Hors champ\n"))
        let yaml = try registry.run(["show", "wemob", "--registry", registry.work, "--format", "yaml"])
        #expect(yaml.stdout == Self.description(id: "wemob", name: "Wemob", summary: "Mobilité partagée pour l’œuvre commune",
                                                needs: "[{kind: place, text: \"Un local pour l’atelier vélo\"}]"))
        let absent = try registry.run(["show", "absent", "--registry", registry.work])
        #expect(absent.status == 66)

        let match = try registry.run(["match", "wemob", "--registry", registry.work, "--lang", "en"])
        #expect(match.stdout.hasPrefix("1. tiers-lieu (project) — Le Tiers-Lieu  [score"))
        #expect(match.stdout.contains("   - offers place “Salle pour ateliers le samedi” for your need “Un local pour l’atelier vélo” (shared words: atelier)\n"))

        try registry.write("projects/we/wemob/codesocial.yml", Self.description(
            id: "wemob", name: "Wemob", summary: "Mobilité partagée pour l’œuvre commune",
            needs: "[{kind: place, text: \"Un local pour l’atelier vélo\"}]", revenue: "Cotisations et dons"))
        try registry.commit("wemob: revenue")
        let log = try registry.json(["log", "wemob", "--registry", registry.work, "--format", "json"])
        #expect((log["commits"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == ["wemob: revenue", "two entries"])
        let diff = try registry.run(["diff", "wemob", "--registry", registry.work, "--lang", "en"])
        #expect(diff.status == 0)
        #expect(diff.stdout.hasSuffix("  - models.economic.revenue_streams changed\n"))
    }

    @Test("two processes reading a fresh registry at once: one builds the index, both answer")
    func concurrentReaders() throws {
        let registry = try Registry()
        let results = ConcurrentResults()
        let (work, environment) = (registry.work, registry.environment)
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            results.append(Result {
                try CLIRunner.run(["search", "lieu", "--registry", work, "--format", "json"], in: work, environment: environment)
            })
        }
        let outputs = try results.all.map { try $0.get() }
        #expect(outputs.count == 3)
        for output in outputs {
            #expect(output.status == 0, "\(output)")
            #expect(output.stdout.contains("\"id\" : \"tiers-lieu\"") || output.stdout.contains("\"id\": \"tiers-lieu\""))
        }
    }
}

/// Results gathered from concurrent runs.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Shell.Output, any Error>] = []

    func append(_ result: Result<Shell.Output, any Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var all: [Result<Shell.Output, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
