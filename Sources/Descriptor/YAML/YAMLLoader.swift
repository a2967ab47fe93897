import JSONSchema
internal import Yams

/// The YAML 1.2 core-schema front end: libyaml (through Yams) composes the node tree with
/// its marks, and this converter resolves scalars itself (Yams' default resolver follows
/// YAML 1.1 and runs several regular expressions per scalar), counts every value it builds
/// (aliases included, so "billion laughs" stops early), bounds the depth, rejects duplicate
/// keys after normalisation, and records where every value and key starts.
struct YAMLLoader {
    private let limits: Limits
    private var nodes = 0

    init(limits: Limits) {
        self.limits = limits
    }

    /// Loads one YAML document from checked UTF-8 text.
    static func load(_ text: String, limits: Limits) throws(LoadError) -> (JSONValue, SourcePositions) {
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw YAMLErrors.map(error, text: text, limits: limits)
        } catch {
            throw LoadError(.yamlSyntax(String(describing: error)), at: nil)
        }
        guard let root else { throw LoadError(.emptyDocument, at: nil) }
        var loader = YAMLLoader(limits: limits)
        let (value, positions) = try loader.convert(root, key: nil, depth: 0)
        return (value, SourcePositions(tree: positions, document: value))
    }

    private static func position(_ mark: Mark?) -> SourcePosition {
        guard let mark else { return SourcePosition(line: 1, column: 1) }
        return SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1))
    }

    private mutating func convert(_ node: Node, key: SourcePosition?, depth: Int) throws(LoadError) -> (JSONValue, SourcePositions.Node) {
        nodes += 1
        let here = YAMLLoader.position(node.mark)
        guard nodes <= limits.maxNodes else { throw LoadError(.tooManyValues(limit: limits.maxNodes), at: here) }
        switch node {
        case .scalar(let scalar):
            return (try YAMLLoader.scalarValue(scalar, at: here), SourcePositions.Node(value: here, key: key, children: []))
        case .sequence(let sequence):
            guard depth < limits.maxDepth else { throw LoadError(.tooDeep(limit: limits.maxDepth), at: here) }
            try YAMLLoader.checkCollectionTag(sequence.tag, expected: .seq, at: here)
            var elements: [JSONValue] = []
            var children: [SourcePositions.Node] = []
            elements.reserveCapacity(sequence.count)
            children.reserveCapacity(sequence.count)
            for element in sequence {
                let (value, positions) = try convert(element, key: nil, depth: depth + 1)
                elements.append(value)
                children.append(positions)
            }
            return (.array(elements), SourcePositions.Node(value: here, key: key, children: children))
        case .mapping(let mapping):
            guard depth < limits.maxDepth else { throw LoadError(.tooDeep(limit: limits.maxDepth), at: here) }
            try YAMLLoader.checkCollectionTag(mapping.tag, expected: .map, at: here)
            var members: [(String, JSONValue)] = []
            var children: [SourcePositions.Node] = []
            members.reserveCapacity(mapping.count)
            children.reserveCapacity(mapping.count)
            var seen: [String: SourcePosition] = [:]
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    throw LoadError(.complexKey, at: YAMLLoader.position(keyNode.mark))
                }
                let keyPosition = YAMLLoader.position(keyScalar.mark)
                try YAMLLoader.checkKeyTag(keyScalar, at: keyPosition)
                let name = keyScalar.string
                if let first = seen[name] {
                    throw LoadError(.duplicateKey(name, first: first), at: keyPosition)
                }
                seen[name] = keyPosition
                nodes += 1
                let (value, positions) = try convert(valueNode, key: keyPosition, depth: depth + 1)
                members.append((name, value))
                children.append(positions)
            }
            return (.object(JSONObject(members)), SourcePositions.Node(value: here, key: key, children: children))
        case .alias:
            // Yams substitutes aliases while composing; an unresolved one cannot occur.
            throw LoadError(.yamlSyntax("unresolved alias"), at: here)
        }
    }

    private static func checkCollectionTag(_ tag: Tag, expected: Tag.Name, at position: SourcePosition) throws(LoadError) {
        let name = tag.description
        guard name.isEmpty || name == Tag.Name.nonSpecific.rawValue || name == expected.rawValue else {
            throw LoadError(.unsupportedTag(YAMLLoader.shortTag(name)), at: position)
        }
    }

    private static func checkKeyTag(_ scalar: Node.Scalar, at position: SourcePosition) throws(LoadError) {
        let name = scalar.tag.description
        guard name.isEmpty || name == Tag.Name.nonSpecific.rawValue || name == Tag.Name.str.rawValue else {
            throw LoadError(.unsupportedTag(YAMLLoader.shortTag(name)), at: position)
        }
    }

    /// `tag:yaml.org,2002:int` → `!!int`.
    static func shortTag(_ name: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return name.hasPrefix(prefix) ? "!!" + name.dropFirst(prefix.count) : name
    }

    private static func scalarValue(_ scalar: Node.Scalar, at position: SourcePosition) throws(LoadError) -> JSONValue {
        let text = scalar.string
        let tag = scalar.tag.description
        if tag.isEmpty {
            // Only plain scalars are implicit; quoted and block scalars carry `!!str` or `!`.
            guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
            switch CoreScalar.resolve(text) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .number(let number): return .number(number)
            case .nonFinite: throw LoadError(.nonFiniteNumber(text), at: position)
            case .string: return .string(text)
            }
        }
        switch tag {
        case Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue:
            return .string(text)
        case Tag.Name.null.rawValue:
            guard CoreScalar.resolve(text) == .null else { throw LoadError(.invalidTaggedScalar(tag: "!!null", text: text), at: position) }
            return .null
        case Tag.Name.bool.rawValue:
            guard case .bool(let value) = CoreScalar.resolve(text) else {
                throw LoadError(.invalidTaggedScalar(tag: "!!bool", text: text), at: position)
            }
            return .bool(value)
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            switch CoreScalar.resolve(text) {
            case .number(let number):
                if tag == Tag.Name.int.rawValue, !number.isInteger {
                    throw LoadError(.invalidTaggedScalar(tag: "!!int", text: text), at: position)
                }
                return .number(number)
            case .nonFinite:
                throw LoadError(.nonFiniteNumber(text), at: position)
            default:
                throw LoadError(.invalidTaggedScalar(tag: shortTag(tag), text: text), at: position)
            }
        default:
            throw LoadError(.unsupportedTag(shortTag(tag)), at: position)
        }
    }
}
