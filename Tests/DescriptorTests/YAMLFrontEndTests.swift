import Descriptor
import Foundation
import JSONSchema
import Testing

@Suite("YAML 1.2 core-schema front end")
struct YAMLFrontEndTests {
    @Test("plain scalars resolve by the YAML 1.2 core schema", arguments: [
        ("yes", JSONValue.string("yes")), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("Yes", "Yes"),
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("FALSE", false),
        ("null", nil), ("Null", nil), ("~", nil), ("", nil),
        ("012", 12), ("-7", -7), ("+3", 3), ("0o17", 15), ("0x1F", 31), ("0xff", 255),
        ("1.5", 1.5), (".5", 0.5), ("1e3", 1000), ("-2.5E-1", -0.25), ("5.", 5),
        ("2024-03-15", "2024-03-15"), ("12:30", "12:30"), ("1_000", "1_000"), ("0b101", "0b101"),
        ("-0x1F", "-0x1F"), ("0o9", "0o9"), ("1.2.3", "1.2.3"), ("e5", "e5"), ("NULL", nil), ("nul", "nul"),
    ] as [(String, JSONValue)])
    func coreResolution(text: String, expected: JSONValue) throws {
        let document = try Fixtures.load("value: \(text)\n")
        #expect(document.value["value"] == expected, "\(text)")
    }

    @Test("quoted and block scalars are strings")
    func quotedScalarsAreStrings() throws {
        let document = try Fixtures.load("""
        a: "12"
        b: 'true'
        c: |
          null
        d: >
          012
        e: !!str 3
        f: ! 4
        """)
        #expect(document.value["a"] == "12")
        #expect(document.value["b"] == "true")
        #expect(document.value["c"] == "null\n")
        #expect(document.value["d"] == "012\n")
        #expect(document.value["e"] == "3")
        #expect(document.value["f"] == "4")
    }

    @Test("core tags are honoured and others rejected")
    func tags() throws {
        let document = try Fixtures.load("a: !!int \"42\"\nb: !!float 1\nc: !!bool true\nd: !!null ''\n")
        #expect(document.value["a"] == 42)
        #expect(document.value["b"] == 1)
        #expect(document.value["c"] == true)
        #expect(document.value["d"] == nil as JSONValue)
        let error = #expect(throws: LoadError.self) { try Fixtures.load("a: 1\nb: !!binary aGVsbG8=\n") }
        #expect(error?.kind == .unsupportedTag("!!binary"))
        #expect(error?.position == SourcePosition(line: 2, column: 4))
        #expect(error?.rule == .unsupportedTag)
        let mismatch = #expect(throws: LoadError.self) { try Fixtures.load("a: !!int abc\n") }
        #expect(mismatch?.kind == .invalidTaggedScalar(tag: "!!int", text: "abc"))
    }

    @Test("big hexadecimal integers stay exact")
    func bigHex() throws {
        let document = try Fixtures.load("a: 0xFFFFFFFFFFFFFFFFFF\n")
        #expect(document.value["a"]?.numberValue == JSONNumber("4722366482869645213695"))
    }

    @Test(".inf and .nan are reported: JSON has no such numbers", arguments: [".inf", "-.inf", "+.INF", ".nan", ".NaN"])
    func nonFinite(text: String) {
        let error = #expect(throws: LoadError.self) { try Fixtures.load("a: 1\nb: \(text)\n") }
        #expect(error?.kind == .nonFiniteNumber(text))
        #expect(error?.position == SourcePosition(line: 2, column: 4))
        #expect(error?.message(in: .en).contains("quote it") == true)
    }

    @Test("every value and key has its line and column")
    func positions() throws {
        let document = try Fixtures.load("""
        name: Vélo
        models:
          économie:
            - id: x
              text: "é"
        """)
        let map = document.sourceMap
        #expect(map.position(of: JSONPointer(tokens: ["name"])) == SourcePosition(line: 1, column: 7))
        #expect(map.keyPosition(of: JSONPointer(tokens: ["name"])) == SourcePosition(line: 1, column: 1))
        #expect(map.keyPosition(of: JSONPointer(tokens: ["models", "économie"])) == SourcePosition(line: 3, column: 3))
        #expect(map.position(of: JSONPointer(tokens: ["models", "économie", "0"])) == SourcePosition(line: 4, column: 7))
        #expect(map.keyPosition(of: JSONPointer(tokens: ["models", "économie", "0", "text"])) == SourcePosition(line: 5, column: 7))
        #expect(map.position(of: JSONPointer(tokens: ["models", "économie", "0", "text"])) == SourcePosition(line: 5, column: 13))
    }

