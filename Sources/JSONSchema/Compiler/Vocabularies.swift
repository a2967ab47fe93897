/// The draft 2020-12 vocabularies a schema resource uses (from its meta-schema's `$vocabulary`).
struct Vocabularies: OptionSet, Hashable {
    let rawValue: UInt16

    static let core = Vocabularies(rawValue: 1)
    static let applicator = Vocabularies(rawValue: 2)
    static let unevaluated = Vocabularies(rawValue: 4)
    static let validation = Vocabularies(rawValue: 8)
    static let metaData = Vocabularies(rawValue: 16)
    static let formatAnnotation = Vocabularies(rawValue: 32)
    static let formatAssertion = Vocabularies(rawValue: 64)
    static let content = Vocabularies(rawValue: 128)

    /// The vocabularies of the standard draft 2020-12 meta-schema.
    static let standard: Vocabularies = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

    /// The vocabulary a URI names, if this engine implements it.
    static func named(_ uri: String) -> Vocabularies? {
        let prefix = "https://json-schema.org/draft/2020-12/vocab/"
        guard uri.hasPrefix(prefix) else { return nil }
        switch uri.dropFirst(prefix.count) {
        case "core": return .core
        case "applicator": return .applicator
        case "unevaluated": return .unevaluated
        case "validation": return .validation
        case "meta-data": return .metaData
        case "format-annotation": return .formatAnnotation
        case "format-assertion": return .formatAssertion
        case "content": return .content
        default: return nil
        }
    }

    /// The standard draft 2020-12 meta-schema URI.
    static let standardMetaSchema = "https://json-schema.org/draft/2020-12/schema"

    /// Whether `uri` names a JSON Schema draft other than 2020-12.
    static func isOtherDraft(_ uri: String) -> Bool {
        let known = [
            "http://json-schema.org/draft-03/schema", "http://json-schema.org/draft-04/schema",
            "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-07/schema",
            "https://json-schema.org/draft/2019-09/schema", "http://json-schema.org/schema",
            "https://json-schema.org/draft/next/schema",
        ]
        let bare = URIReference.stripEmptyFragment(uri)
        return known.contains(bare)
            || bare.hasPrefix("http://json-schema.org/draft-") || bare.hasPrefix("https://json-schema.org/draft-")
    }
}
