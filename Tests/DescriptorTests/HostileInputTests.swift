import Descriptor
import Foundation
import JSONSchema
import Testing

@Suite("Hostile inputs: one clear error each, bounded time and memory")
struct HostileInputTests {
    private func loadError(_ bytes: [UInt8], syntax: DocumentSyntax = .yaml, limits: Limits = .default) -> LoadError? {
        #expect(throws: LoadError.self) { try DocumentLoader.load(Data(bytes), syntax: syntax, limits: limits) }
    }

    @Test("a file over the size limit")
    func tooLarge() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
        let error = loadError(bytes)
        #expect(error?.kind == .fileTooLarge(size: nil, limit: 1 << 20))
        #expect(error?.message(in: .en) == "the file is larger than 1048576 bytes (1 MiB); a description takes a few tens of KiB: check that this is the right file, or raise the limit with `validate --max-size` if intended")
        #expect(error?.rule.id == "CS001")
        #expect(error?.position == nil)
        let small = loadError(Array("name: x\n".utf8), limits: Limits(maxBytes: 4))
        #expect(small?.kind == .fileTooLarge(size: nil, limit: 4))
    }

    @Test("invalid UTF-8, with the line and column of the first bad byte")
    func invalidUTF8() {
        let bytes = Array("name: ok\nsummary: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = loadError(bytes)
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.position == SourcePosition(line: 2, column: 13))
        #expect(error?.message(in: .fr) == "octets qui ne sont pas de l'UTF-8 ; enregistrez le fichier en UTF-8")
        // Overlong encodings and surrogates are not UTF-8 either.
        #expect(loadError([0xC0, 0xAF])?.kind == .invalidUTF8)
        #expect(loadError([0xED, 0xA0, 0x80])?.kind == .invalidUTF8)
        #expect(loadError(Array("a: é".utf8.dropLast()))?.kind == .invalidUTF8)
    }

    @Test("a UTF-8 byte order mark is accepted")
    func byteOrderMark() throws {
        let document = try DocumentLoader.load(Data([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)), syntax: .yaml)
        #expect(document.value == ["a": 1])
    }

    @Test("NUL bytes")
    func nul() {
        let error = loadError(Array("name: a".utf8) + [0] + Array("b\n".utf8))
        #expect(error?.kind == .nulByte)
        #expect(error?.position == SourcePosition(line: 1, column: 8))
        #expect(error?.rule.id == "CS003")
    }

    @Test("several YAML documents")
    func severalDocuments() {
        let error = loadError(Array("a: 1\n---\nb: 2\n".utf8))
        #expect(error?.kind == .severalDocuments)
        #expect(error?.position?.line == 2)
        #expect(error?.message(in: .en).contains("keep a single document") == true)
    }

    @Test("an empty file")
    func empty() {
        #expect(loadError([])?.kind == .emptyDocument)
        #expect(loadError(Array("# only a comment\n".utf8))?.kind == .emptyDocument)
    }

    @Test("nesting deeper than the limit, in flow and block style")
    func tooDeep() {
        let flow = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let error = loadError(Array("a: \(flow)\n".utf8))
        #expect(error?.kind == .tooDeep(limit: 64))
        #expect(error?.rule.id == "CS006")
        var block = ""
        for depth in 0..<80 { block += String(repeating: "  ", count: depth) + "k:\n" }
        #expect(loadError(Array(block.utf8))?.kind == .tooDeep(limit: 64))
        // Far beyond libyaml's own limit: still one clear error, no crash.
        let huge = String(repeating: "[", count: 200_000)
        #expect(loadError(Array(huge.utf8))?.kind == .tooDeep(limit: 64))
        let dashes = String(repeating: "- ", count: 100_000) + "x\n"
        #expect(loadError(Array(dashes.utf8))?.kind == .tooDeep(limit: 64))
    }

    @Test("1,200 nested levels: CS006 points where the 64-level limit is first exceeded, not where libyaml gave up")
    func tooDeepPosition() {
        // Flow collections on one line: libyaml looks ahead and stops at its own limit (1000) first.
        let flat = loadError(Array(String(repeating: "[", count: 1200).utf8))
        #expect(flat?.kind == .tooDeep(limit: 64))
        #expect(flat?.position == SourcePosition(line: 1, column: 65))
        let keyed = loadError(Array(("a: \"x]\" # [[\nb: " + String(repeating: "{k: ", count: 1200)).utf8))
        #expect(keyed?.position == SourcePosition(line: 2, column: 4 + 4 * 63))
        let lines = String((0..<1200).map { String(repeating: " ", count: $0) + "[\n" }.joined())
        #expect(loadError(Array(lines.utf8))?.position == SourcePosition(line: 65, column: 65))
        // Block mappings, one `k:` per line, each indented one more space.
        let block = (0..<1200).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        let error = loadError(Array(block.utf8))
        #expect(error?.kind == .tooDeep(limit: 64))
        #expect(error?.position == SourcePosition(line: 65, column: 65))
    }

    @Test("a billion-laughs alias bomb stops early with bounded work")
    func aliasBomb() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let start = ContinuousClock.now
        let error = loadError(Array(yaml.utf8))
        let elapsed = ContinuousClock.now - start
        #expect(error?.kind == .tooManyValues(limit: 200_000))
        #expect(error?.rule.id == "CS007")
        // Not a timing test: a generous bound that only an unbounded expansion (10^10 values) would break.
        #expect(elapsed < .seconds(30))
    }

    @Test("aliases within the limit expand normally")
    func smallAliases() throws {
        let document = try Fixtures.load("base: &b {x: 1}\ncopy: *b\n")
        #expect(document.value["copy"] == ["x": 1])
    }

    @Test("YAML syntax errors carry libyaml's line and column")
    func syntaxError() {
        let error = loadError(Array("name: x\nsummary: [a, b\nkind: y\n".utf8))
        guard case .yamlSyntax(let problem)? = error?.kind else {
            Issue.record("expected a YAML syntax error, got \(String(describing: error))")
            return
        }
        #expect(!problem.isEmpty)
        #expect(error?.position != nil)
        #expect(error?.rule.id == "CS012")
        let tab = loadError(Array("a:\n\tb: 1\n".utf8))
        #expect(tab?.position?.line == 2)
    }

    @Test("hostile files through the checker become one diagnostic, never a crash")
    func checkerReportsLoadErrors() throws {
        let checker = try DescriptionChecker(language: .en)
        let report = checker.check(Data("a: 1\n---\nb: 2\n".utf8), path: "x/codesocial.yml")
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.rule == "CS004")
        #expect(report.diagnostics.first?.ruleName == "several-documents")
        #expect(report.diagnostics.first?.line == 2)
        #expect(!report.valid)
        #expect(report.value == nil)
        #expect(report.completeness == nil)
    }
}

