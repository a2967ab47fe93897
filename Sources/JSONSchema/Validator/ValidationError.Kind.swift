extension ValidationError {
    /// What failed, structured.
    public enum Kind: Sendable, Equatable {
        /// The `false` schema: no value is allowed at this place.
        case falseSchema
        /// `type`: the value is none of `expected` (JSON Schema type names).
        case type(expected: [String], actual: JSONValue)
        /// `enum`: the value is none of `allowed`.
        case notInEnum(allowed: [JSONValue], actual: JSONValue)
        /// `const`: the value differs from `expected`.
        case notConst(expected: JSONValue, actual: JSONValue)
        /// `multipleOf`.
        case notMultipleOf(divisor: JSONNumber, actual: JSONNumber)
        /// `minimum` / `exclusiveMinimum`.
        case belowMinimum(limit: JSONNumber, exclusive: Bool, actual: JSONNumber)
        /// `maximum` / `exclusiveMaximum`.
        case aboveMaximum(limit: JSONNumber, exclusive: Bool, actual: JSONNumber)
        /// `minLength` (lengths in Unicode code points).
        case tooShort(limit: Int, actual: Int)
        /// `maxLength` (lengths in Unicode code points).
        case tooLong(limit: Int, actual: Int)
        /// `pattern`: the string does not match.
        case patternMismatch(pattern: String, actual: String)
        /// A `pattern`/`patternProperties` match ran past the time limit: the value is
        /// rejected (fail closed).
        case patternTimeout(pattern: String, limit: Duration)
        /// `format` (when asserted): the string is not a valid `format`.
        case invalidFormat(format: String, actual: String)
        /// `minItems`.
        case tooFewItems(limit: Int, actual: Int)
        /// `maxItems`.
        case tooManyItems(limit: Int, actual: Int)
        /// `uniqueItems`: items at `first` and `second` are equal.
        case duplicateItems(first: Int, second: Int)
        /// `contains` / `minContains`: too few items match.
        case tooFewContains(limit: Int, actual: Int)
        /// `maxContains`: too many items match.
        case tooManyContains(limit: Int, actual: Int)
        /// `minProperties`.
        case tooFewProperties(limit: Int, actual: Int)
        /// `maxProperties`.
        case tooManyProperties(limit: Int, actual: Int)
        /// `required`: `property` is missing.
        case missingProperty(property: String)
        /// `dependentRequired`: `property` must be present because `dependency` is.
        case missingDependentProperty(property: String, dependency: String)
        /// `additionalProperties: false`: `name` is not allowed; `allowed` lists the declared names.
        case additionalPropertyNotAllowed(name: String, allowed: [String])
        /// `unevaluatedProperties: false`: `name` was not evaluated; `allowed` lists the
        /// names declared by the schema and its in-place subschemas.
        case unevaluatedPropertyNotAllowed(name: String, allowed: [String])
        /// `items: false` after `prefixItems`: only `limit` items are allowed.
        case additionalItemNotAllowed(index: Int, limit: Int)
        /// `unevaluatedItems: false`: the item at `index` was not evaluated.
        case unevaluatedItemNotAllowed(index: Int)
        /// `not`: the value matches the schema it must not match.
        case matchesNot
        /// `anyOf`/`oneOf`: no alternative matches (among `count`).
        case noAlternativeMatched(count: Int)
        /// `oneOf`: several alternatives match (their indexes).
        case severalAlternativesMatched(indexes: [Int])
        /// Evaluation nested deeper than the limit (a `$ref` cycle that consumes no
        /// input, or an instance nested too deeply).
        case recursionLimit(depth: Int)
        /// Evaluation took more than `steps` schema evaluations (alternatives re-evaluating
        /// the same values exponentially); the value is rejected.
        case evaluationLimit(steps: Int)

        /// An English message for this failure.
        public var message: String {
            switch self {
            case .falseSchema:
                return "no value is allowed here"
            case .type(let expected, let actual):
                return "expected \(Self.orList(expected.map(Self.article))), got \(Self.describe(actual))"
            case .notInEnum(let allowed, let actual):
                if allowed.count == 1 { return "expected \(Self.short(allowed[0])), got \(Self.short(actual))" }
                return "expected one of \(allowed.map(Self.short).joined(separator: ", ")), got \(Self.short(actual))"
            case .notConst(let expected, let actual):
                return "expected \(Self.short(expected)), got \(Self.short(actual))"
            case .notMultipleOf(let divisor, let actual):
                return "expected a multiple of \(divisor), got \(actual)"
            case .belowMinimum(let limit, let exclusive, let actual):
                return "expected \(exclusive ? "a value greater than" : "at least") \(limit), got \(actual)"
            case .aboveMaximum(let limit, let exclusive, let actual):
                return "expected \(exclusive ? "a value less than" : "at most") \(limit), got \(actual)"
            case .tooShort(let limit, let actual):
                return "expected at least \(Self.plural(limit, "character")), got \(actual)"
            case .tooLong(let limit, let actual):
                return "expected at most \(Self.plural(limit, "character")), got \(actual)"
            case .patternMismatch(let pattern, let actual):
                return "\(Self.short(.string(actual))) does not match the pattern \(pattern)"
            case .patternTimeout(let pattern, let limit):
                return "pattern \(pattern) took too long to match (over \(ECMARegexError.format(limit))); the value is rejected — simplify the pattern"
            case .invalidFormat(let format, let actual):
                return "\(Self.short(.string(actual))) is not a valid \(format)"
            case .tooFewItems(let limit, let actual):
                return "expected at least \(Self.plural(limit, "item")), got \(actual)"
            case .tooManyItems(let limit, let actual):
                return "expected at most \(Self.plural(limit, "item")), got \(actual)"
            case .duplicateItems(let first, let second):
                return "items \(first) and \(second) are equal, but items must be unique"
            case .tooFewContains(let limit, let actual):
                return "expected at least \(Self.plural(limit, "item")) matching the `contains` schema, got \(actual)"
            case .tooManyContains(let limit, let actual):
                return "expected at most \(Self.plural(limit, "item")) matching the `contains` schema, got \(actual)"
            case .tooFewProperties(let limit, let actual):
                return "expected at least \(Self.plural(limit, "property", "properties")), got \(actual)"
            case .tooManyProperties(let limit, let actual):
                return "expected at most \(Self.plural(limit, "property", "properties")), got \(actual)"
            case .missingProperty(let property):
                return "missing required property \(Self.quote(property))"
            case .missingDependentProperty(let property, let dependency):
                return "missing property \(Self.quote(property)), required when \(Self.quote(dependency)) is present"
            case .unevaluatedPropertyNotAllowed(let name, let allowed) where allowed.contains(name):
                // A declared property whose subschema failed leaves no annotation, so it is
                // unevaluated too: say so rather than "not allowed (allowed: …it…)".
                return "property \(Self.quote(name)) is declared but its value is invalid, so it counts as unevaluated: fix the errors inside it"
            case .additionalPropertyNotAllowed(let name, let allowed), .unevaluatedPropertyNotAllowed(let name, let allowed):
                if allowed.isEmpty { return "property \(Self.quote(name)) is not allowed" }
                return "property \(Self.quote(name)) is not allowed (allowed: \(allowed.map(Self.quote).joined(separator: ", ")))"
            case .additionalItemNotAllowed(let index, let limit):
                return "item \(index) is not allowed: at most \(Self.plural(limit, "item")) expected"
            case .unevaluatedItemNotAllowed(let index):
                return "item \(index) is not allowed here"
            case .matchesNot:
                return "the value must not match the schema in `not`"
            case .noAlternativeMatched(let count):
                return "the value matches none of the \(count) alternatives"
            case .severalAlternativesMatched(let indexes):
                return "the value matches alternatives \(indexes.map(String.init).joined(separator: " and ")), but exactly one must match"
            case .evaluationLimit(let steps):
                return "validation stopped after \(steps) schema evaluations (alternatives that re-evaluate the same values exponentially); the value is rejected"
            case .recursionLimit(let depth):
                return "schema evaluation nested deeper than \(depth) levels (a $ref cycle that consumes no input, or an instance nested too deeply)"
            }
        }

        static func quote(_ text: String) -> String { JSONValue.string(text).serialized() }

        static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
            "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
        }

        static func article(_ type: String) -> String {
            switch type {
            case "null": return "null"
            case "integer", "object", "array": return "an \(type)"
            default: return "a \(type)"
            }
        }

        static func orList(_ items: [String]) -> String {
            guard items.count > 1 else { return items.first ?? "nothing" }
            return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
        }

        /// A value's JSON text, shortened past 60 characters.
        static func short(_ value: JSONValue) -> String {
            let text = value.serialized()
            guard text.count > 60 else { return text }
            return String(text.prefix(57)) + "…"
        }

        /// `number 42`, `string "x"`, `object`, `array`, `null`, `boolean true`.
        static func describe(_ value: JSONValue) -> String {
            switch value {
            case .null: return "null"
            case .bool(let flag): return "boolean \(flag)"
            case .number(let number): return "\(number.isInteger ? "integer" : "number") \(number)"
            case .string: return "string \(short(value))"
            case .array(let items): return "an array (\(plural(items.count, "item")))"
            case .object(let object): return "an object (\(plural(object.count, "property", "properties")))"
            }
        }
    }
}
