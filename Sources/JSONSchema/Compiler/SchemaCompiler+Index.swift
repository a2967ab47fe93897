extension SchemaCompiler {
    /// Keywords whose value is one subschema.
    static let schemaKeywords: Set<String> = [
        "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "contains",
        "propertyNames", "not", "if", "then", "else", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas.
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    /// Keywords whose value is an object of subschemas.
    static let schemaMapKeywords: Set<String> = ["$defs", "properties", "patternProperties", "dependentSchemas", "dependencies"]

    /// The deepest nesting of subschemas in one document (evaluation recursion is bounded by
    /// this plus `maxDepth` reference hops).
    static let maxNesting = 300

    /// Adds a document and indexes its resources and anchors; returns its number.
    func indexDocument(_ root: JSONValue, uri: String, isRoot: Bool = false) throws(SchemaError) -> Int {
        let document = documents.count
        documents.append(Document(uri: uri, root: root))
        let location = SchemaLocation(document: document, pointer: [])
        if resources[uri] == nil { resources[uri] = location }
        var vocabularies = Vocabularies.standard
        if case .object(let object) = root, let dialect = object["$schema"] {
            guard case .string(let metaSchema) = dialect else {
                throw SchemaError(.invalidKeyword(keyword: "$schema"), at: describe(location), "`$schema` must be a URI string")
            }
            vocabularies = try self.vocabularies(forMetaSchema: metaSchema, at: location)
            if isRoot { rootIsStandardDialect = URIReference.stripEmptyFragment(metaSchema) == Vocabularies.standardMetaSchema }
        }
        try walk(root, at: location, base: uri, vocabularies: vocabularies, depth: 0)
        return document
    }

    private func walk(_ value: JSONValue, at location: SchemaLocation, base: String, vocabularies: Vocabularies, depth: Int) throws(SchemaError) {
        guard depth < SchemaCompiler.maxNesting else {
            throw SchemaError(.limitExceeded, at: describe(location), "the schema nests subschemas more than \(SchemaCompiler.maxNesting) levels deep")
        }
        guard case .object(let object) = value else {
            info[location] = LocationInfo(base: base, vocabularies: vocabularies)
            return
        }
        var base = base
        var vocabularies = vocabularies
        if !location.pointer.isEmpty, case .string(let metaSchema)? = object["$schema"], object["$id"] != nil {
            vocabularies = try self.vocabularies(forMetaSchema: metaSchema, at: location)
        }
        if let id = object["$id"] {
            guard case .string(let text) = id else {
                throw SchemaError(.invalidKeyword(keyword: "$id"), at: describe(location), "`$id` must be a URI-reference string")
            }
            let resolved = URIReference.splitFragment(URIReference.resolve(text, against: base)).0
            base = resolved
            if resources[base] == nil { resources[base] = location }
        }
        info[location] = LocationInfo(base: base, vocabularies: vocabularies)
        if case .string(let anchor)? = object["$anchor"] {
            anchors[base + "#" + anchor] = location
        }
        if case .string(let anchor)? = object["$dynamicAnchor"] {
            if anchors[base + "#" + anchor] == nil { anchors[base + "#" + anchor] = location }
            dynamicAnchors[base, default: [:]][anchor] = location
        }
        for member in object.members {
            if Self.schemaKeywords.contains(member.key) {
                try walk(member.value, at: location.appending(member.key), base: base, vocabularies: vocabularies, depth: depth + 1)
            } else if Self.schemaArrayKeywords.contains(member.key), case .array(let items) = member.value {
                for (index, item) in items.enumerated() {
                    try walk(item, at: location.appending(member.key, String(index)), base: base, vocabularies: vocabularies, depth: depth + 1)
                }
            } else if Self.schemaMapKeywords.contains(member.key), case .object(let map) = member.value {
                for entry in map.members {
                    try walk(entry.value, at: location.appending(member.key, entry.key), base: base, vocabularies: vocabularies, depth: depth + 1)
                }
            }
        }
    }

    /// The vocabularies a `$schema` value selects; rejects other drafts and unknown meta-schemas.
    func vocabularies(forMetaSchema uri: String, at location: SchemaLocation) throws(SchemaError) -> Vocabularies {
        let bare = URIReference.stripEmptyFragment(uri)
        if bare == Vocabularies.standardMetaSchema { return .standard }
        if Vocabularies.isOtherDraft(bare) {
            throw SchemaError(.unsupportedDialect(uri), at: describe(location),
                              "unsupported dialect \"\(uri)\": this engine implements JSON Schema draft 2020-12 only; set \"$schema\" to \"\(Vocabularies.standardMetaSchema)\" (and port the schema) or remove it")
        }
        guard let metaSchema = lookupDocument(bare) else {
            throw SchemaError(.unsupportedDialect(uri), at: describe(location),
                              "unknown meta-schema \"\(uri)\" in \"$schema\": register it in the SchemaRegistry, or use \"\(Vocabularies.standardMetaSchema)\"")
        }
        guard case .object(let object) = metaSchema, case .object(let declared)? = object["$vocabulary"] else {
            return .standard
        }
        var result: Vocabularies = [.core]
        for (vocabulary, required) in declared.members {
            if let known = Vocabularies.named(vocabulary) {
                result.insert(known)
            } else if required == .bool(true) {
                throw SchemaError(.unsupportedVocabulary(vocabulary), at: describe(location),
                                  "the meta-schema \"\(uri)\" requires the vocabulary \"\(vocabulary)\", which this engine does not implement")
            }
        }
        return result
    }

    /// A document the caller registered (by key or root `$id`) or a bundled meta-schema.
    func lookupDocument(_ uri: String) -> JSONValue? {
        registry.document(at: uri) ?? registryByID[uri] ?? MetaSchemas.document(at: uri)
    }

    /// Resolves a `$ref`/`$dynamicRef` value against `base` to a location, loading registry
    /// documents as needed. Returns the location and, for plain-name fragments, the anchor.
    func resolveReference(_ reference: String, base: String, from location: SchemaLocation, keyword: String) throws(SchemaError) -> (SchemaLocation, anchor: String?) {
        let absolute = URIReference.resolve(reference, against: base)
        let (uri, fragment) = URIReference.splitFragment(absolute)
        if resources[uri] == nil, let document = lookupDocument(uri) {
            _ = try indexDocument(document, uri: uri)
        }
        guard let root = resources[uri] else {
            throw SchemaError(.unresolvableReference(reference), at: describe(location),
                              "cannot resolve \(keyword) \"\(reference)\" (\(uri)): no such schema; register the document in the SchemaRegistry (references are never fetched from the network)")
        }
        if fragment.isEmpty { return (root, nil) }
        if fragment.hasPrefix("/") {
            guard let pointer = JSONPointer(fragment) else {
                throw SchemaError(.unresolvableReference(reference), at: describe(location), "invalid JSON Pointer in \(keyword) \"\(reference)\"")
            }
            let target = SchemaLocation(document: root.document, pointer: root.pointer + pointer.tokens)
            guard value(at: target) != nil else {
                throw SchemaError(.unresolvableReference(reference), at: describe(location),
                                  "cannot resolve \(keyword) \"\(reference)\": nothing at \(pointer) in \(uri)")
            }
            return (target, nil)
        }
        guard let target = anchors[uri + "#" + fragment] else {
            throw SchemaError(.unresolvableReference(reference), at: describe(location),
                              "cannot resolve \(keyword) \"\(reference)\": no anchor \"\(fragment)\" in \(uri)")
        }
        return (target, fragment)
    }
}
