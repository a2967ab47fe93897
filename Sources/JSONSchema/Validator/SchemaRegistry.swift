/// Schema documents the caller supplies for remote `$ref`s, by URI. The engine never
/// fetches anything over the network: a reference resolves only to a document registered
/// here, to the bundled draft 2020-12 meta-schemas, or to the schema itself.
public struct SchemaRegistry: Sendable {
    private(set) var documents: [String: JSONValue] = [:]

    /// An empty registry (the bundled meta-schemas are always available).
    public init() {}

    /// A registry holding `documents`, keyed by URI.
    public init(_ documents: [String: JSONValue]) {
        for (uri, document) in documents { register(document, at: uri) }
    }

    /// Registers `document` as the resource at `uri` (an absolute URI; a trailing empty
    /// fragment `#` is ignored). A document whose root `$id` differs is also found by that `$id`.
    public mutating func register(_ document: JSONValue, at uri: String) {
        documents[URIReference.stripEmptyFragment(uri)] = document
    }

    /// The document registered at `uri`, if any.
    public func document(at uri: String) -> JSONValue? {
        documents[URIReference.stripEmptyFragment(uri)]
    }

    /// The registered URIs.
    public var uris: [String] { Array(documents.keys) }
}
