import Foundation
import Testing
@testable import JSONSchema

/// The suite's ECMA-262 regex files, driven directly through `ECMARegex`.
@Suite("ECMA-262 regex: official suite files")
struct RegexSuiteTests {
    @Test("optional regex files pass in full, on both matchers",
          arguments: ["optional/ecmascript-regex.json", "optional/non-bmp-regex.json"], [true, false])
    func suiteFile(_ file: String, _ allowNative: Bool) throws {
        let cases = try #require(RegexFormatSuite.cases(file))
        var passed = 0
        for test in cases {
            let outcome = Result { () throws(ECMARegexError) -> Bool in try Self.evaluate(test.schema, test.data, allowNative) }
            switch outcome {
            case let .success(valid) where valid == test.valid:
                passed += 1
            case let .success(valid):
                Issue.record("\(file): \(test.group) / \(test.description): got valid=\(valid), expected \(test.valid)")
            case let .failure(error):
                Issue.record("\(file): \(test.group) / \(test.description): \(error)")
            }
        }
        print("\(file) (\(allowNative ? "native DFA where possible" : "ICU only")): \(passed)/\(cases.count) passed")
        #expect(passed == cases.count)
    }

    /// Evaluates the suite's schema shapes for these files: `type`, `pattern` (search),
    /// `patternProperties` with `additionalProperties`. Any other keyword fails loudly.
    static func evaluate(_ schema: [String: Any], _ data: Any, _ allowNative: Bool) throws(ECMARegexError) -> Bool {
        func regex(_ pattern: String) throws(ECMARegexError) -> ECMARegex {
            allowNative ? try ECMARegex.cached(pattern) : try ECMARegex(pattern, allowNative: false)
        }
        let known: Set = ["$schema", "type", "pattern", "patternProperties", "additionalProperties"]
        let unknown = Set(schema.keys).subtracting(known)
        guard unknown.isEmpty else {
            Issue.record("schema shape not handled by this driver: \(unknown.sorted())")
            return false
        }
        if let type = schema["type"] as? String, !matchesType(type, data) { return false }
        if let pattern = schema["pattern"] as? String, let string = data as? String {
            if try !regex(pattern).matches(string, timeout: .seconds(5)) { return false }
        }
        if let object = data as? [String: Any] {
            let patterns = schema["patternProperties"] as? [String: Any] ?? [:]
            let additionalAllowed = (schema["additionalProperties"] as? Bool) ?? true
            for (key, value) in object {
                var matched = false
                for (pattern, subschema) in patterns where try regex(pattern).matches(key, timeout: .seconds(5)) {
                    matched = true
                    if let bool = subschema as? Bool, !bool { return false }
                    if let sub = subschema as? [String: Any], try !evaluate(sub, value, allowNative) { return false }
                }
                if !matched && !additionalAllowed { return false }
            }
        }
        return true
    }

    static func matchesType(_ type: String, _ data: Any) -> Bool {
        switch type {
        case "string": return data is String
        case "object": return data is [String: Any]
        case "integer":
            guard !(data is String), let number = data as? NSNumber else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        default:
            Issue.record("type \(type) not handled by this driver")
            return false
        }
    }
}
