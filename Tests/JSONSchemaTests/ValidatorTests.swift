import Testing
import JSONSchema

@Suite("Validator: messages, locations and best match")
struct ValidatorTests {
    static let schema: JSONValue = [
        "$id": "https://example.org/project.json",
        "type": "object",
        "required": ["id", "kind", "name"],
        "additionalProperties": false,
        "properties": [
            "id": ["$ref": "#/$defs/slug"],
            "kind": ["enum": ["project", "organisation", "idea", "collaboration"]],
            "name": ["type": "string", "minLength": 1, "maxLength": 5],
            "stakes": ["type": "array", "items": ["type": "string"], "uniqueItems": true],
        ],
        "$defs": ["slug": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"]],
    ]

    @Test("an enum failure names every allowed value and the value found")
    func enumMessage() throws {
        let validator = try Validator(schema: Self.schema)
        let result = validator.validate(["id": "a", "kind": "projet", "name": "x"])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.message == #"expected one of "project", "organisation", "idea", "collaboration", got "projet""#)
        #expect(error.instanceLocation.description == "/kind")
        #expect(error.keywordLocation.description == "/properties/kind/enum")
        #expect(error.absoluteKeywordLocation == "https://example.org/project.json#/properties/kind/enum")
        #expect(error.keyword == "enum")
        #expect(error.kind == .notInEnum(allowed: ["project", "organisation", "idea", "collaboration"], actual: "projet"))
    }

    @Test("locations follow the evaluation path through $ref")
    func refLocations() throws {
        let result = try Validator(schema: Self.schema).validate(["id": "Bad Id", "kind": "idea", "name": "x"])
        let error = try #require(result.errors.first)
        #expect(error.keywordLocation.description == "/properties/id/$ref/pattern")
        #expect(error.absoluteKeywordLocation == "https://example.org/project.json#/$defs/slug/pattern")
        #expect(error.instanceLocation.description == "/id")
        #expect(error.message == #""Bad Id" does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$"#)
    }

    @Test("exhaustive mode reports every error, each with its own words")
    func everyError() throws {
        let result = try Validator(schema: Self.schema).validate(["kind": "idea", "name": "much too long", "stakes": ["a", "b", "a"], "stake": 1])
        let messages = result.errors.map { "\($0.instanceLocation) \($0.message)" }
        #expect(messages == [
            #" missing required property "id""#,
            #"/name expected at most 5 characters, got 13"#,
            #"/stakes items 0 and 2 are equal, but items must be unique"#,
            #"/stake property "stake" is not allowed (allowed: "id", "kind", "name", "stakes")"#,
        ])
        #expect(result.errors[3].kind == .additionalPropertyNotAllowed(name: "stake", allowed: ["id", "kind", "name", "stakes"]))
        #expect(result.errors[3].keywordLocation.description == "/additionalProperties")
        #expect(result.errors[0].instanceLocation.isRoot)
    }

    static let messageCases: [(JSONValue, JSONValue, String)] = [
        (["type": "string"], 42, "expected a string, got integer 42"),
        (["type": ["object", "null"]], [1, 2], "expected an object or null, got an array (2 items)"),
        (["type": "integer"], 1.5, "expected an integer, got number 1.5"),
        (["minimum": 5], 3, "expected at least 5, got 3"),
        (["exclusiveMaximum": 10], 10, "expected a value less than 10, got 10"),
        (["multipleOf": 0.01], 1.234, "expected a multiple of 0.01, got 1.234"),
        (["const": "x"], "y", #"expected "x", got "y""#),
        (["minItems": 1], [], "expected at least 1 item, got 0"),
        (["not": ["type": "string"]], "s", "the value must not match the schema in `not`"),
        (["dependentRequired": ["a": ["b"]]], ["a": 1], #"missing property "b", required when "a" is present"#),
        (["contains": ["type": "string"]], [1], "expected at least 1 item matching the `contains` schema, got 0"),
        (false, 1, "no value is allowed here"),
    ]

    @Test("each failure says what was expected and what was found", arguments: messageCases)
    func messages(_ schema: JSONValue, _ instance: JSONValue, _ message: String) throws {
        let result = try Validator(schema: schema).validate(instance)
        #expect(result.errors.map(\.message) == [message])
    }

    @Test("unevaluatedProperties: false lists the names declared in place, through $ref and allOf")
    func unevaluatedNames() throws {
        let schema: JSONValue = [
            "$defs": ["base": ["properties": ["id": true]]],
            "allOf": [["$ref": "#/$defs/base"], ["properties": ["name": true]]],
            "properties": ["kind": true],
            "unevaluatedProperties": false,
        ]
        let result = try Validator(schema: schema).validate(["id": 1, "nmae": 2])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.kind == .unevaluatedPropertyNotAllowed(name: "nmae", allowed: ["kind", "id", "name"]))
        #expect(error.instanceLocation.description == "/nmae")
        #expect(error.keywordLocation.description == "/unevaluatedProperties")
    }

    @Test("oneOf: the branch whose discriminator matched is the one reported")
    func bestMatchDiscriminator() throws {
        let schema: JSONValue = ["oneOf": [
            ["properties": ["type": ["const": "person"], "name": ["type": "string"]], "required": ["type", "name"]],
            ["properties": ["type": ["const": "group"], "members": ["type": "array"]], "required": ["type", "members"]],
        ]]
        let result = try Validator(schema: schema).validate(["type": "group", "members": "alice"])
        #expect(result.errors.map(\.description) == ["/members: expected an array, got string \"alice\""])
        #expect(result.errors.first?.keywordLocation.description == "/oneOf/1/properties/members/type")
    }

    @Test("anyOf: the branch with the deepest errors wins over a type mismatch")
    func bestMatchDepth() throws {
        let schema: JSONValue = ["anyOf": [
            ["type": "string"],
            ["type": "object", "properties": ["a": ["type": "object", "properties": ["b": ["type": "integer"]]]]],
        ]]
        let result = try Validator(schema: schema).validate(["a": ["b": "x"]])
        #expect(result.errors.map(\.description) == [#"/a/b: expected an integer, got string "x""#])
    }

    @Test("anyOf over types alone gives one merged type error")
    func mergedTypes() throws {
        let result = try Validator(schema: ["anyOf": [["type": "string"], ["type": "null"]]]).validate(3)
        #expect(result.errors.map(\.message) == ["expected a string or null, got integer 3"])
        #expect(result.errors.first?.keywordLocation.description == "/anyOf")
    }

    @Test("oneOf with two matches names them")
    func oneOfSeveral() throws {
        let result = try Validator(schema: ["oneOf": [["type": "integer"], ["minimum": 0]]]).validate(3)
        #expect(result.errors.map(\.message) == ["the value matches alternatives 0 and 1, but exactly one must match"])
    }

    @Test("keywords evaluated together report their own names and locations")
    func siblingLocations() throws {
        let schema: JSONValue = [
            "$id": "https://example.org/s.json",
            "properties": ["a": true], "additionalProperties": false,
            "contains": ["type": "integer"], "maxContains": 1,
            "prefixItems": [true], "items": false,
        ]
        let validator = try Validator(schema: schema)
        let object = try #require(validator.validate(["b": 1]).errors.first)
        #expect(object.keyword == "additionalProperties")
        #expect(object.absoluteKeywordLocation == "https://example.org/s.json#/additionalProperties")
        let array = validator.validate([1, 2]).errors
        #expect(array.map(\.keywordLocation.description) == ["/items", "/maxContains"])
        #expect(array.map(\.absoluteKeywordLocation) == ["https://example.org/s.json#/items", "https://example.org/s.json#/maxContains"])
        #expect(array.map(\.message) == ["item 1 is not allowed: at most 1 item expected", "expected at most 1 item matching the `contains` schema, got 2"])
    }

    @Test("an error's instance location maps back to a line and column through the source map")
    func sourcePositions() throws {
        let text = """
        {
          "id": "a",
          "kind": "projet",
          "name": "n"
        }
        """
        let (instance, map) = try JSONParser.parse(text)
        let error = try #require(try Validator(schema: Self.schema).validate(instance).errors.first)
        #expect(map.position(of: error.instanceLocation) == SourcePosition(line: 3, column: 11))
        #expect(map.keyPosition(of: error.instanceLocation) == SourcePosition(line: 3, column: 3))
        let missing = try #require(try Validator(schema: Self.schema).validate(["kind": "idea", "name": "n", "id": ["x"]]).errors.first)
        #expect(missing.instanceLocation.description == "/id")
    }

    @Test("Basic output format")
    func basicOutput() throws {
        let validator = try Validator(schema: Self.schema)
        #expect(validator.validate(["id": "a", "kind": "idea", "name": "n"]).basicOutput() == ["valid": true])
        let output = validator.validate(["id": "a", "kind": "idea"]).basicOutput()
        // Every unit has what the 2020-12 output schema requires: valid, keywordLocation, instanceLocation.
        #expect(output == [
            "valid": false,
            "keywordLocation": "",
            "instanceLocation": "",
            "errors": [[
                "valid": false,
                "keywordLocation": "/required",
                "absoluteKeywordLocation": "https://example.org/project.json#/required",
                "instanceLocation": "",
                "error": #"missing required property "name""#,
            ]],
        ])
    }

    @Test("Basic output is valid against the 2020-12 output schema's basic unit")
    func basicOutputSchema() throws {
        // The `outputUnit` of https://json-schema.org/draft/2020-12/output/schema (its `basic` shape).
        let outputSchema: JSONValue = [
            "$defs": ["unit": [
                "type": "object",
                "required": ["valid", "keywordLocation", "instanceLocation"],
                "properties": [
                    "valid": ["type": "boolean"],
                    "keywordLocation": ["type": "string", "format": "json-pointer"],
                    "absoluteKeywordLocation": ["type": "string", "format": "uri"],
                    "instanceLocation": ["type": "string", "format": "json-pointer"],
                    "error": ["type": "string"],
                    "errors": ["type": "array", "items": ["$ref": "#/$defs/unit"]],
                ],
            ]],
            "$ref": "#/$defs/unit",
        ]
        let checker = try Validator(schema: outputSchema, options: ValidatorOptions(formatAssertion: true))
        let output = try Validator(schema: Self.schema).validate(["id": 1, "kind": "x", "extra": true]).basicOutput()
        #expect(checker.validate(output).errors.map(\.message) == [])
        #expect(output["errors"]?.arrayValue?.count ?? 0 >= 2)
    }

    @Test("format is an annotation by default and an assertion on request")
    func formatAssertion() throws {
        let schema: JSONValue = ["format": "email"]
        #expect(try Validator(schema: schema).isValid("nope"))
        let asserting = try Validator(schema: schema, options: ValidatorOptions(formatAssertion: true))
        #expect(!asserting.isValid("nope"))
        #expect(asserting.validate("nope").errors.map(\.message) == [#""nope" is not a valid email"#])
        #expect(asserting.isValid("someone@example.org"))
    }

    @Test("remote references resolve through the caller's registry only")
    func registry() throws {
        var registry = SchemaRegistry()
        registry.register(["$defs": ["n": ["type": "integer"]]], at: "https://example.org/common.json")
        let validator = try Validator(schema: ["$ref": "https://example.org/common.json#/$defs/n"], registry: registry)
        #expect(validator.isValid(1))
        #expect(!validator.isValid("1"))
        #expect(validator.validate("1").errors.first?.absoluteKeywordLocation == "https://example.org/common.json#/$defs/n/type")
    }

    @Test("the bundled meta-schema validates schemas")
    func metaSchema() throws {
        #expect(try Validator.checkSchema(["type": "string", "minLength": 2]).isValid)
        let result = try Validator.checkSchema(["type": "strnig"])
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.instanceLocation.description == "/type" })
        let viaRef = try Validator(schema: ["$ref": "https://json-schema.org/draft/2020-12/schema"])
        #expect(viaRef.isValid(["properties": ["a": ["type": "integer"]]]))
        #expect(!viaRef.isValid(["properties": ["a": ["minLength": -1]]]))
    }
}
