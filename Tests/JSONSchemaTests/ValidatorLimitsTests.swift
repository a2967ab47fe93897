import Testing
import JSONSchema

@Suite("Validator: hostile input, exact numbers, threads")
struct ValidatorLimitsTests {
    @Test("a $ref loop that consumes no input stops with a clear error")
    func refLoop() throws {
        let validator = try Validator(schema: ["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"])
        #expect(!validator.isValid(1))
        let result = validator.validate(1)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.kind == .recursionLimit(depth: 256))
        #expect(result.errors.first?.message.hasPrefix("schema evaluation nested deeper than 256 levels") == true)
    }

    @Test("a limit hit under `not` still rejects the value (fail closed)")
    func limitUnderNot() throws {
        let validator = try Validator(schema: ["not": ["$ref": "#"]])
        #expect(!validator.isValid(1))
        let result = validator.validate(1)
        #expect(!result.isValid)
        #expect(result.errors.map(\.kind) == [.recursionLimit(depth: 256)])
    }

    @Test("alternatives that re-evaluate values exponentially stop at the step limit")
    func exponentialAlternatives() throws {
        let branch: JSONValue = ["type": "array", "items": ["$ref": "#/$defs/t"]]
        let schema: JSONValue = ["$defs": ["t": ["anyOf": [branch, branch, ["type": "integer"]]]], "$ref": "#/$defs/t"]
        let validator = try Validator(schema: schema, options: ValidatorOptions(maxEvaluationSteps: 100_000))
        var instance: JSONValue = ["x"]
        for _ in 0..<40 { instance = .array([instance]) }
        #expect(!validator.isValid(instance))
        let result = validator.validate(instance)
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.kind == .evaluationLimit(steps: 100_000) })
        #expect(result.errors.first { $0.kind == .evaluationLimit(steps: 100_000) }?.message
            == "validation stopped after 100000 schema evaluations (alternatives that re-evaluate the same values exponentially); the value is rejected")
        var fine: JSONValue = [1]
        for _ in 0..<40 { fine = .array([fine]) }
        #expect(validator.isValid(fine))
    }

    @Test("a deeply nested instance against a recursive schema gives an error, not a stack overflow")
    func deepInstance() async throws {
        let validator = try Validator(schema: ["type": "array", "items": ["$ref": "#"]])
        var instance: JSONValue = []
        for _ in 0..<400 { instance = .array([instance]) }
        let nested = instance
        // Run on a cooperative-pool thread, whose stack is smaller than the main thread's.
        let (flag, result) = await Task.detached { (validator.isValid(nested), validator.validate(nested)) }.value
        #expect(!flag)
        #expect(result.errors.map(\.kind) == [.recursionLimit(depth: 256)])
        var shallow: JSONValue = []
        for _ in 0..<100 { shallow = .array([shallow]) }
        #expect(validator.isValid(shallow))
    }

    @Test("big integers and decimals are compared and divided exactly")
    func exactNumbers() throws {
        let big = try #require(JSONNumber("18446744073709551616"))
        let maximum = try Validator(schema: ["maximum": .number(try #require(JSONNumber("18446744073709551615")))])
        #expect(!maximum.isValid(.number(big)))
        #expect(maximum.isValid(.number(try #require(JSONNumber("18446744073709551615.0")))))
        let tenth = try Validator(schema: ["multipleOf": 0.1])
        #expect(tenth.isValid(0.3))
        #expect(tenth.isValid(.number(try #require(JSONNumber("123456789012345678901234567890.7")))))
        #expect(!tenth.isValid(0.35))
        #expect(try Validator(schema: ["const": 1]).isValid(1.0))
        #expect(try Validator(schema: ["enum": [1, "a"]]).isValid(.number(try #require(JSONNumber("1e0")))))
        #expect(try Validator(schema: ["type": "integer"]).isValid(.number(try #require(JSONNumber("1e400")))))
    }

    @Test("huge limits in a schema never overflow")
    func hugeLimits() throws {
        let huge = JSONValue.number(try #require(JSONNumber("1e400")))
        let maxInt = JSONValue.number(JSONNumber(Int.max))
        #expect(!(try Validator(schema: ["minLength": huge]).isValid("abc")))
        #expect(try Validator(schema: ["minLength": maxInt]).validate("abc").errors.map(\.message) == ["expected at least 9223372036854775807 characters, got 3"])
        #expect(try Validator(schema: ["maxLength": huge, "maxItems": maxInt, "maxProperties": huge]).isValid("abc"))
        #expect(!(try Validator(schema: ["minContains": huge, "contains": true]).isValid([1, 2])))
        #expect(try Validator(schema: ["multipleOf": .number(try #require(JSONNumber("1e-400")))]).isValid(.number(try #require(JSONNumber("1e400")))))
    }

    @Test("uniqueItems on 100 000 items hashes instead of comparing pairs")
    func uniqueItemsLarge() throws {
        let validator = try Validator(schema: ["uniqueItems": true])
        var items = (0..<100_000).map { JSONValue.number(JSONNumber($0)) }
        #expect(validator.isValid(.array(items)))
        items.append(.number(try #require(JSONNumber("99999.0"))))
        let result = validator.validate(.array(items))
        #expect(result.errors.map(\.kind) == [.duplicateItems(first: 99_999, second: 100_000)])
    }

    @Test("strings compare by code points, not canonical equivalence")
    func codePoints() throws {
        let validator = try Validator(schema: ["const": "\u{e9}"])
        #expect(validator.isValid("\u{e9}"))
        #expect(!validator.isValid("e\u{301}"))
        #expect(try Validator(schema: ["maxLength": 1]).isValid("😀"))
        #expect(!(try Validator(schema: ["maxLength": 1]).isValid("e\u{301}")))
    }

    @Test("a catastrophic pattern fails closed with a distinct timeout error, in both modes")
    func patternTimeout() throws {
        // `\b` sends the pattern to ICU: regular patterns such as ^(a+)+$ run on the native DFA,
        // which answers at once (no backtracking) and so can never time out.
        let validator = try Validator(schema: ["pattern": "^(a+)+\\b$"], options: ValidatorOptions(regexTimeout: .milliseconds(200)))
        let hostile = JSONValue.string(String(repeating: "a", count: 40) + "!")
        let clock = ContinuousClock()
        let start = clock.now
        #expect(!validator.isValid(hostile))
        let result = validator.validate(hostile)
        // Sanity bound on the product's 200 ms deadline (twice), wide for a loaded machine.
        #expect(clock.now - start < .seconds(15))
        #expect(result.errors.map(\.kind) == [.patternTimeout(pattern: "^(a+)+\\b$", limit: .milliseconds(200))])
        #expect(result.errors.first?.message.hasPrefix("pattern ^(a+)+\\b$ took too long to match") == true)
    }

    @Test("many hostile strings share one regex time budget per validation")
    func patternBudget() throws {
        // Each match may run 5 s, but all of them share 300 ms: without the budget this validation
        // would take 40 × 5 s = 200 s, far beyond the generous sanity bound below.
        let options = ValidatorOptions(regexTimeout: .seconds(5), regexTimeBudget: .milliseconds(300))
        let validator = try Validator(schema: ["items": ["pattern": "^(a+)+\\b$"]], options: options)
        let hostile = JSONValue.array(Array(repeating: .string(String(repeating: "a", count: 40) + "!"), count: 40))
        let clock = ContinuousClock()
        let start = clock.now
        let result = validator.validate(hostile)
        #expect(clock.now - start < .seconds(30))
        #expect(result.errors.count == 40)
        #expect(result.errors.allSatisfy { $0.kind == .patternTimeout(pattern: "^(a+)+\\b$", limit: .seconds(5)) })
        #expect(result.errors.last?.instanceLocation.description == "/39")
    }

    @Test("one validator, many threads")
    func concurrency() async throws {
        let validator = try Validator(schema: [
            "type": "object",
            "properties": ["n": ["type": "integer", "minimum": 0], "tags": ["type": "array", "items": ["pattern": "^[a-z]+$"]]],
            "required": ["n"],
            "unevaluatedProperties": false,
        ])
        let outcomes = await withTaskGroup(of: [Bool].self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).map { index in
                        let n = (index + task) % 3 - 1
                        let instance: JSONValue = ["n": .number(JSONNumber(n)), "tags": ["abc", n == 1 ? "X" : "d"]]
                        let flag = validator.isValid(instance)
                        let exhaustive = validator.validate(instance).isValid
                        return flag == exhaustive && flag == (n == 0)
                    }
                }
            }
            var all: [Bool] = []
            for await outcome in group { all += outcome }
            return all
        }
        #expect(outcomes.count == 1600)
        #expect(outcomes.allSatisfy { $0 })
    }
}
