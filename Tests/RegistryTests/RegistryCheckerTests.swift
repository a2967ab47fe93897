import Descriptor
import Foundation
import Git
import Testing
import TestSupport
@testable import Registry

@Suite("registry check")
struct RegistryCheckerTests {
    func check(_ path: String, since: String? = nil) throws -> RegistryCheckReport {
        try RegistryChecker(options: .init(since: since, language: .en, jobs: 2)).check(RegistrySnapshot(path: path))
    }

    func diagnostics(_ report: RegistryCheckReport, _ path: String) -> [Diagnostic] {
        report.files.first { $0.path == path }?.diagnostics ?? []
    }

    func goodRegistry() throws -> RegistryFixture {
        let registry = try RegistryFixture()
        try registry.add("wemob")
        try registry.add("tiers-lieu", RegistryFixture.description(id: "tiers-lieu", relations: [("wemob", "partner")]))
        try registry.add("ab")
        try registry.commit("three entries")
        return registry
    }

    @Test("a registry of good entries passes, as a work tree and as a bare repository")
    func goodRegistryPasses() throws {
        let registry = try goodRegistry()
        for path in [registry.work, try registry.bareClone()] {
            let report = try check(path)
            #expect(report.errorCount == 0, "\(report.files.flatMap(\.diagnostics))")
            #expect(report.passes(strict: false))
            #expect(report.entriesChecked == 3)
            #expect(report.entriesInRegistry == 3)
            #expect(report.files.map(\.path) == [
                "projects/ab/ab/codesocial.yml", "projects/ti/tiers-lieu/codesocial.yml", "projects/we/wemob/codesocial.yml",
            ])
        }
    }

    @Test("an entry in the wrong shard fails and names the file and where it belongs")
    func wrongShard() throws {
        let registry = try goodRegistry()
        try registry.add("velo", at: "projects/ve/velo/codesocial.yml")
        try registry.add("mobil", at: "projects/xx/mobil/codesocial.yml")
        try registry.commit("misplaced")
        let report = try check(registry.work)
        let found = diagnostics(report, "projects/xx/mobil/codesocial.yml")
        #expect(found.map(\.rule) == ["RG101"])
        #expect(found.first?.message == "entry `mobil` is in the wrong shard directory: it belongs at projects/mo/mobil/codesocial.yml")
        #expect(!report.passes(strict: false))
        #expect(diagnostics(report, "projects/ve/velo/codesocial.yml").allSatisfy { $0.severity == .warning && $0.rule.hasPrefix("CS2") })
    }

    @Test("an id that does not match the path fails at the id's line and column")
    func idPathMismatch() throws {
        let registry = try goodRegistry()
        try registry.add("velo", RegistryFixture.description(id: "bicyclette"))
        try registry.commit("mismatch")
        let found = diagnostics(try check(registry.work), "projects/ve/velo/codesocial.yml")
        let mismatch = try #require(found.first { $0.rule == "RG102" })
        #expect(mismatch.ruleName == "id-path-mismatch")
        #expect(mismatch.line == 2)
        #expect(mismatch.column == 5)
        #expect(mismatch.message.contains("an entry `bicyclette` belongs at projects/bi/bicyclette/codesocial.yml"))
    }

    @Test("a stray file under projects/ fails; files elsewhere are fine")
    func strayFile() throws {
        let registry = try goodRegistry()
        try registry.write("projects/we/wemob/notes.txt", "notes\n")
        try registry.write("projects/README.md", "x\n")
        try registry.write("docs/guide.md", "guide\n")
        try registry.commit("stray")
        let report = try check(registry.work)
        #expect(diagnostics(report, "projects/we/wemob/notes.txt").map(\.rule) == ["RG103"])
        #expect(diagnostics(report, "projects/README.md").map(\.rule) == ["RG103"])
        #expect(diagnostics(report, "docs/guide.md").isEmpty)
        #expect(report.errorCount == 2)
    }

    @Test("symbolic links, executable bits and files over 256 KiB fail")
    func fileRules() throws {
        let registry = try goodRegistry()
        try FileManager.default.createSymbolicLink(atPath: registry.work + "/link.yml", withDestinationPath: "README.md")
        try registry.write("tools/run.sh", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: registry.work + "/tools/run.sh")
        let big = RegistryFixture.description(id: "gros") + "x-padding: \"" + String(repeating: "a", count: 270 * 1024) + "\"\n"
        try registry.add("gros", big)
        try registry.commit("bad files")
        let report = try check(registry.work)
        #expect(diagnostics(report, "link.yml").map(\.rule) == ["RG104"])
        #expect(diagnostics(report, "tools/run.sh").map(\.rule) == ["RG106"])
        let oversized = diagnostics(report, "projects/gr/gros/codesocial.yml")
        #expect(oversized.map(\.rule) == ["RG107"])
        #expect(oversized.first?.message.hasPrefix("file of 2") == true)
    }

    @Test("broken YAML committed by raw git fails with the loader's diagnostic and position")
    func brokenYAML() throws {
        let registry = try goodRegistry()
        try registry.add("casse", "codesocial: 1\nid: casse\nname: [oops\n")
        try registry.commit("broken")
        let found = diagnostics(try check(registry.work), "projects/ca/casse/codesocial.yml")
        let first = try #require(found.first)
        #expect(first.severity == .error)
        #expect(first.rule.hasPrefix("CS0"))
        #expect(first.line != nil)
    }

    @Test("relations to missing entries are warnings; ids differing only by case or shard are errors")
    func crossEntry() throws {
        let registry = try goodRegistry()
        try registry.add("velo", RegistryFixture.description(id: "velo", relations: [("wemob", "partner"), ("fantome", "uses")]))
        try registry.add("wemob", at: "projects/xx/wemob/codesocial.yml")
        try registry.commit("cross")
        let report = try check(registry.work)
        let relation = try #require(diagnostics(report, "projects/ve/velo/codesocial.yml").first { $0.rule == "RG202" })
        #expect(relation.severity == .warning)
        #expect(relation.instanceLocation.description == "/relations/1/id")
        #expect(relation.message.contains("`fantome`"))
        let duplicate = diagnostics(report, "projects/xx/wemob/codesocial.yml")
        #expect(duplicate.map(\.rule).contains("RG201"))
        #expect(duplicate.first { $0.rule == "RG201" }?.message.contains("projects/we/wemob/codesocial.yml") == true)
    }

    @Test("--since checks only what changed")
    func sinceOnlyTheChange() throws {
        let registry = try goodRegistry()
        try registry.add("casse", "name: [oops\n")
        let base = try registry.commit("an old broken entry")
        try registry.add("nouveau")
        try registry.commit("a new entry")
        let report = try check(registry.work, since: base)
        #expect(report.files.map(\.path) == ["projects/no/nouveau/codesocial.yml"])
        #expect(report.entriesChecked == 1)
        #expect(report.passes(strict: false))
        #expect(!(try check(registry.work)).passes(strict: false))
    }

    @Test("--since: a deleted or renamed entry is an error unless the registry allows removals")
    func sinceDeleted() throws {
        let registry = try goodRegistry()
        let base = try registry.git("rev-parse", "HEAD").trimmed
        try registry.git("rm", "-q", "projects/ab/ab/codesocial.yml")
        let deletedCommit = try registry.commit("delete ab")
        let report = try check(registry.work, since: base)
        let deleted = diagnostics(report, "projects/ab/ab/codesocial.yml")
        #expect(deleted.map(\.rule) == ["RG301"])
        #expect(deleted.first?.message.hasPrefix("entry `ab` was deleted; this registry does not allow removals") == true)
        #expect(report.files.map(\.path) == ["projects/ab/ab/codesocial.yml"])

        try registry.git("mv", "projects/we/wemob", "projects/we/wemobility")
        try registry.write("projects/we/wemobility/codesocial.yml", RegistryFixture.description(id: "wemobility"))
        try registry.commit("rename wemob")
        let renamed = diagnostics(try check(registry.work, since: deletedCommit), "projects/we/wemobility/codesocial.yml")
            .filter { $0.rule.hasPrefix("RG") }
        #expect(renamed.map(\.rule) == ["RG302"])
        #expect(renamed.first?.message.hasPrefix("entry `wemob` was renamed to `wemobility`") == true)

        try registry.write(RegistryLayout.configPath, RegistryFixture.config + "allow_removal: true\n")
        try registry.commit("allow removals")
        #expect(try check(registry.work, since: base).errorCount == 0)
    }

    @Test("an invalid .codesocial-registry.yml is reported at its line; a missing one is not a registry")
    func config() throws {
        let registry = try goodRegistry()
        try registry.write(RegistryLayout.configPath, RegistryFixture.config + "colour: blue\n")
        try registry.commit("bad config")
        let found = diagnostics(try check(registry.work), RegistryLayout.configPath)
        #expect(found.map(\.rule) == ["RG001"])
        #expect(found.first?.line == 5)
        #expect(found.first?.message.hasPrefix("unknown key `colour`") == true)

        try registry.git("rm", "-q", RegistryLayout.configPath)
        try registry.commit("no config")
        #expect(throws: RegistryError.self) { try check(registry.work) }
        do {
            _ = try check(registry.work)
        } catch let error as RegistryError {
            #expect(error.kind == .notARegistry)
            #expect(error.exitCode == 8)
        }
    }

    @Test("an entry whose format version the registry does not accept fails")
    func formatVersion() throws {
        let registry = try goodRegistry()
        try registry.add("futur", RegistryFixture.description(id: "futur", version: 2))
        try registry.commit("future format")
        let found = diagnostics(try check(registry.work), "projects/fu/futur/codesocial.yml")
        #expect(found.contains { $0.rule == "RG108" && $0.line == 1 })
    }

    @Test("entries get exactly validate's diagnostics (rules, messages, positions), paths relative to the root")
    func sameRulesAsValidate() throws {
        let registry = try goodRegistry()
        let text = RegistryFixture.description(id: "typo").replacingOccurrences(
            of: "governance:\n", with: "purpose:\n  stake: \"Rendre la mobilité accessible\"\ngovernance:\n")
        try registry.add("typo", text)
        try registry.commit("typo")
        let path = "projects/ty/typo/codesocial.yml"
        let found = diagnostics(try check(registry.work), path)
        let expected = try DescriptionChecker(language: .en).check(Data(text.utf8), path: path).diagnostics
        #expect(found == expected)
        #expect(found.contains { $0.severity == .error && $0.rule == "additionalProperties" && $0.message.contains("stakes") })
    }

    @Test("--since: an unchanged entry whose relation points at a removed entry gets a warning")
    func sinceDanglingRelation() throws {
        let registry = try RegistryFixture(config: RegistryFixture.config + "allow_removal: true\n")
        try registry.add("wemob")
        let text = RegistryFixture.description(id: "tiers-lieu", relations: [("wemob", "partner")])
        try registry.add("tiers-lieu", text)
        let line = (text.components(separatedBy: "\n").firstIndex(of: "  - id: wemob") ?? -1) + 1
        let base = try registry.commit("two entries")
        try registry.git("rm", "-q", "projects/we/wemob/codesocial.yml")
        try registry.commit("remove wemob")
        let report = try check(registry.work, since: base)
        let found = diagnostics(report, "projects/ti/tiers-lieu/codesocial.yml")
        #expect(found.map(\.rule) == ["RG202"])
        #expect(found.first?.line == line)
        #expect(found.first?.column == 9)
        #expect(found.first?.message.contains("`wemob`") == true)
        #expect(report.errorCount == 0)
    }
}
