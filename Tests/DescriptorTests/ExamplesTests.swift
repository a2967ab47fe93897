import Foundation
import JSONSchema
import Testing
@testable import Descriptor

@Suite("Examples")
struct ExamplesTests {
    static let examples = ScaffoldTests.packageRoot.appendingPathComponent("examples")

    static func check(_ name: String) throws -> FileReport {
        let url = examples.appendingPathComponent("\(name)/codesocial.yml")
        let checker = try DescriptionChecker(language: .en)
        return checker.check(try Data(contentsOf: url), path: "examples/\(name)/codesocial.yml")
    }

    @Test("every example is valid, with no error and no warning", arguments: ["assemblee-des-communs-de-lille", "assemblee-virtuelle"])
    func valid(name: String) throws {
        let report = try Self.check(name)
        #expect(report.valid)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule) \($0.message)" })")
        #expect(report.id == name)
    }

    @Test("the Lille example marks models not applicable, with their reasons")
    func notApplicable() throws {
        let report = try Self.check("assemblee-des-communs-de-lille")
        let description = Description(try #require(report.value))
        guard case .notApplicable(let reason) = description.state(of: ModelName.legalFinancial) else {
            Issue.record("legal_financial is not marked not applicable")
            return
        }
        #expect(reason.hasPrefix("Association de fait"))
        guard case .notApplicable = description.state(of: ModelName.ecological) else {
            Issue.record("ecological is not marked not applicable")
            return
        }
        guard case .described = description.state(of: ModelName.socialHuman) else {
            Issue.record("social_human is not described")
            return
        }
    }

    @Test("the Assemblée Virtuelle example writes its texts in French and English")
    func bilingual() throws {
        let report = try Self.check("assemblee-virtuelle")
        let value = try #require(report.value)
        let summary = try #require(value["summary"]?.objectValue)
        #expect(summary.keys == ["fr", "en"])
        #expect(value["name"]?["en"] == .string("Virtual Assembly"))
        // Every text of the models comes in both languages (ids excepted).
        var monolingual: [String] = []
        func visit(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let object) where object.keys == ["fr", "en"]:
                break
            case .object(let object):
                for (key, member) in object where key != "id" { visit(member, path + "/" + key) }
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, path + "/\(index)") }
            case .string:
                monolingual.append(path)
            default:
                break
            }
        }
        visit(try #require(value["models"]), "/models")
        #expect(monolingual.isEmpty, "not in fr and en: \(monolingual)")
    }
}

@Suite("Scaffold validates")
struct ScaffoldValidationTests {
    @Test("a fresh scaffold is valid, with completeness warnings only", arguments: Language.allCases)
    func scaffoldValidates(language: Language) throws {
        var options = ScaffoldTests.options
        options.language = language
        let text = try Scaffold(schema: DescriptionSchema.value).render(options)
        let report = try DescriptionChecker(language: language).check(Data(text.utf8), path: "codesocial.yml")
        #expect(report.valid, "\(report.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule) \($0.message)" })")
        #expect(report.errorCount == 0)
        #expect(report.warningCount > 0, "empty sections are reported")
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(report.id == "atelier-partage")
    }

    @Test("names that need quoting survive the round trip", arguments: ["yes", "2015", "Atelier: bois #1", "\"Quoted\" \\ name", "- tiret", "Œuvre"])
    func roundTrip(name: String) throws {
        var options = ScaffoldTests.options
        options.name = name
        options.summary = name
        let text = try Scaffold(schema: DescriptionSchema.value).render(options)
        let report = try DescriptionChecker(language: .en).check(Data(text.utf8), path: "codesocial.yml")
        #expect(report.valid)
        #expect(report.value?["name"] == .string(name))
        #expect(report.value?["summary"] == .string(name))
    }
}
