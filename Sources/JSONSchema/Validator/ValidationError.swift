/// One failed assertion, as an output unit of the spec's Basic format.
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// Where in the instance (JSON Pointer).
    public let instanceLocation: JSONPointer
    /// The evaluation path to the failing keyword, through `$ref`s.
    public let keywordLocation: JSONPointer
    /// The failing keyword's absolute location (`uri#/pointer`), when the schema resource
    /// has an absolute URI.
    public let absoluteKeywordLocation: String?
    /// The failing keyword (`required`, `type`, `additionalProperties`, …).
    public let keyword: String
    /// What failed, with the values involved (for messages in other languages).
    public let kind: Kind
    /// An English message a person understands without the spec.
    public var message: String { kind.message }

    /// Creates an error.
    public init(instanceLocation: JSONPointer, keywordLocation: JSONPointer, absoluteKeywordLocation: String?, keyword: String, kind: Kind) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.kind = kind
    }

    /// `instanceLocation: message` (the root shows as `/`).
    public var description: String {
        "\(instanceLocation.isRoot ? "/" : instanceLocation.description): \(message)"
    }
}
