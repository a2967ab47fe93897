/// `$ref`: applies the referenced schema, resolved at compile time.
final class RefKeyword: Keyword, @unchecked Sendable {
    /// The target, owned by the validator's arena (references may form cycles).
    let target: Unmanaged<SchemaNode>

    init(node: SchemaNode, target: SchemaNode) {
        self.target = Unmanaged.passUnretained(target)
        super.init(name: "$ref", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        target._withUnsafeGuaranteedRef { target in
            guard context.enterReference(target) else { return false }
            defer { context.depth -= 1 }
            return context.applyInPlace(target, instance, "$ref")
        }
    }
}

/// `$dynamicRef`: like `$ref`, except that when the initial target carries a matching
/// `$dynamicAnchor`, the outermost resource of the dynamic scope with that anchor wins.
final class DynamicRefKeyword: Keyword, @unchecked Sendable {
    unowned(unsafe) var initial: SchemaNode
    /// The anchor name, when the initial target is a `$dynamicAnchor` of that name.
    let anchor: String?

    init(node: SchemaNode, initial: SchemaNode, anchor: String?) {
        self.initial = initial
        self.anchor = anchor
        super.init(name: "$dynamicRef", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        var target = initial
        if let anchor {
            for resource in context.scope {
                if let dynamic = resource.dynamicAnchors[anchor] {
                    target = dynamic
                    break
                }
            }
        }
        guard context.enterReference(target) else { return false }
        defer { context.depth -= 1 }
        return context.applyInPlace(target, instance, "$dynamicRef")
    }
}

/// `allOf`.
final class AllOfKeyword: Keyword, @unchecked Sendable {
    let schemas: [SchemaNode]
    let indexes: [String]

    init(node: SchemaNode, schemas: [SchemaNode]) {
        self.schemas = schemas
        self.indexes = schemas.indices.map(String.init)
        super.init(name: "allOf", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        var valid = true
        for (position, schema) in schemas.enumerated() where !context.applyInPlace(schema, instance, "allOf", indexes[position]) {
            valid = false
            if !context.exhaustive { return false }
        }
        return valid
    }
}

/// `not`.
final class NotKeyword: Keyword, @unchecked Sendable {
    let schema: SchemaNode

    init(node: SchemaNode, schema: SchemaNode) {
        self.schema = schema
        super.init(name: "not", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        // Evaluate the subschema silently: its failures are this keyword's success.
        let saved = context.errors.count
        let outer = context.tracker
        context.tracker = nil
        let matched = schema.validate(instance, context)
        context.tracker = outer
        if context.exhaustive { context.errors.removeSubrange(saved...) }
        if matched { context.report(self, .matchesNot) }
        return !matched
    }
}

/// `if` / `then` / `else`.
final class ConditionalKeyword: Keyword, @unchecked Sendable {
    let condition: SchemaNode
    let thenSchema: SchemaNode?
    let elseSchema: SchemaNode?

    init(node: SchemaNode, condition: SchemaNode, then thenSchema: SchemaNode?, else elseSchema: SchemaNode?) {
        self.condition = condition
        self.thenSchema = thenSchema
        self.elseSchema = elseSchema
        super.init(name: "if", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        let saved = context.errors.count
        let holds = context.applyInPlace(condition, instance, "if")
        if context.exhaustive { context.errors.removeSubrange(saved...) }
        if holds {
            guard let thenSchema else { return true }
            return context.applyInPlace(thenSchema, instance, "then")
        }
        guard let elseSchema else { return true }
        return context.applyInPlace(elseSchema, instance, "else")
    }
}

/// `dependentSchemas`.
final class DependentSchemasKeyword: Keyword, @unchecked Sendable {
    let schemas: [(property: String, schema: SchemaNode)]

    init(node: SchemaNode, name: String = "dependentSchemas", schemas: [(property: String, schema: SchemaNode)]) {
        self.schemas = schemas
        super.init(name: name, node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, schema) in schemas where object.index(forKey: property) != nil {
            if !context.applyInPlace(schema, instance, name, property) {
                valid = false
                if !context.exhaustive { return false }
            }
        }
        return valid
    }
}
