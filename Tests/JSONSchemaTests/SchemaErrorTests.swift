import Testing
import JSONSchema

@Suite("SchemaError: schemas that cannot be compiled")
struct SchemaErrorTests {
    func compileError(_ schema: JSONValue, registry: SchemaRegistry = SchemaRegistry()) -> SchemaError? {
        do {
            _ = try Validator(schema: schema, registry: registry)
            return nil
        } catch {
            return error
        }
    }

    @Test("another draft is an unsupported dialect")
    func dialect() throws {
        let error = try #require(compileError(["$schema": "http://json-schema.org/draft-07/schema#", "type": "string"]))
        #expect(error.kind == .unsupportedDialect("http://json-schema.org/draft-07/schema#"))
        #expect(error.message.hasPrefix(#"unsupported dialect "http://json-schema.org/draft-07/schema#": this engine implements JSON Schema draft 2020-12 only"#))
    }

    @Test("an unresolvable $ref is named")
    func unresolvable() throws {
        let error = try #require(compileError(["properties": ["a": ["$ref": "https://example.org/missing.json"]]]))
        #expect(error.kind == .unresolvableReference("https://example.org/missing.json"))
        #expect(error.message.contains(#"cannot resolve $ref "https://example.org/missing.json""#))
        #expect(error.message.contains("never fetched from the network"))
        let anchor = try #require(compileError(["$ref": "#nope"]))
        #expect(anchor.message.contains(#"no anchor "nope""#))
    }

    @Test("an invalid regex is reported with its reason")
    func regex() throws {
        let error = try #require(compileError(["pattern": "(unclosed"]))
        guard case .invalidRegex(let pattern, _) = error.kind else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(pattern == "(unclosed")
    }

    @Test("a schema violating the meta-schema is rejected with the violations")
    func metaSchema() throws {
        let error = try #require(compileError(["properties": ["name": ["minLength": -1]]]))
        guard case .invalidSchema(let errors) = error.kind else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(errors.contains { $0.instanceLocation.description == "/properties/name/minLength" })
        #expect(error.message.hasPrefix("the schema is not valid against the JSON Schema 2020-12 meta-schema: at /properties/name/minLength: expected at least 0, got -1"))
    }
}
