import Descriptor
import Foundation
import JSONSchema
import Testing

@Suite("Renderers: text, JSON, GitHub")
struct RendererTests {
    static let source = "name: x\n\tkind: y\n"
    static let report = FileReport(
        path: "dir/codesocial.yml",
        diagnostics: [
            Diagnostic(severity: .warning, rule: "CS201", ruleName: "empty-section", message: "section `story` is empty", line: nil, column: nil, instanceLocation: JSONPointer(tokens: ["story"])),
            Diagnostic(severity: .error, rule: "enum", message: "`kind`: bad, 100% wrong", line: 2, column: 8, instanceLocation: JSONPointer(tokens: ["kind"]), keywordLocation: JSONPointer(tokens: ["properties", "kind", "enum"])),
        ],
        completeness: Completeness(models: .init(described: 6), intentions: 2, actions: 1, unservedIntentions: 1),
        value: ["name": "x", "id": "projet"], sourceMap: SourceMap(), source: source)

    @Test("text: location, severity, message, rule and pointer, then the line and a caret that keeps tabs")
    func text() {
        let output = TextRenderer(language: .en, colour: false).render([Self.report])
        #expect(output == """
            dir/codesocial.yml:2:8: error: `kind`: bad, 100% wrong [enum at /kind]
            \tkind: y
            \t      ^
            dir/codesocial.yml: warning: section `story` is empty [CS201 empty-section at /story]
            dir/codesocial.yml: models: 6 described, 0 not applicable, 0 empty; 2 intentions, 1 action, 1 intention not yet served
            1 file: 0 valid, 1 invalid; 1 error, 1 warning

            """)
    }

    @Test("text with colour uses ANSI codes")
    func colour() {
        let output = TextRenderer(language: .fr, colour: true).render([Self.report])
        #expect(output.contains("\u{1B}[1;31merreur\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;35mavertissement\u{1B}[0m"))
    }

    @Test("json: the documented fields, in order")
    func json() throws {
        let output = JSONRenderer().render([Self.report])
        let value = try JSONParser.parseValue(output)
        let file = try #require(value["files"]?[0])
        #expect(file.objectValue?.keys == ["path", "valid", "id", "diagnostics", "completeness"])
        #expect(file["id"] == "projet")
        #expect(file["valid"] == false)
        let first = try #require(file["diagnostics"]?[0])
        #expect(first.objectValue?.keys == ["severity", "rule", "name", "message", "line", "column", "instanceLocation", "keywordLocation"])
        #expect(first == ["severity": "error", "rule": "enum", "name": nil, "message": "`kind`: bad, 100% wrong", "line": 2, "column": 8, "instanceLocation": "/kind", "keywordLocation": "/properties/kind/enum"])
        #expect(file["diagnostics"]?[1]?["line"] == nil as JSONValue)
        #expect(file["completeness"] == ["models": ["described": 6, "not_applicable": 0, "empty": 0], "sections": ["described": 0, "not_applicable": 0, "empty": 0], "intentions": 2, "actions": 1, "unserved_intentions": 1, "actions_serving_nothing": 0])
        #expect(value["summary"] == ["files": 1, "valid": 0, "errors": 1, "warnings": 1])
        #expect(JSONRenderer(strict: true).value([Self.report])["summary"]?["valid"] == 0)
    }

    @Test("github: escaped workflow commands")
    func github() {
        let output = GitHubRenderer(language: .en).render([Self.report])
        #expect(output == """
            ::error file=dir/codesocial.yml,line=2,col=8,title=enum::`kind`: bad, 100%25 wrong
            ::warning file=dir/codesocial.yml,title=CS201 empty-section::section `story` is empty
            ::notice file=dir/codesocial.yml::models: 6 described, 0 not applicable, 0 empty; 2 intentions, 1 action, 1 intention not yet served
            1 file: 0 valid, 1 invalid; 1 error, 1 warning

            """)
        #expect(GitHubRenderer(language: .en, strict: true).render([Self.report]).contains("::error file=dir/codesocial.yml,title=CS201"))
    }
}

@Suite("The model view")
struct DescriptionViewTests {
    @Test("typed access to a description")
    func access() throws {
        let document = try Fixtures.load(Fixtures.complete)
        let description = Description(document.value)
        #expect(description.id == "atelier-velo")
        #expect(description.name?.preferred("fr") == "L'Atelier Vélo")
        #expect(description.summary?.preferred("en") == "A community bike repair workshop.")
        #expect(description.summary?.preferred("de") == "Un atelier associatif de réparation de vélos.")
        #expect(description.tags == ["mobilité", "réemploi"])
        #expect(description.state(of: .artisticCultural) == .notApplicable(reason: "Pas d'activité artistique."))
        #expect(description.state(of: .economic) == .described)
        #expect(description.intentions.map(\.reference) == ["social_human/ateliers-ouverts"])
        #expect(description.actions.first?.serves == ["social_human/ateliers-ouverts"])
        #expect(description.offers.first?.kind == "skill")
        #expect(description.commons.first?.licence == "ODbL-1.0")
        #expect(description.relations.first?.id == "maison-des-communs")
        #expect(description.maintainers.first?.email == "ana@atelier-velo.example.org")
        #expect(description.links.first?.name == "website")
    }

    @Test("never fails on documents of the wrong shape")
    func wrongShape() {
        let description = Description(["models": "nope", "actions": [1, "x"], "relations": ["a": 1]])
        #expect(description.intentions.isEmpty)
        #expect(description.actions.isEmpty)
        #expect(description.relations.isEmpty)
        #expect(description.state(of: .economic) == .empty)
    }

    @Test("text: the source line under an error is that line alone with LF, CRLF, lone CR and a byte order mark", arguments: [
        ("LF", "a: 1\nid: x\nb: 2\n"),
        ("CRLF", "a: 1\r\nid: x\r\nb: 2\r\n"),
        ("CR", "a: 1\rid: x\rb: 2\r"),
        ("BOM CRLF", "\u{FEFF}a: 1\r\nid: x\r\nb: 2\r\n"),
        ("BOM on the error line", "\u{FEFF}id: x\r\na: 1\r\n"),
    ])
    func sourceLineEndings(name: String, source: String) throws {
        let schema: JSONValue = ["properties": ["id": ["type": "integer"]]]
        let checker = try DescriptionChecker(schemaOverride: schema, language: .en)
        let report = checker.check(Data(source.utf8), path: "d.yml")
        let output = TextRenderer(language: .en, colour: false).render(report)
        let line = source.hasPrefix("\u{FEFF}id") ? 1 : 2
        #expect(output.hasPrefix("d.yml:\(line):5: error: "), "\(name): \(output)")
        #expect(output.hasSuffix("]\nid: x\n    ^\n"), "\(name): \(output)")
        #expect(!output.contains("\u{FEFF}") && !output.contains("\r") && !output.contains("b: 2") && !output.contains("a: 1"), "\(name): \(output)")
    }
}
