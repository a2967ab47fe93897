/// A schema resource at run time: its URI and its `$dynamicAnchor`s, for `$dynamicRef`.
///
/// `@unchecked Sendable`: filled while compiling, never mutated once the ``Validator``
/// is published.
final class SchemaResource: @unchecked Sendable {
    let uri: String
    var dynamicAnchors: [String: SchemaNode] = [:]

    init(uri: String) { self.uri = uri }
}

/// A compiled subschema: the boolean schemas, or a list of specialised keyword objects.
///
/// `@unchecked Sendable`: nodes are built and linked by the compiler (references may point
/// at nodes compiled later, hence `var`s), then never mutated once the ``Validator`` is
/// published. Nodes reference each other `unowned(unsafe)`; the validator's arena owns them.
final class SchemaNode: @unchecked Sendable {
    /// `true`/`false` for boolean schemas; nil for object schemas.
    var boolean: Bool?
    /// Keywords in evaluation order (`unevaluated*` last).
    var keywords: [Keyword] = [] {
        didSet { unmanagedKeywords = keywords.map { Unmanaged.passUnretained($0) } }
    }
    /// The same keywords, called without retain/release traffic (`keywords` owns them).
    private var unmanagedKeywords: [Unmanaged<Keyword>] = []
    /// Whether this node carries `unevaluatedProperties`/`unevaluatedItems` and so needs
    /// to know what its other keywords evaluated.
    var tracksEvaluation = false
    /// The resource this node belongs to.
    unowned(unsafe) var resource: SchemaResource
    /// `uri#pointer` of this node, for `absoluteKeywordLocation`; nil without an absolute URI.
    var absoluteLocation: String?

    init(resource: SchemaResource, absoluteLocation: String?) {
        self.resource = resource
        self.absoluteLocation = absoluteLocation
    }

    /// Validates `instance` against this node.
    @inline(__always)
    func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if let boolean {
            if !boolean, context.exhaustive {
                context.report(node: self, keyword: "false", .falseSchema)
            }
            return boolean
        }
        return validateKeywords(instance, context)
    }

    func validateKeywords(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        var pushedScope = false
        if context.usesDynamicScope, context.scope.last !== resource {
            context.scope.append(resource)
            pushedScope = true
        }
        defer { if pushedScope { context.scope.removeLast() } }

        if tracksEvaluation {
            let outer = context.tracker
            let tracker = EvaluationTracker()
            context.tracker = tracker
            let valid = runKeywords(instance, context)
            context.tracker = outer
            if valid { outer?.merge(tracker) }
            return valid
        }
        return runKeywords(instance, context)
    }

    @inline(__always)
    private func runKeywords(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        var valid = true
        for keyword in unmanagedKeywords where !keyword._withUnsafeGuaranteedRef({ $0.validate(instance, context) }) {
            valid = false
            if !context.exhaustive { return false }
        }
        return valid
    }
}

/// One compiled keyword (or a group of keywords evaluated together, such as
/// `properties` + `patternProperties` + `additionalProperties`).
///
/// Subclasses override ``validate(_:_:)``; in exhaustive mode they call
/// `context.report` for each failure. `@unchecked Sendable`: immutable after compiling.
class Keyword: @unchecked Sendable {
    /// The keyword name reported in errors.
    let name: String
    /// `uri#pointer/name`, for `absoluteKeywordLocation`.
    let absoluteLocation: String?

    init(name: String, node: SchemaNode) {
        self.name = name
        self.absoluteLocation = node.absoluteLocation.map { $0 + "/" + JSONPointer.escape(name) }
    }

    /// Whether `instance` satisfies this keyword.
    func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool { true }

    /// The absolute location of a part of this keyword (`…/properties/name`), or of the
    /// sibling keyword `sibling` of the same schema.
    func absoluteLocation(sibling: String? = nil, appending tokens: [String]) -> String? {
        guard var location = absoluteLocation else { return nil }
        if let sibling, sibling != name, let slash = location.lastIndex(of: "/") {
            location = String(location[...slash]) + JSONPointer.escape(sibling)
        }
        for token in tokens { location += "/" + JSONPointer.escape(token) }
        return location
    }
}
