import Testing
@testable import JSONSchema

@Suite("JSONParser: strict RFC 8259")
struct JSONParserTests {
    @Test("parses values exactly, keeping member order")
    func values() throws {
        let value = try JSONParser.parseValue(#"{"b": [1, 2.50, -3e2, 123456789012345678901234567890], "a": {"x": null, "y": true, "z": "h\u00e9\ud83d\ude00\n"}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a"])
        #expect(value["b"]?[1] == .number(try #require(JSONNumber("2.5"))))
        #expect(value["b"]?[2] == -300)
        #expect(value["b"]?[3]?.numberValue?.description == "123456789012345678901234567890")
        #expect(value["a"]?["z"] == .string("hé😀\n"))
        #expect(value == (try JSONParser.parseValue(value.serialized())))
    }

    @Test("records value and key positions by pointer, columns in Unicode scalars")
    func positions() throws {
        let text = "{\n  \"é\": [true,\n    {\"k\": 1}]\n}"
        let (_, map) = try JSONParser.parse(text)
        #expect(map.position(of: .root) == SourcePosition(line: 1, column: 1))
        #expect(map.keyPosition(of: JSONPointer(tokens: ["é"])) == SourcePosition(line: 2, column: 3))
        #expect(map.position(of: JSONPointer(tokens: ["é"])) == SourcePosition(line: 2, column: 8))
        #expect(map.position(of: JSONPointer("/é/1/k")!) == SourcePosition(line: 3, column: 11))
        #expect(map.keyPosition(of: JSONPointer("/é/1/k")!) == SourcePosition(line: 3, column: 6))
    }

    @Test("rejects what RFC 8259 forbids, with line, column and message", arguments: [
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("[1, 2,]", 1, 6, "trailing comma"),
        ("{\"a\": 01}", 1, 7, "invalid number '01'"),
        ("{\n \"a\": 1,\n \"a\": 2}", 3, 2, "duplicate key \"a\" in object (first defined at 2:2)"),
        ("[\"\u{01}\"]", 1, 3, "control character U+0001"),
        ("{'a': 1}", 1, 2, "expected a member name in double quotes"),
        ("[1] x", 1, 5, "after the end of the JSON value"),
        ("[NaN]", 1, 2, "unexpected character 'N'"),
        ("[\"\\ud800\"]", 1, 3, "lone high surrogate"),
        ("[\"\\x\"]", 1, 3, "invalid escape"),
        ("[tru]", 1, 2, "expected 'true'"),
        ("", 1, 1, "the document is empty"),
        ("{\"a\": [1, 2", 1, 12, "array opened at 1:7 is not closed"),
        ("[1.]", 1, 2, "invalid number"),
        ("[.5]", 1, 2, "unexpected character '.'"),
        ("[-]", 1, 2, "invalid number"),
        ("[1e5000000000]", 1, 2, "invalid number"),
    ])
    func rejects(_ text: String, _ line: Int, _ column: Int, _ fragment: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test("rejects invalid UTF-8")
    func invalidUTF8() throws {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]] {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        }
        #expect(try JSONParser.parseValue([0xEF, 0xBB, 0xBF, 0x31]) == 1)
    }

    @Test("a hostile nesting depth gives a clear error, no stack overflow")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parseValue(deep)
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .limitExceeded)
            #expect(error.message == "nesting deeper than 512 levels of arrays and objects")
            #expect(error.column == 513)
        }
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser.parseValue(ok) }
    }

    @Test("JSON pointers escape and parse tokens")
    func pointers() throws {
        let pointer = JSONPointer(tokens: ["a/b", "c~d", "0"])
        #expect(pointer.description == "/a~1b/c~0d/0")
        #expect(JSONPointer(pointer.description) == pointer)
        #expect(JSONPointer("a") == nil)
        #expect(JSONPointer("/a~2") == nil)
        #expect(JSONPointer("")?.isRoot == true)
        #expect(JSONPointer("/a")! < JSONPointer("/a/b")!)
    }

    @Test("object equality ignores member order; look-up is by key")
    func objects() {
        let many = (0..<40).map { ("k\($0)", JSONValue.number(JSONNumber($0))) }
        let a = JSONObject(many), b = JSONObject(many.reversed())
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a["k17"] == 17)
        #expect(a["nope"] == nil)
        #expect(JSONValue.array([1, 2]) != .array([2, 1]))
    }
}
