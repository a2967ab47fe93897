/// A compiled JSON Schema (draft 2020-12): compile once, validate many instances, from
/// any number of threads.
///
/// ```swift
/// let validator = try Validator(schema: schema)
/// validator.isValid(instance)              // flag mode: fast, stops at the first failure
/// validator.validate(instance).errors      // exhaustive mode: every error, with locations
/// ```
public final class Validator: Sendable {
    private let root: SchemaNode
    /// Owns every compiled node (nodes reference each other without retaining).
    private let arena: [SchemaNode]
    private let resources: [SchemaResource]
    private let usesDynamicScope: Bool
    /// The options the validator was compiled with.
    public let options: ValidatorOptions

    /// Compiles `schema`.
    ///
    /// - Parameters:
    ///   - schema: the schema (an object or a boolean).
    ///   - options: format assertion, limits, base URI, meta-schema check.
    ///   - registry: documents for remote `$ref`s (never fetched from the network).
    /// - Throws: ``SchemaError`` for another dialect, an unresolvable `$ref`, an invalid
    ///   regex, a malformed keyword, a schema violating the meta-schema, or limits.
    public init(schema: JSONValue, options: ValidatorOptions = .init(), registry: SchemaRegistry = .init()) throws(SchemaError) {
        // Check against the meta-schema first: its errors say most precisely what is wrong.
        if options.validateSchema, Validator.usesStandardDialect(schema) {
            try Validator.checkAgainstMetaSchema(schema)
        }
        let compiler = SchemaCompiler(options: options, registry: registry)
        let root = try compiler.compile(schema)
        self.root = root
        self.arena = compiler.arena
        self.resources = Array(compiler.runtimeResources.values)
        self.usesDynamicScope = compiler.usesDynamicRef
        self.options = options
    }

    /// Whether `instance` is valid (flag mode: stops at the first failure, builds no
    /// messages or locations).
    public func isValid(_ instance: JSONValue) -> Bool {
        let context = Evaluation(exhaustive: false, options: options, usesDynamicScope: usesDynamicScope)
        return root.validate(instance, context) && !context.aborted
    }

    /// Validates `instance` and returns every error with its locations (exhaustive mode).
    public func validate(_ instance: JSONValue) -> ValidationResult {
        let context = Evaluation(exhaustive: true, options: options, usesDynamicScope: usesDynamicScope)
        let valid = root.validate(instance, context) && !context.aborted
        var errors = valid ? [] : context.errors
        // A limit hit inside `not`, `if` or a discarded alternative must still be reported.
        if let abortError = context.abortError, !errors.contains(abortError) { errors.append(abortError) }
        return ValidationResult(isValid: valid, errors: errors)
    }

    /// The draft 2020-12 meta-schema, compiled once.
    private static let metaValidator: Result<Validator, SchemaError> = Result { () throws(SchemaError) -> Validator in
        try Validator(schema: MetaSchemas.draft202012, options: ValidatorOptions(validateSchema: false))
    }

    /// Checks `schema` against the draft 2020-12 meta-schema.
    ///
    /// - Returns: the result of validating the schema as an instance of the meta-schema.
    public static func checkSchema(_ schema: JSONValue) throws(SchemaError) -> ValidationResult {
        try metaValidator.get().validate(schema)
    }

    private static func usesStandardDialect(_ schema: JSONValue) -> Bool {
        guard case .string(let dialect)? = schema["$schema"] else { return true }
        return URIReference.stripEmptyFragment(dialect) == Vocabularies.standardMetaSchema
    }

    private static func checkAgainstMetaSchema(_ schema: JSONValue) throws(SchemaError) {
        let result = try checkSchema(schema)
        guard !result.isValid else { return }
        let shown = result.errors.prefix(5).map { "\($0.instanceLocation.isRoot ? "schema root" : "at " + $0.instanceLocation.description): \($0.message)" }
        let more = result.errors.count > 5 ? " (and \(result.errors.count - 5) more)" : ""
        throw SchemaError(.invalidSchema(result.errors), at: "",
                          "the schema is not valid against the JSON Schema 2020-12 meta-schema: " + shown.joined(separator: "; ") + more)
    }
}
