/// `anyOf` and `oneOf`. In exhaustive mode a failure reports the errors of the best
/// matching alternative only (see ``BestMatch``), not every branch.
final class AlternativesKeyword: Keyword, @unchecked Sendable {
    let schemas: [SchemaNode]
    let indexes: [String]
    let exactlyOne: Bool

    init(node: SchemaNode, schemas: [SchemaNode], exactlyOne: Bool) {
        self.schemas = schemas
        self.indexes = schemas.indices.map(String.init)
        self.exactlyOne = exactlyOne
        super.init(name: exactlyOne ? "oneOf" : "anyOf", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if context.exhaustive { return validateExhaustively(instance, context) }
        // Flag mode: stop as soon as the answer is known, unless an unevaluated* keyword
        // needs the annotations of every valid alternative.
        let collect = context.tracker != nil
        var matches = 0
        for (position, schema) in schemas.enumerated() where context.applyInPlace(schema, instance, name, indexes[position]) {
            matches += 1
            if exactlyOne {
                if matches > 1 { return false }
            } else if !collect {
                return true
            }
        }
        return exactlyOne ? matches == 1 : matches > 0
    }

    private func validateExhaustively(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        let start = context.errors.count
        var branches: [[ValidationError]] = []
        var matching: [Int] = []
        for (position, schema) in schemas.enumerated() {
            let mark = context.errors.count
            if context.applyInPlace(schema, instance, name, indexes[position]) {
                matching.append(position)
            }
            branches.append(Array(context.errors[mark...]))
            context.errors.removeSubrange(mark...)
        }
        context.errors.removeSubrange(start...)
        if exactlyOne, matching.count > 1 {
            context.report(self, .severalAlternativesMatched(indexes: matching))
            return false
        }
        if !matching.isEmpty { return true }
        let depth = context.instancePath.count
        // Every branch rejected only the type: one merged type error.
        var types: [String] = []
        var actual: JSONValue?
        let typeOnly = branches.allSatisfy { errors in
            guard errors.count == 1, case .type(let expected, let value) = errors[0].kind,
                  errors[0].instanceLocation.tokens.count == depth else { return false }
            for type in expected where !types.contains(type) { types.append(type) }
            actual = value
            return true
        }
        if typeOnly, let actual {
            context.report(self, .type(expected: types, actual: actual))
            return false
        }
        if let best = BestMatch.select(branches, depth: depth) {
            context.errors += branches[best]
        } else {
            context.report(self, .noAlternativeMatched(count: schemas.count))
        }
        return false
    }
}
