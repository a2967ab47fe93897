import Foundation
import Testing

/// Locates and reads the official JSON Schema Test Suite for the regex and format tests.
///
/// The suite lives at `<package root>/../shared/testdata/json-schema-test-suite`; the environment
/// variable `JSON_SCHEMA_TEST_SUITE` overrides it. A missing suite fails the test (never a silent pass).
enum RegexFormatSuite {
    /// One test case of a suite file.
    struct Case {
        var group: String
        var description: String
        var schema: [String: Any]
        var data: Any
        var valid: Bool
    }

    /// The suite's root folder.
    static var root: URL {
        if let path = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/testdata/json-schema-test-suite")
    }

    /// Reads `tests/draft2020-12/<relativePath>`; records an issue and returns nil when it cannot.
    static func cases(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Case]? {
        let url = root.appendingPathComponent("tests/draft2020-12").appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "JSON Schema Test Suite file missing: \(url.path) (set JSON_SCHEMA_TEST_SUITE to the suite's folder)",
                sourceLocation: sourceLocation
            )
            return nil
        }
        guard let groups = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [[String: Any]]
        else {
            Issue.record("cannot read \(url.path) as a suite file", sourceLocation: sourceLocation)
            return nil
        }
        var cases: [Case] = []
        for group in groups {
            let schema = group["schema"] as? [String: Any] ?? [:]
            for test in group["tests"] as? [[String: Any]] ?? [] {
                cases.append(Case(
                    group: group["description"] as? String ?? "?",
                    description: test["description"] as? String ?? "?",
                    schema: schema,
                    data: test["data"] ?? NSNull(),
                    valid: test["valid"] as? Bool ?? false
                ))
            }
        }
        if cases.isEmpty { Issue.record("no test cases in \(url.path)", sourceLocation: sourceLocation) }
        return cases
    }
}