    @Test("JSON files go through the strict JSON parser")
    func jsonInput() throws {
        let document = try DocumentLoader.load(Data("{\"a\": [1, 2.5, \"x\"]}".utf8), syntax: .json)
        #expect(document.value == ["a": [1, 2.5, "x"]])
        #expect(document.syntax == .json)
        let error = #expect(throws: LoadError.self) {
            try DocumentLoader.load(Data("{\"a\": 1,}".utf8), syntax: .json)
        }
        #expect(error?.rule == .jsonSyntax)
        #expect(error?.position?.line == 1)
        let duplicate = #expect(throws: LoadError.self) {
            try DocumentLoader.load(Data("{\"a\": 1,\n \"a\": 2}".utf8), syntax: .json)
        }
        #expect(duplicate?.rule == .duplicateKey)
        #expect(duplicate?.position?.line == 2)
    }

    @Test("duplicate keys are rejected, also `a` and \"a\"")
    func duplicateKeys() {
        let error = #expect(throws: LoadError.self) { try Fixtures.load("name: x\nkind: project\n\"name\": y\n") }
        #expect(error?.kind == .duplicateKey("name", first: SourcePosition(line: 1, column: 1)))
        #expect(error?.position == SourcePosition(line: 3, column: 1))
        #expect(error?.message(in: .en) == "duplicate key `name` (already at line 1); `a` and `\"a\"` are the same key: keep only one")
        let nested = #expect(throws: LoadError.self) { try Fixtures.load("a:\n  b: 1\n  c: 2\n  'b': 3\n") }
        #expect(nested?.position == SourcePosition(line: 4, column: 3))
        // A large mapping (looked up through a dictionary) too.
        let many = (0..<20).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n\"k3\": again\n"
        let large = #expect(throws: LoadError.self) { try Fixtures.load(many) }
        #expect(large?.kind == .duplicateKey("k3", first: SourcePosition(line: 4, column: 1)))
        #expect(large?.position == SourcePosition(line: 21, column: 1))
    }

    @Test("complex keys are rejected")
    func complexKeys() {
        let error = #expect(throws: LoadError.self) { try Fixtures.load("? [a, b]\n: 1\n") }
        #expect(error?.kind == .complexKey)
        #expect(error?.position?.line == 1)
    }
}

@Suite("Anchors and aliases")
struct AnchorTests {
    @Test("aliases repeat values, keys included, and point at the alias")
    func aliases() throws {
        let document = try Fixtures.load("base: &b {x: 1}\n&k name: v\ncopy: *b\nother:\n  *k : w\n")
        #expect(document.value["copy"] == ["x": 1])
        #expect(document.value["other"] == ["name": "w"])
        #expect(document.positions.position(of: JSONPointer(tokens: ["copy"])) == SourcePosition(line: 3, column: 7))
        #expect(document.positions.position(of: JSONPointer(tokens: ["copy", "x"])) == SourcePosition(line: 1, column: 14))
    }

    @Test("an undefined alias is a syntax error at the alias")
    func undefined() {
        let error = #expect(throws: LoadError.self) { try Fixtures.load("a: *nope\n") }
        #expect(error?.rule == .yamlSyntax)
        #expect(error?.position == SourcePosition(line: 1, column: 4))
    }

    @Test("the source map built from the positions has every value")
    func sourceMap() throws {
        let document = try Fixtures.load("a:\n  - b: 1\n    c: [2, 3]\n")
        let map = document.sourceMap
        #expect(map.count == 7)
        #expect(map.position(of: JSONPointer(tokens: ["a", "0", "c", "1"])) == SourcePosition(line: 3, column: 12))
        #expect(map.keyPosition(of: JSONPointer(tokens: ["a", "0", "c"])) == SourcePosition(line: 3, column: 5))
    }
}
