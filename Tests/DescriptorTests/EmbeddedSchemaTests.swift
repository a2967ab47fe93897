import Descriptor
import Foundation
import JSONSchema
import Testing

@Suite("The bundled schema")
struct EmbeddedSchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema/codesocial.schema.json").path

    @Test("the embedded copy is exactly schema/codesocial.schema.json (run scripts/embed-schema after editing it)")
    func embeddedCopyIsCurrent() throws {
        let file = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        #expect(DescriptionSchema.text == file, "the embedded schema differs from schema/codesocial.schema.json: run scripts/embed-schema")
    }

    @Test("it parses, has the documented $id and compiles")
    func compiles() throws {
        #expect(DescriptionSchema.value["$id"]?.stringValue == DescriptionSchema.id)
        #expect(DescriptionSchema.value["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        _ = try Validator(schema: DescriptionSchema.value)
    }

    @Test("every property and definition has English and French titles and descriptions")
    func annotations() throws {
        var missing: [String] = []
        func visit(_ node: JSONValue, _ path: String) {
            guard case .object(let object) = node else { return }
            if let properties = object["properties"]?.objectValue {
                for member in properties {
                    let where_ = "\(path)/properties/\(member.key)"
                    for annotation in ["title", "description", "x-title-fr", "x-description-fr"] {
                        if member.value[annotation]?.stringValue?.isEmpty ?? true { missing.append("\(where_): \(annotation)") }
                    }
                    visit(member.value, where_)
                }
            }
            for keyword in ["items", "additionalProperties"] {
                if let sub = object[keyword] { visit(sub, "\(path)/\(keyword)") }
            }
        }
        visit(DescriptionSchema.value, "")
        for member in DescriptionSchema.value["$defs"]?.objectValue ?? JSONObject() {
            for annotation in ["title", "description", "x-title-fr", "x-description-fr"] where member.value[annotation] == nil {
                missing.append("/$defs/\(member.key): \(annotation)")
            }
            visit(member.value, "/$defs/\(member.key)")
        }
        #expect(missing == [])
    }

    @Test("the six models are required, in the grid's order")
    func models() {
        let models = DescriptionSchema.value["properties"]?["models"]
        #expect(models?["required"] == .array(ModelName.allCases.map { .string($0.rawValue) }))
        #expect(models?["properties"]?.objectValue?.keys == ModelName.allCases.map(\.rawValue))
    }
}

@Suite("Language")
struct LanguageTests {
    @Test("detected from LC_ALL, then LC_MESSAGES, then LANG")
    func detection() {
        #expect(Language.detect(environment: [:]) == .en)
        #expect(Language.detect(environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(Language.detect(environment: ["LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]) == .en)
        #expect(Language.detect(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "fr_CA.UTF-8"]) == .fr)
        #expect(Language.detect(environment: ["LC_ALL": "", "LANG": "fr_BE"]) == .fr)
        #expect(Language.detect(environment: ["LANG": "C.UTF-8"]) == .en)
    }

    @Test("user input")
    func userInput() {
        #expect(Language(userInput: "FR") == .fr)
        #expect(Language(userInput: "fr_FR.UTF-8") == .fr)
        #expect(Language(userInput: "français") == .fr)
        #expect(Language(userInput: "en-GB") == .en)
        #expect(Language(userInput: "de") == nil)
    }
}
