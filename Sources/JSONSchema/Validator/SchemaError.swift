/// A schema that cannot be compiled, with a message saying what to fix.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the schema.
    public enum Kind: Sendable, Equatable {
        /// `$schema` names a dialect other than draft 2020-12 (or an unknown meta-schema).
        case unsupportedDialect(String)
        /// A meta-schema requires a vocabulary this engine does not implement.
        case unsupportedVocabulary(String)
        /// A `$ref` or `$dynamicRef` that resolves to nothing known.
        case unresolvableReference(String)
        /// A `pattern` or `patternProperties` key that is not a valid ECMA-262 regex.
        case invalidRegex(pattern: String, reason: String)
        /// A keyword value of the wrong shape (e.g. `minLength: -1`, `required: 3`).
        case invalidKeyword(keyword: String)
        /// The schema violates the draft 2020-12 meta-schema.
        case invalidSchema([ValidationError])
        /// The schema nests or references more deeply than the limits allow.
        case limitExceeded
    }

    /// What is wrong.
    public let kind: Kind
    /// Where in the schema (JSON Pointer into the schema document), when known.
    public let schemaLocation: String
    /// A readable explanation.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, at schemaLocation: String, _ message: String) {
        self.kind = kind
        self.schemaLocation = schemaLocation
        self.message = message
    }

    /// `schema location: message`.
    public var description: String {
        schemaLocation.isEmpty ? message : "\(schemaLocation): \(message)"
    }
}
