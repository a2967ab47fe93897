import Foundation
import Testing
@testable import JSONSchema

/// The suite's `optional/format/<format>.json` files, driven directly through `FormatChecker`.
@Suite("Format checkers: official suite files")
struct FormatSuiteTests {
    /// Each known format's file, plus the ECMA-262 syntax file for `regex`.
    static let files: [(format: String, file: String)] =
        FormatChecker.knownFormats.map { ($0, "optional/format/\($0).json") }
        + [("regex", "optional/format/ecmascript-regex.json")]

    @Test("every test of the format's suite file passes", arguments: files)
    func suiteFile(_ format: String, _ file: String) throws {
        let cases = try #require(RegexFormatSuite.cases(file))
        var passed = 0
        for test in cases {
            let keys = Set(test.schema.keys).subtracting(["$schema"])
            guard keys == ["format"], test.schema["format"] as? String == format else {
                Issue.record("\(file): \(test.group): unexpected schema shape \(test.schema)")
                continue
            }
            // Non-strings are valid for every string format.
            let valid: Bool
            if let string = test.data as? String {
                guard let checked = FormatChecker.check(format, string) else {
                    Issue.record("\(format) is not a known format")
                    continue
                }
                valid = checked
            } else {
                valid = true
            }
            if valid == test.valid {
                passed += 1
            } else {
                Issue.record("\(file): \(test.description) \(String(describing: test.data).debugDescription): got \(valid), expected \(test.valid)")
            }
        }
        print("\(file): \(passed)/\(cases.count) passed")
        #expect(passed == cases.count)
    }

    @Test("unknown formats are annotations only (nil)", arguments: ["unknown", "idn-email", "uri-template", ""])
    func unknown(_ format: String) {
        #expect(FormatChecker.check(format, "anything") == nil)
    }
}
