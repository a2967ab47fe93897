@testable import Descriptor
import JSONSchema
import Testing

/// Every schema error kind has a French wording (`--lang fr`), not the engine's English.
@Suite("Schema errors in French")
struct FrenchSchemaMessagesTests {
    /// One sample of every `ValidationError.Kind` case.
    static let kinds: [ValidationError.Kind] = [
        .falseSchema,
        .type(expected: ["string"], actual: 3),
        .notInEnum(allowed: ["a", "b"], actual: "c"),
        .notInEnum(allowed: ["a"], actual: "c"),
        .notConst(expected: "a", actual: "b"),
        .notMultipleOf(divisor: JSONNumber(2), actual: JSONNumber(3)),
        .belowMinimum(limit: JSONNumber(2), exclusive: true, actual: JSONNumber(1)),
        .aboveMaximum(limit: JSONNumber(2), exclusive: false, actual: JSONNumber(3)),
        .tooShort(limit: 3, actual: 1),
        .tooLong(limit: 3, actual: 5),
        .patternMismatch(pattern: "^a$", actual: "b"),
        .patternTimeout(pattern: "(a+)+$", limit: .seconds(2)),
        .invalidFormat(format: "email", actual: "x"),
        .tooFewItems(limit: 2, actual: 1),
        .tooManyItems(limit: 2, actual: 3),
        .duplicateItems(first: 0, second: 2),
        .tooFewContains(limit: 2, actual: 1),
        .tooManyContains(limit: 1, actual: 2),
        .tooFewProperties(limit: 2, actual: 1),
        .tooManyProperties(limit: 1, actual: 2),
        .missingProperty(property: "name"),
        .missingDependentProperty(property: "a", dependency: "b"),
        .additionalPropertyNotAllowed(name: "x", allowed: ["a"]),
        .additionalPropertyNotAllowed(name: "x", allowed: []),
        .unevaluatedPropertyNotAllowed(name: "a", allowed: ["a"]),
        .unevaluatedPropertyNotAllowed(name: "x", allowed: ["a"]),
        .additionalItemNotAllowed(index: 3, limit: 2),
        .unevaluatedItemNotAllowed(index: 1),
        .matchesNot,
        .noAlternativeMatched(count: 2),
        .severalAlternativesMatched(indexes: [0, 1]),
        .recursionLimit(depth: 100),
        .evaluationLimit(steps: 1000),
    ]

    @Test("every kind has a French wording distinct from the English one, with no English words left", arguments: kinds)
    func french(kind: ValidationError.Kind) {
        let french = SchemaDiagnostics.french(kind)
        #expect(french != kind.message)
        for english in ["expected", " got ", "the value", "not allowed", "missing", "pattern ", "took too long", "item", "property", "simplify"] {
            #expect(!french.contains(english), "\(french)")
        }
    }

    @Test("patternTimeout in French names the pattern and the time limit")
    func patternTimeout() {
        let french = SchemaDiagnostics.french(.patternTimeout(pattern: "(a+)+$", limit: .milliseconds(250)))
        #expect(french == "le motif (a+)+$ a mis trop de temps à s'appliquer (plus de 250 ms) ; la valeur est refusée : simplifiez le motif (les quantificateurs imbriqués comme (a+)+ explosent)")
    }
}
