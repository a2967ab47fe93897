extension SchemaCompiler {
    /// Builds the keyword objects of `node` from the JSON at `location`.
    func compileNode(_ node: SchemaNode, at location: SchemaLocation) throws(SchemaError) {
        switch value(at: location) {
        case .bool(let flag)?:
            node.boolean = flag
            return
        case .object(let object)?:
            try compileKeywords(node, object, at: location)
        default:
            throw SchemaError(.invalidKeyword(keyword: location.pointer.last ?? ""), at: describe(location),
                              "a schema must be an object or a boolean")
        }
    }

    private func compileKeywords(_ node: SchemaNode, _ object: JSONObject, at location: SchemaLocation) throws(SchemaError) {
        let info = locationInfo(location)
        let vocabularies = info.vocabularies
        var keywords: [Keyword] = []
        let bad = { (keyword: String, expectation: String) -> SchemaError in
            SchemaError(.invalidKeyword(keyword: keyword), at: self.describe(location.appending(keyword)), "`\(keyword)` must be \(expectation)")
        }
        func sub(_ tokens: String...) throws(SchemaError) -> SchemaNode {
            try self.node(for: SchemaLocation(document: location.document, pointer: location.pointer + tokens))
        }
        func schemaArray(_ keyword: String) throws(SchemaError) -> [SchemaNode]? {
            guard let value = object[keyword] else { return nil }
            guard case .array(let items) = value, !items.isEmpty else { throw bad(keyword, "a non-empty array of schemas") }
            var nodes: [SchemaNode] = []
            for index in items.indices { nodes.append(try sub(keyword, String(index))) }
            return nodes
        }
        func count(_ keyword: String) throws(SchemaError) -> Int? {
            guard let value = object[keyword] else { return nil }
            guard case .number(let number) = value, number.isInteger, !number.isNegative else {
                throw bad(keyword, "a non-negative integer")
            }
            return number.intValue ?? Int.max
        }
        func isFalse(_ keyword: String) -> Bool { object[keyword] == .bool(false) }

        // Validation keywords first: cheap checks fail fastest.
        if vocabularies.contains(.validation) {
            if let type = object["type"] {
                var names: [String] = []
                switch type {
                case .string(let name): names = [name]
                case .array(let items):
                    for item in items {
                        guard case .string(let name) = item else { throw bad("type", "a type name or an array of type names") }
                        names.append(name)
                    }
                default: throw bad("type", "a type name or an array of type names")
                }
                let known: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]
                for name in names where !known.contains(name) {
                    throw bad("type", "one of null, boolean, object, array, number, string, integer (found \"\(name)\")")
                }
                keywords.append(TypeKeyword(node: node, names: names))
            }
            if let value = object["const"] { keywords.append(ConstKeyword(node: node, value: value)) }
            if let value = object["enum"] {
                guard case .array(let items) = value else { throw bad("enum", "an array") }
                keywords.append(EnumKeyword(node: node, values: items))
            }
            for name in ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"] {
                guard let value = object[name] else { continue }
                guard case .number(let limit) = value else { throw bad(name, "a number") }
                keywords.append(BoundKeyword(node: node, name: name, limit: limit))
            }
            if let value = object["multipleOf"] {
                guard case .number(let divisor) = value, divisor.signum > 0 else { throw bad("multipleOf", "a number greater than 0") }
                keywords.append(MultipleOfKeyword(node: node, divisor: divisor))
            }
            if let limit = try count("minLength") { keywords.append(LengthKeyword(node: node, limit: limit, isMinimum: true)) }
            if let limit = try count("maxLength") { keywords.append(LengthKeyword(node: node, limit: limit, isMinimum: false)) }
            if let value = object["pattern"] {
                guard case .string(let pattern) = value else { throw bad("pattern", "a regular expression string") }
                keywords.append(PatternKeyword(node: node, pattern: pattern, regex: try regex(pattern, at: location.appending("pattern"))))
            }
            if let limit = try count("minItems") { keywords.append(ItemCountKeyword(node: node, limit: limit, isMinimum: true)) }
            if let limit = try count("maxItems") { keywords.append(ItemCountKeyword(node: node, limit: limit, isMinimum: false)) }
            if let value = object["uniqueItems"] {
                guard case .bool(let unique) = value else { throw bad("uniqueItems", "a boolean") }
                if unique { keywords.append(UniqueItemsKeyword(node: node)) }
            }
            if let limit = try count("minProperties") { keywords.append(PropertyCountKeyword(node: node, limit: limit, isMinimum: true)) }
            if let limit = try count("maxProperties") { keywords.append(PropertyCountKeyword(node: node, limit: limit, isMinimum: false)) }
            if let value = object["required"] {
                guard let names = try stringArray(value) else { throw bad("required", "an array of strings") }
                keywords.append(RequiredKeyword(node: node, names: names))
            }
            if let value = object["dependentRequired"] {
                guard case .object(let map) = value else { throw bad("dependentRequired", "an object of string arrays") }
                var dependencies: [(property: String, required: [String])] = []
                for member in map.members {
                    guard let names = try stringArray(member.value) else { throw bad("dependentRequired", "an object of string arrays") }
                    dependencies.append((member.key, names))
                }
                keywords.append(DependentRequiredKeyword(node: node, dependencies: dependencies))
            }
        }
        if let value = object["format"], options.formatAssertion || vocabularies.contains(.formatAssertion) {
            guard case .string(let format) = value else { throw bad("format", "a string") }
            keywords.append(FormatKeyword(node: node, format: format))
        }

        // Core: references.
        if let value = object["$ref"] {
            guard case .string(let reference) = value else { throw bad("$ref", "a URI-reference string") }
            let (target, _) = try resolveReference(reference, base: info.base, from: location, keyword: "$ref")
            keywords.append(RefKeyword(node: node, target: try self.node(for: target)))
        }
        if let value = object["$dynamicRef"] {
            guard case .string(let reference) = value else { throw bad("$dynamicRef", "a URI-reference string") }
            let (target, anchor) = try resolveReference(reference, base: info.base, from: location, keyword: "$dynamicRef")
            var dynamicAnchor: String?
            if let anchor, let targetInfo = Optional(locationInfo(target)), dynamicAnchors[targetInfo.base]?[anchor] == target {
                dynamicAnchor = anchor
                dynamicAnchorNames.insert(anchor)
                usesDynamicRef = true
            }
            keywords.append(DynamicRefKeyword(node: node, initial: try self.node(for: target), anchor: dynamicAnchor))
        }

        if vocabularies.contains(.applicator) {
            try compileApplicators(node, object, at: location, into: &keywords, sub: sub, schemaArray: schemaArray, count: count, isFalse: isFalse)
        }

        if vocabularies.contains(.unevaluated) {
            if object["unevaluatedItems"] != nil {
                keywords.append(UnevaluatedItemsKeyword(node: node, schema: try sub("unevaluatedItems"), forbidden: isFalse("unevaluatedItems")))
                node.tracksEvaluation = true
            }
            if object["unevaluatedProperties"] != nil {
                var names: [String] = []
                collectPropertyNames(object, base: info.base, into: &names, depth: 0)
                keywords.append(UnevaluatedPropertiesKeyword(node: node, schema: try sub("unevaluatedProperties"), forbidden: isFalse("unevaluatedProperties"), allowedNames: names))
                node.tracksEvaluation = true
            }
        }
        // Flag mode: let `properties` check `required` during its member walk (one scan of
        // the object instead of one look-up per required name).
        if let required = keywords.lazy.compactMap({ $0 as? RequiredKeyword }).first,
           let properties = keywords.lazy.compactMap({ $0 as? PropertiesKeyword }).first,
           properties.absorbRequired(required.names) {
            required.checkedByProperties = true
        }
        node.keywords = keywords
    }

    private func compileApplicators(
        _ node: SchemaNode, _ object: JSONObject, at location: SchemaLocation, into keywords: inout [Keyword],
        sub: (String...) throws(SchemaError) -> SchemaNode,
        schemaArray: (String) throws(SchemaError) -> [SchemaNode]?,
        count: (String) throws(SchemaError) -> Int?,
        isFalse: (String) -> Bool
    ) throws(SchemaError) {
        let validation = locationInfo(location).vocabularies.contains(.validation)
        // Object members.
        var properties: [(String, SchemaNode)] = []
        if let value = object["properties"] {
            guard case .object(let map) = value else { throw invalid("properties", "an object of schemas", location) }
            for member in map.members { properties.append((member.key, try sub("properties", member.key))) }
        }
        var patterns: [PropertiesKeyword.PatternSchema] = []
        if let value = object["patternProperties"] {
            guard case .object(let map) = value else { throw invalid("patternProperties", "an object of schemas", location) }
            for member in map.members {
                let regex = try self.regex(member.key, at: location.appending("patternProperties", member.key))
                patterns.append(.init(pattern: member.key, regex: PatternMatcher(pattern: member.key, regex: regex), schema: try sub("patternProperties", member.key)))
            }
        }
        let additional = object["additionalProperties"] != nil ? try sub("additionalProperties") : nil
        if !properties.isEmpty || !patterns.isEmpty || additional != nil {
            keywords.append(PropertiesKeyword(node: node, properties: properties, patterns: patterns, additional: additional, additionalForbidden: isFalse("additionalProperties")))
        }
        if object["propertyNames"] != nil {
            keywords.append(PropertyNamesKeyword(node: node, schema: try sub("propertyNames")))
        }
        // `dependencies` (draft 7), kept for compatibility as 2020-12 allows: arrays act as
        // `dependentRequired`, schemas as `dependentSchemas`.
        if case .object(let map)? = object["dependencies"] {
            var required: [(property: String, required: [String])] = []
            var schemas: [(property: String, schema: SchemaNode)] = []
            for member in map.members {
                if let names = try stringArray(member.value) {
                    required.append((member.key, names))
                } else if case .array = member.value {
                    throw invalid("dependencies", "an object of string arrays or schemas", location)
                } else {
                    schemas.append((member.key, try sub("dependencies", member.key)))
                }
            }
            if !required.isEmpty { keywords.append(DependentRequiredKeyword(node: node, name: "dependencies", dependencies: required)) }
            if !schemas.isEmpty { keywords.append(DependentSchemasKeyword(node: node, name: "dependencies", schemas: schemas)) }
        }
        if let value = object["dependentSchemas"] {
            guard case .object(let map) = value else { throw invalid("dependentSchemas", "an object of schemas", location) }
            var schemas: [(property: String, schema: SchemaNode)] = []
            for member in map.members { schemas.append((member.key, try sub("dependentSchemas", member.key))) }
            keywords.append(DependentSchemasKeyword(node: node, schemas: schemas))
        }
        // Array items.
        let prefix = try schemaArray("prefixItems") ?? []
        let items = object["items"] != nil ? try sub("items") : nil
        if !prefix.isEmpty || items != nil {
            keywords.append(ItemsKeyword(node: node, prefix: prefix, items: items, itemsForbidden: isFalse("items") && !prefix.isEmpty))
        }
        if object["contains"] != nil {
            let minimum = validation ? try count("minContains") : nil
            let maximum = validation ? try count("maxContains") : nil
            keywords.append(ContainsKeyword(node: node, schema: try sub("contains"), minimum: minimum, maximum: maximum))
        }
        // In-place applicators.
        if let schemas = try schemaArray("allOf") { keywords.append(AllOfKeyword(node: node, schemas: schemas)) }
        if let schemas = try schemaArray("anyOf") { keywords.append(AlternativesKeyword(node: node, schemas: schemas, exactlyOne: false)) }
        if let schemas = try schemaArray("oneOf") { keywords.append(AlternativesKeyword(node: node, schemas: schemas, exactlyOne: true)) }
        if object["not"] != nil { keywords.append(NotKeyword(node: node, schema: try sub("not"))) }
        if object["if"] != nil {
            keywords.append(ConditionalKeyword(
                node: node, condition: try sub("if"),
                then: object["then"] != nil ? try sub("then") : nil,
                else: object["else"] != nil ? try sub("else") : nil))
        }
    }

    private func invalid(_ keyword: String, _ expectation: String, _ location: SchemaLocation) -> SchemaError {
        SchemaError(.invalidKeyword(keyword: keyword), at: describe(location.appending(keyword)), "`\(keyword)` must be \(expectation)")
    }

    private func stringArray(_ value: JSONValue) throws(SchemaError) -> [String]? {
        guard case .array(let items) = value else { return nil }
        var names: [String] = []
        for item in items {
            guard case .string(let name) = item else { return nil }
            names.append(name)
        }
        return names
    }

    /// Compiles (through the shared cache) an ECMA-262 pattern.
    func regex(_ pattern: String, at location: SchemaLocation) throws(SchemaError) -> ECMARegex {
        do {
            return try ECMARegex.cached(pattern)
        } catch {
            let reason: String
            switch error {
            case .invalid(_, let why): reason = why
            case .timeout: reason = "compiling it took too long"
            }
            throw SchemaError(.invalidRegex(pattern: pattern, reason: reason), at: describe(location),
                              "invalid regular expression \(JSONValue.string(pattern)): \(reason)")
        }
    }

    /// The property names declared by `object` and its in-place subschemas (for "did you
    /// mean" hints on `unevaluatedProperties: false`).
    func collectPropertyNames(_ object: JSONObject, base: String, into names: inout [String], depth: Int) {
        guard depth < 8 else { return }
        if case .object(let properties)? = object["properties"] {
            for key in properties.keys where !names.contains(key) { names.append(key) }
        }
        var children: [JSONValue] = []
        for keyword in ["allOf", "anyOf", "oneOf"] {
            if case .array(let items)? = object[keyword] { children += items }
        }
        for keyword in ["if", "then", "else"] { if let child = object[keyword] { children.append(child) } }
        if case .object(let map)? = object["dependentSchemas"] { children += map.values }
        if case .string(let reference)? = object["$ref"],
           let (target, _) = try? resolveReference(reference, base: base, from: SchemaLocation(document: 0, pointer: []), keyword: "$ref"),
           let value = value(at: target) {
            if case .object(let targetObject) = value {
                collectPropertyNames(targetObject, base: locationInfo(target).base, into: &names, depth: depth + 1)
            }
        }
        for child in children {
            if case .object(let childObject) = child { collectPropertyNames(childObject, base: base, into: &names, depth: depth + 1) }
        }
    }
}
