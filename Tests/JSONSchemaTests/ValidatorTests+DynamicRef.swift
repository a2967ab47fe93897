import Testing
@testable import JSONSchema

/// `$dynamicRef` through a caller-supplied remote document, and the wording of what it reports.
@Suite("Validator: $dynamicRef across registered documents")
struct ValidatorDynamicRefTests {
    static let tree: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.com/tree", "$dynamicAnchor": "node", "type": "object",
        "properties": ["data": true, "children": ["type": "array", "items": ["$dynamicRef": "#node"]]],
    ]
    static let strictTree: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.com/strict-tree", "$dynamicAnchor": "node", "$ref": "tree",
        "unevaluatedProperties": false,
    ]

    @Test("the extending schema's anchor wins at every depth; the remote resolves only through the registry")
    func extendingSchema() throws {
        let validator = try Validator(schema: Self.strictTree, registry: SchemaRegistry(["https://example.com/tree": Self.tree]))
        #expect(validator.isValid(["children": [["data": 1, "children": [["data": 2]]]]]))
        let result = validator.validate(["children": [["daat": 1]]])
        let typo = try #require(result.errors.first)
        #expect(typo.instanceLocation.description == "/children/0/daat")
        #expect(typo.keywordLocation.description == "/$ref/properties/children/items/$dynamicRef/unevaluatedProperties")
        #expect(typo.absoluteKeywordLocation == "https://example.com/strict-tree#/unevaluatedProperties")
        #expect(typo.message == #"property "daat" is not allowed (allowed: "data", "children")"#)
        #expect(throws: SchemaError.self) { try Validator(schema: Self.strictTree) }
    }

    @Test("a declared property whose value failed is reported as unevaluated without contradicting itself")
    func declaredButInvalid() throws {
        let validator = try Validator(schema: Self.strictTree, registry: SchemaRegistry(["https://example.com/tree": Self.tree]))
        let parent = try #require(validator.validate(["children": [["daat": 1]]]).errors.last)
        #expect(parent.instanceLocation.description == "/children")
        #expect(parent.kind == .unevaluatedPropertyNotAllowed(name: "children", allowed: ["data", "children"]))
        #expect(parent.message
            == #"property "children" is declared but its value is invalid, so it counts as unevaluated: fix the errors inside it"#)
    }
}
