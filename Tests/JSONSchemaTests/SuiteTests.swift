import Foundation
import Testing
import JSONSchema

/// Runs the official JSON Schema Test Suite (draft 2020-12) from
/// `<package root>/../shared/testdata/json-schema-test-suite` (or `$JSON_SCHEMA_TEST_SUITE`).
/// A missing suite fails the run: it never passes silently.
@Suite("Official JSON Schema Test Suite, draft 2020-12")
struct SuiteTests {
    /// The number of required tests in tests/draft2020-12/*.json at the pinned suite commit.
    static let requiredTestCount = 1299

    static let optionalFiles = [
        "optional/ecmascript-regex.json", "optional/non-bmp-regex.json", "optional/bignum.json", "optional/float-overflow.json",
        "optional/anchor.json", "optional/dynamicRef.json", "optional/id.json", "optional/no-schema.json",
        "optional/refOfUnknownKeyword.json", "optional/unknownKeyword.json", "optional/format-assertion.json",
        "optional/dependencies-compatibility.json",
    ]
    static let formatFiles = [
        "date", "date-time", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference",
        "iri", "iri-reference", "uuid", "json-pointer", "relative-json-pointer", "regex",
    ].map { "optional/format/\($0).json" }

    static var suiteRoot: URL {
        if let path = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata/json-schema-test-suite")
    }

    static func requireSuite() throws -> URL {
        let root = suiteRoot
        let tests = root.appendingPathComponent("tests/draft2020-12")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: tests.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            Issue.record("JSON Schema Test Suite not found at \(root.path): clone json-schema-org/JSON-Schema-Test-Suite there or set JSON_SCHEMA_TEST_SUITE")
            throw SuiteMissing()
        }
        return root
    }

    struct SuiteMissing: Error {}

    /// The suite's remotes, registered at http://localhost:1234/.
    static func remotes(_ root: URL) throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        let base = root.appendingPathComponent("remotes")
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            let value = try JSONParser.parseValue(try Data(contentsOf: url))
            registry.register(value, at: "http://localhost:1234/" + relative)
        }
        return registry
    }

    struct FileOutcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    static func run(file: URL, registry: SchemaRegistry, formatAssertion: Bool) throws -> FileOutcome {
        let groups = try JSONParser.parseValue(try Data(contentsOf: file))
        var outcome = FileOutcome()
        for group in groups.arrayValue ?? [] {
            let description = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            let validator: Validator
            do {
                validator = try Validator(schema: group["schema"] ?? .null, options: ValidatorOptions(formatAssertion: formatAssertion), registry: registry)
            } catch {
                outcome.total += tests.count
                outcome.failures.append("\(description): schema did not compile: \(error)")
                continue
            }
            for test in tests {
                outcome.total += 1
                let expected = test["valid"]?.boolValue ?? false
                let data = test["data"] ?? .null
                let flag = validator.isValid(data)
                let result = validator.validate(data)
                // Every error must point at a value that exists in the instance.
                // … and, when the evaluation path crosses no reference, at a keyword of the schema.
                let schema = group["schema"] ?? .null
                let dangling = result.errors.filter { error in
                    let crossesReference = error.keywordLocation.tokens.contains { $0 == "$ref" || $0 == "$dynamicRef" }
                    return data[error.instanceLocation] == nil || (!crossesReference && schema[error.keywordLocation] == nil)
                }
                if flag == expected && result.isValid == expected && (expected || !result.errors.isEmpty) && dangling.isEmpty {
                    outcome.passed += 1
                } else {
                    outcome.failures.append("\(description) / \(test["description"]?.stringValue ?? "?"): expected \(expected), flag \(flag), exhaustive \(result.isValid) \(result.errors.prefix(2).map(\.description)), dangling \(dangling.map { "\($0.instanceLocation) \($0.keywordLocation)" })")
                }
            }
        }
        return outcome
    }

    @Test("all required draft 2020-12 tests pass, in both modes")
    func required() throws {
        let root = try Self.requireSuite()
        let registry = try Self.remotes(root)
        let directory = root.appendingPathComponent("tests/draft2020-12")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var total = 0, passed = 0
        var failures: [String] = []
        for name in files {
            let outcome = try Self.run(file: directory.appendingPathComponent(name), registry: registry, formatAssertion: false)
            print("suite draft2020-12/\(name): \(outcome.passed)/\(outcome.total)")
            total += outcome.total
            passed += outcome.passed
            failures += outcome.failures.map { "\(name): \($0)" }
        }
        print("suite draft2020-12 required: \(passed)/\(total)")
        #expect(total == Self.requiredTestCount, "the suite run shrank or grew: \(total) tests")
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) failures:\n" + failures.prefix(60).joined(separator: "\n")))
    }

    @Test("optional: regex, bignum, float overflow", arguments: optionalFiles)
    func optional(_ name: String) throws {
        let root = try Self.requireSuite()
        let outcome = try Self.run(file: root.appendingPathComponent("tests/draft2020-12/\(name)"), registry: try Self.remotes(root), formatAssertion: false)
        print("suite draft2020-12/\(name): \(outcome.passed)/\(outcome.total)")
        #expect(outcome.total > 0)
        #expect(outcome.failures.isEmpty, Comment(rawValue: "\(outcome.failures.count) failures:\n" + outcome.failures.joined(separator: "\n")))
    }

    @Test("optional: formats, with format assertion on", arguments: formatFiles)
    func format(_ name: String) throws {
        let root = try Self.requireSuite()
        let outcome = try Self.run(file: root.appendingPathComponent("tests/draft2020-12/\(name)"), registry: SchemaRegistry(), formatAssertion: true)
        print("suite draft2020-12/\(name): \(outcome.passed)/\(outcome.total)")
        #expect(outcome.total > 0)
        #expect(outcome.failures.isEmpty, Comment(rawValue: "\(outcome.failures.count) failures:\n" + outcome.failures.joined(separator: "\n")))
    }
}
