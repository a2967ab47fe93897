/// How a ``Validator`` compiles and evaluates a schema.
public struct ValidatorOptions: Sendable, Equatable {
    /// Whether `format` is an assertion (invalid values fail) rather than an annotation.
    /// Default false, as draft 2020-12 specifies; unknown formats always pass.
    public var formatAssertion: Bool
    /// The deepest nesting of schema evaluation (subschemas and `$ref`s applied to one
    /// instance path); past it evaluation stops with a `recursionLimit` error (default 256).
    public var maxDepth: Int
    /// The most schema evaluations one validation may perform (default 20 million, about a
    /// second); past it the instance is rejected with an `evaluationLimit` error. This bounds
    /// schemas whose alternatives re-evaluate the same values exponentially.
    public var maxEvaluationSteps: Int
    /// The longest one `pattern`/`patternProperties` match may run before it fails closed
    /// with a `patternTimeout` error (default 1 s).
    public var regexTimeout: Duration
    /// The total time all `pattern`/`patternProperties` matches of one validation may take
    /// (default 5 s): past it, every further regex match fails closed with `patternTimeout`,
    /// so a document full of hostile strings cannot multiply `regexTimeout`.
    public var regexTimeBudget: Duration
    /// The URI that relative references resolve against when the schema has no absolute
    /// `$id` (default `urn:codesocial:schema`).
    public var baseURI: String
    /// Whether the schema is checked against the draft 2020-12 meta-schema at compile time
    /// (default true): an invalid schema throws ``SchemaError`` with the violations.
    public var validateSchema: Bool

    /// Creates options.
    public init(
        formatAssertion: Bool = false,
        maxDepth: Int = 256,
        maxEvaluationSteps: Int = 20_000_000,
        regexTimeout: Duration = .seconds(1),
        regexTimeBudget: Duration = .seconds(5),
        baseURI: String = ValidatorOptions.defaultBaseURI,
        validateSchema: Bool = true
    ) {
        self.formatAssertion = formatAssertion
        self.maxDepth = maxDepth
        self.maxEvaluationSteps = maxEvaluationSteps
        self.regexTimeout = regexTimeout
        self.regexTimeBudget = regexTimeBudget
        self.baseURI = baseURI
        self.validateSchema = validateSchema
    }

    /// The base URI used when none is given.
    public static let defaultBaseURI = "urn:codesocial:schema"
}
