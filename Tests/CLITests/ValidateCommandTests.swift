import Foundation
import TestSupport
import Testing

/// End to end: the built `codesocial` binary, its stdout, stderr and exit code.
@Suite("codesocial validate, end to end")
struct ValidateCommandTests {
    static let valid = """
    codesocial: 1
    id: atelier-velo
    name: L'Atelier Vélo
    kind: organisation
    summary: Un atelier associatif de réparation de vélos.
    language: fr
    models:
      artistic_cultural: {not_applicable: Pas d'activité artistique.}
      social_human:
        principles: Entraide
        intentions:
          - {id: ateliers-ouverts, text: Ouvrir l'atelier}
      ecological: {principles: Réemploi}
      technological: {principles: Outils libres}
      economic: {principles: Prix libre}
      legal_financial: {structure: Association}
    governance:
      maintainers: [{name: Ana}]
    actions:
      - {id: permanences, title: Permanences, serves: [social_human/ateliers-ouverts]}

    """

    /// The valid description with a misspelled key (`stake`) and an unknown intention.
    static let invalid = valid
        .replacingOccurrences(of: "governance:\n", with: "purpose:\n  stake: Rendre la mobilité accessible.\ngovernance:\n")
        .replacingOccurrences(of: "serves: [social_human/ateliers-ouverts]", with: "serves: [social_human/ateliers-ouvert]")

