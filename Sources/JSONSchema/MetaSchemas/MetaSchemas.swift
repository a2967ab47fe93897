/// The draft 2020-12 meta-schema and its vocabulary meta-schemas, bundled as text so that
/// `$ref`s to them resolve without a network or a resource bundle.
enum MetaSchemas {
    /// URI → meta-schema text.
    static let texts: [String: String] = [
        "https://json-schema.org/draft/2020-12/schema": schema,
        "https://json-schema.org/draft/2020-12/meta/core": core,
        "https://json-schema.org/draft/2020-12/meta/applicator": applicator,
        "https://json-schema.org/draft/2020-12/meta/unevaluated": unevaluated,
        "https://json-schema.org/draft/2020-12/meta/validation": validation,
        "https://json-schema.org/draft/2020-12/meta/meta-data": metaData,
        "https://json-schema.org/draft/2020-12/meta/format-annotation": formatAnnotation,
        "https://json-schema.org/draft/2020-12/meta/format-assertion": formatAssertion,
        "https://json-schema.org/draft/2020-12/meta/content": content,
    ]

    /// The parsed meta-schemas (parsed once, on first use).
    static let documents: [String: JSONValue] = {
        var parsed: [String: JSONValue] = [:]
        for (uri, text) in texts {
            // The texts are fixed at build time and covered by tests; a parse failure
            // would only leave that meta-schema unavailable (an unresolvable-$ref error).
            if let value = try? JSONParser.parseValue(text) { parsed[uri] = value }
        }
        return parsed
    }()

    /// The bundled meta-schema at `uri`, if any.
    static func document(at uri: String) -> JSONValue? {
        documents[URIReference.stripEmptyFragment(uri)]
    }

    /// The draft 2020-12 meta-schema.
    static var draft202012: JSONValue { documents[Vocabularies.standardMetaSchema] ?? .bool(true) }
}