@Suite("Many errors")
struct ManyErrorsTests {
    @Test("past 200 schema errors, one CS014 says how many more")
    func capped() throws {
        let text = Fixtures.complete + (0..<500).map { "unknown-\($0): 1" }.joined(separator: "\n") + "\n"
        let report = Fixtures.check(text)
        #expect(report.errorCount == 201)
        let last = try #require(report.diagnostics.last(where: { $0.severity == .error }))
        #expect(last.rule == "CS014")
        #expect(last.ruleName == "too-many-errors")
        #expect(last.message == "and 300 more schema errors, not shown; fix these first")
        #expect(last.line == nil)
    }
}

@Suite("YAML syntax errors explained")
struct YAMLProblemTests {
    private func report(_ text: String, _ language: Language = .en) -> Diagnostic? {
        Fixtures.check(text, language: language).diagnostics.first
    }

    @Test("a colon inside a value")
    func colon() {
        let diagnostic = report("name: Atelier: vélo\n")
        #expect(diagnostic?.rule == "CS012")
        #expect(diagnostic?.line == 1)
        #expect(diagnostic?.column == 14)
        #expect(diagnostic?.message == "invalid YAML: mapping values are not allowed in this context; a `: ` inside a value starts a new key: put the value in quotes (`name: \"Atelier: vélo\"`)")
        #expect(report("name: Atelier: vélo\n", .fr)?.message == "YAML invalide : deux-points inattendu : un `: ` dans une valeur commence une nouvelle clé ; mettez la valeur entre guillemets (`name: \"Atelier : vélo\"`)")
    }

    @Test("bad indentation, unclosed list, unclosed quote, tab, control character")
    func others() {
        #expect(report("a:\n  b: 1\n c: 2\n")?.message.hasSuffix("check the indentation: the keys of one mapping start in the same column, and a `- ` item cannot follow a key at the same level") == true)
        #expect(report("a: [1, 2\n")?.message.hasSuffix("a `[` list is not closed: add the missing `]` (or a `,` between items)") == true)
        #expect(report("a: \"open\n", .fr)?.message == "YAML invalide : le fichier se termine au milieu d'une valeur : un guillemet, un crochet ou une accolade n'est pas fermé")
        let tab = report("a:\n\tb: 1\n")
        #expect(tab?.message == "invalid YAML: a tab in the indentation; indent with spaces, not tabs")
        #expect(tab?.line == 2)
        #expect(tab?.column == 1)
        let control = report("a: b\u{07}c\n")
        #expect(control?.message == "invalid YAML: control characters are not allowed: remove them")
        #expect(control?.line == 1)
        #expect(control?.column == 5)
    }
}
