/// Where a subschema sits: a document and a JSON Pointer inside it.
struct SchemaLocation: Hashable {
    let document: Int
    let pointer: [String]

    func appending(_ tokens: String...) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer + tokens)
    }
}

/// Compiles schema documents into linked ``SchemaNode``s: indexes resources (`$id`,
/// `$anchor`, `$dynamicAnchor`), resolves `$ref`s ahead of time (through the caller's
/// registry and the bundled meta-schemas only), and builds specialised keyword objects.
final class SchemaCompiler {
    struct Document {
        let uri: String
        let root: JSONValue
    }

    struct LocationInfo {
        let base: String
        let vocabularies: Vocabularies
    }

    let options: ValidatorOptions
    let registry: SchemaRegistry
    var registryByID: [String: JSONValue] = [:]
    var documents: [Document] = []
    /// Absolute resource URI → where the resource's root is.
    var resources: [String: SchemaLocation] = [:]
    /// `uri#name` → location, for `$anchor` and `$dynamicAnchor`.
    var anchors: [String: SchemaLocation] = [:]
    /// Resource URI → dynamic anchor name → location.
    var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
    var info: [SchemaLocation: LocationInfo] = [:]
    var runtimeResources: [String: SchemaResource] = [:]
    var nodes: [SchemaLocation: SchemaNode] = [:]
    var arena: [SchemaNode] = []
    var pending: [SchemaLocation] = []
    var dynamicAnchorNames: Set<String> = []
    var usesDynamicRef = false
    /// Whether the root resource uses the standard 2020-12 dialect.
    var rootIsStandardDialect = true

    init(options: ValidatorOptions, registry: SchemaRegistry) {
        self.options = options
        self.registry = registry
        for uri in registry.uris {
            if let document = registry.document(at: uri), let id = document["$id"]?.stringValue {
                registryByID[URIReference.stripEmptyFragment(URIReference.resolve(id, against: uri))] = document
            }
        }
    }

    /// Compiles `schema` and everything it references; returns the root node.
    func compile(_ schema: JSONValue) throws(SchemaError) -> SchemaNode {
        let document = try indexDocument(schema, uri: URIReference.stripEmptyFragment(options.baseURI), isRoot: true)
        let root = try node(for: SchemaLocation(document: document, pointer: []))
        try drain()
        return root
    }

    /// Compiles pending nodes, then the dynamic anchors `$dynamicRef`s may jump to.
    func drain() throws(SchemaError) {
        while true {
            while let location = pending.popLast() {
                guard let node = nodes[location] else { continue }
                try compileNode(node, at: location)
            }
            var added = false
            for (uri, names) in dynamicAnchors {
                for (name, location) in names where dynamicAnchorNames.contains(name) {
                    let resource = runtimeResource(uri)
                    if resource.dynamicAnchors[name] == nil {
                        resource.dynamicAnchors[name] = try node(for: location)
                        added = true
                    }
                }
            }
            if !added && pending.isEmpty { return }
        }
    }

    func runtimeResource(_ uri: String) -> SchemaResource {
        if let existing = runtimeResources[uri] { return existing }
        let resource = SchemaResource(uri: uri)
        runtimeResources[uri] = resource
        return resource
    }

    /// The raw JSON at `location`.
    func value(at location: SchemaLocation) -> JSONValue? {
        documents[location.document].root[JSONPointer(tokens: location.pointer)]
    }

    /// A `/a/b` text for error messages.
    func describe(_ location: SchemaLocation) -> String {
        let pointer = JSONPointer(tokens: location.pointer).description
        let uri = documents[location.document].uri
        return uri == options.baseURI ? (pointer.isEmpty ? "schema root" : "schema " + pointer) : "\(uri)#\(pointer)"
    }

    /// The node for `location`, created (and queued for compiling) on first request.
    func node(for location: SchemaLocation) throws(SchemaError) -> SchemaNode {
        if let existing = nodes[location] { return existing }
        if arena.count > 1_000_000 {
            throw SchemaError(.limitExceeded, at: describe(location), "the schema has more than a million subschemas")
        }
        let locationInfo = self.locationInfo(location)
        let resource = runtimeResource(locationInfo.base)
        var absoluteBase: String?
        var absoluteTokens: [String] = []
        if locationInfo.base != ValidatorOptions.defaultBaseURI, let root = resources[locationInfo.base],
           root.document == location.document, location.pointer.starts(with: root.pointer) {
            absoluteBase = locationInfo.base
            // Usually the document root: then the location's own array is shared, not copied.
            absoluteTokens = root.pointer.isEmpty ? location.pointer : Array(location.pointer.dropFirst(root.pointer.count))
        }
        let node = SchemaNode(resource: resource, absoluteBase: absoluteBase, absoluteTokens: absoluteTokens)
        nodes[location] = node
        arena.append(node)
        pending.append(location)
        return node
    }

    /// The base URI and vocabularies at `location` (from the index, or from the nearest
    /// indexed ancestor for locations the index did not visit).
    func locationInfo(_ location: SchemaLocation) -> LocationInfo {
        if let known = info[location] { return known }
        var pointer = location.pointer
        while !pointer.isEmpty {
            pointer.removeLast()
            if let known = info[SchemaLocation(document: location.document, pointer: pointer)] { return known }
        }
        return LocationInfo(base: documents[location.document].uri, vocabularies: .standard)
    }
}