    static func line(of text: String, in source: String) -> Int {
        (source.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    @Test("a valid description: warnings, completeness line, exit 0")
    func validFile() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Self.valid, to: "codesocial.yml")
        let result = try CLIRunner.run(["validate"], in: directory.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("codesocial.yml: warning: section `general` is empty: describe it, or mark it `not_applicable: <reason>` [CS201 empty-section at /general]\n"))
        #expect(result.stdout.contains("codesocial.yml: models: 5 described, 1 not applicable, 0 empty; 1 intention, 1 action\n"))
        #expect(result.stdout.hasSuffix("1 file: 1 valid, 0 invalid; 0 errors, 7 warnings\n"))
        // --strict turns the warnings into a failure.
        let strict = try CLIRunner.run(["validate", "--strict", "codesocial.yml"], in: directory.path)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasSuffix("1 file: 0 valid, 1 invalid; 0 errors, 7 warnings\n"))
    }

    @Test("an invalid description: compiler-style errors with source line and caret, exit 1")
    func invalidFile() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Self.invalid, to: "codesocial.yml")
        let result = try CLIRunner.run(["validate", "codesocial.yml"], in: directory.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("""
            codesocial.yml:\(Self.line(of: "stake:", in: Self.invalid)):3: error: unknown key `stake` in `purpose`; did you mean `stakes`? [additionalProperties at /purpose/stake]
              stake: Rendre la mobilité accessible.
              ^

            """))
        #expect(result.stdout.contains("codesocial.yml:\(Self.line(of: "serves:", in: Self.invalid)):52: error: `social_human/ateliers-ouvert` names no intention: declare it under `models.social_human.intentions` or fix the reference; did you mean `social_human/ateliers-ouverts`? [CS101 unknown-intention at /actions/0/serves/0]\n"))
        #expect(result.stdout.hasSuffix("1 file: 0 valid, 1 invalid; 2 errors, 7 warnings\n"))
    }

    @Test("messages in French with --lang fr or a French locale")
    func french() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Self.invalid, to: "codesocial.yml")
        let byFlag = try CLIRunner.run(["validate", "--lang", "fr"], in: directory.path)
        #expect(byFlag.status == 1)
        #expect(byFlag.stdout.contains("erreur: clé inconnue `stake` dans `purpose` ; vouliez-vous dire `stakes` ? [additionalProperties en /purpose/stake]"))
        #expect(byFlag.stdout.hasSuffix("1 fichier : 0 valide, 1 invalide ; 2 erreurs, 7 avertissements\n"))
        let byLocale = try CLIRunner.run(["validate"], in: directory.path, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(byLocale.stdout == byFlag.stdout)
    }

    @Test("--format json: the documented stable object")
    func json() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Self.invalid, to: "a/codesocial.yml")
        _ = try directory.write(Self.valid, to: "b/codesocial.yaml")
        let result = try CLIRunner.run(["validate", "--format", "json", "."], in: directory.path)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["./a/codesocial.yml", "./b/codesocial.yaml"])
        #expect(files.map { $0["valid"] as? Bool } == [false, true])
        let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
        let unknownKey = try #require(diagnostics.first { $0["rule"] as? String == "additionalProperties" })
        #expect(unknownKey["severity"] as? String == "error")
        #expect(unknownKey["message"] as? String == "unknown key `stake` in `purpose`; did you mean `stakes`?")
        #expect(unknownKey["instanceLocation"] as? String == "/purpose/stake")
        #expect(unknownKey["keywordLocation"] as? String == "/properties/purpose/additionalProperties")
        #expect(unknownKey["column"] as? Int == 3)
        let completeness = try #require(files.last?["completeness"] as? [String: Any])
        #expect((completeness["models"] as? [String: Int]) == ["described": 5, "not_applicable": 1, "empty": 0])
        #expect(completeness["unserved_intentions"] as? Int == 0)
        #expect((object["summary"] as? [String: Int]) == ["files": 2, "valid": 1, "errors": 2, "warnings": 14])
    }

    @Test("--format github, and the default under GITHUB_ACTIONS=true")
    func github() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Self.invalid, to: "codesocial.yml")
        let result = try CLIRunner.run(["validate"], in: directory.path, environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=codesocial.yml,line=\(Self.line(of: "stake:", in: Self.invalid)),col=3,title=additionalProperties::unknown key `stake` in `purpose`; did you mean `stakes`?\n"))
        #expect(result.stdout.contains("::warning file=codesocial.yml,title=CS201 empty-section::section `general` is empty"))
        #expect(result.stdout.contains("::notice file=codesocial.yml::models: 5 described"))
        let explicit = try CLIRunner.run(["validate", "--format", "github"], in: directory.path)
        #expect(explicit.stdout == result.stdout)
    }

    @Test("standard input with -")
    func standardInput() throws {
        let result = try CLIRunner.run(["validate", "-"], input: Data("codesocial: 1\nid: x\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:1:1: error: missing required key `name`; add it at the top level [required at /]"))
    }

    @Test("no colour in a pipe, whatever TERM says")
    func noColourInPipes() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Self.invalid, to: "codesocial.yml")
        let result = try CLIRunner.run(["validate"], in: directory.path, environment: ["TERM": "xterm-256color"])
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("missing input: exit 66 with a message on stderr")
    func missingInput() throws {
        let directory = try TemporaryDirectory()
        let result = try CLIRunner.run(["validate"], in: directory.path)
        #expect(result.status == 66)
        #expect(result.stdout == "")
        #expect(result.stderr == "codesocial: error: codesocial.yml: no such file; create a description with `codesocial init`, or give its path\n")
        try FileManager.default.createDirectory(atPath: directory.path("empty"), withIntermediateDirectories: true)
        let empty = try CLIRunner.run(["validate", "empty"], in: directory.path)
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("empty: no codesocial.yml, codesocial.yaml or codesocial.json in this directory or below"))
    }

    @Test("usage errors exit 64")
    func usage() throws {
        let result = try CLIRunner.run(["validate", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format"))
        let lang = try CLIRunner.run(["validate", "--lang", "de"])
        #expect(lang.status == 64)
    }

    @Test("hostile files: one clear error each, no crash")
    func hostile() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("a: 1\n---\nb: 2\n", to: "docs/codesocial.yml")
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n" }
        _ = try directory.write(bomb, to: "bomb/codesocial.yml")
        let utf8 = try directory.write("", to: "utf8/codesocial.yml")
        try Data([0x61, 0x3A, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: utf8))
        _ = try directory.write(String(repeating: "[", count: 5000), to: "deep/codesocial.yml")
        let result = try CLIRunner.run(["validate", "."], in: directory.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("./bomb/codesocial.yml:"))
        #expect(result.stdout.contains("error: the document holds more than 200000 values (counting what YAML aliases `*name` repeat)"))
        #expect(result.stdout.contains("[CS007 too-many-values at /]"))
        #expect(result.stdout.contains("./deep/codesocial.yml:1:"))
        #expect(result.stdout.contains("[CS006 nesting-too-deep at /]"))
        #expect(result.stdout.contains("./docs/codesocial.yml:2:1: error: several YAML documents"))
        #expect(result.stdout.contains("./utf8/codesocial.yml:1:4: error: bytes that are not UTF-8; save the file as UTF-8 [CS002 invalid-utf8 at /]"))
        #expect(result.stdout.hasSuffix("4 files: 0 valid, 4 invalid; 4 errors, 0 warnings\n"))
        let large = try CLIRunner.run(["validate", "--max-size", "10", "docs/codesocial.yml"], in: directory.path)
        #expect(large.status == 1)
        #expect(large.stdout.contains("docs/codesocial.yml: error: the file (14 bytes) is larger than 10 bytes; "))
    }

    @Test("--schema validates any YAML or JSON against any schema")
    func customSchema() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"port": {"type": "integer", "maximum": 65535}}, "required": ["port"]}"#, to: "schema.json")
        _ = try directory.write("port: 70000\n", to: "config.yml")
        _ = try directory.write("{\"port\": 80}", to: "ok.json")
        let result = try CLIRunner.run(["validate", "--schema", "schema.json", "config.yml", "ok.json"], in: directory.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("config.yml:1:7: error: `port`: expected at most 65535, got 70000 [maximum at /port]"))
        #expect(!result.stdout.contains("CS2"))
        #expect(result.stdout.hasSuffix("2 files: 1 valid, 1 invalid; 1 error, 0 warnings\n"))
        _ = try directory.write("{\"type\": 12}", to: "bad-schema.json")
        let bad = try CLIRunner.run(["validate", "--schema", "bad-schema.json", "ok.json"], in: directory.path)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("codesocial: error: bad-schema.json:1:10: the schema cannot be used: the schema is not valid against the JSON Schema 2020-12 meta-schema: at /type: "))
    }
}
