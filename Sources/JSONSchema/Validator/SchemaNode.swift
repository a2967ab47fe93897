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
        didSet {
            unmanagedKeywords.deallocate()
            unmanagedKeywords = .allocate(capacity: keywords.count)
            _ = unmanagedKeywords.initialize(from: keywords.map { Unmanaged.passUnretained($0) })
            // Flag mode checks `type` inline (no call) and leaves out `required` when the
            // sibling `properties` checks it; exhaustive mode runs every keyword in order.
            var mask = TypeKeyword.all
            var flagList: [Unmanaged<Keyword>] = []
            for keyword in keywords {
                if let type = keyword as? TypeKeyword {
                    mask &= type.mask
                } else if let required = keyword as? RequiredKeyword, required.checkedByProperties {
                    continue
                } else {
                    flagList.append(Unmanaged.passUnretained(keyword))
                }
            }
            flagTypeMask = mask
            flagKeywords.deallocate()
            flagKeywords = .allocate(capacity: flagList.count)
            _ = flagKeywords.initialize(from: flagList)
        }
    }
    /// Flag mode: the keywords other than `type` (and `required` when `properties` checks it).
    private var flagKeywords = UnsafeMutableBufferPointer<Unmanaged<Keyword>>.allocate(capacity: 0)
    /// Flag mode: the instance types `type` allows (``TypeKeyword/all`` without `type`).
    private var flagTypeMask = TypeKeyword.all
    /// The same keywords, called without retain/release traffic (`keywords` owns them). A raw
    /// buffer rather than an array: reading an array stored in a `var` retains its storage.
    private var unmanagedKeywords = UnsafeMutableBufferPointer<Unmanaged<Keyword>>.allocate(capacity: 0)
    /// Whether this node carries `unevaluatedProperties`/`unevaluatedItems` and so needs
    /// to know what its other keywords evaluated.
    var tracksEvaluation = false
    /// The resource this node belongs to.
    unowned(unsafe) var resource: SchemaResource
    /// The absolute URI of this node's resource, when it has one (see ``absoluteLocation``).
    private let absoluteBase: String?
    /// The pointer from that resource's root to this node (unescaped tokens).
    private let absoluteTokens: [String]

    /// `uri#pointer` of this node, for `absoluteKeywordLocation`; nil without an absolute URI.
    /// Built when an error is reported, not when compiling (most nodes never report one).
    var absoluteLocation: String? {
        absoluteBase.map { $0 + "#" + JSONPointer(tokens: absoluteTokens).description }
    }

    /// Creates a node; `absoluteBase` and `absoluteTokens` give its `uri#pointer` (nil base: none).
    init(resource: SchemaResource, absoluteBase: String?, absoluteTokens: [String]) {
        self.resource = resource
        self.absoluteBase = absoluteBase
        self.absoluteTokens = absoluteBase == nil ? [] : absoluteTokens
    }

    deinit {
        unmanagedKeywords.deallocate()
        flagKeywords.deallocate()
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
        context.steps &+= 1
        if context.steps > context.maxSteps || context.aborted {
            context.reportStepLimit(node: self)
            return false
        }
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
        if !context.exhaustive {
            if flagTypeMask != TypeKeyword.all, flagTypeMask & TypeKeyword.bit(of: instance) == 0 { return false }
            let keywords = flagKeywords
            for index in 0..<keywords.count where !keywords[index]._withUnsafeGuaranteedRef({ $0.validate(instance, context) }) {
                return false
            }
            return true
        }
        var valid = true
        let keywords = unmanagedKeywords
        for index in 0..<keywords.count where !keywords[index]._withUnsafeGuaranteedRef({ $0.validate(instance, context) }) {
            valid = false
            if !context.exhaustive { return false }
        }
        return valid
    }
}
