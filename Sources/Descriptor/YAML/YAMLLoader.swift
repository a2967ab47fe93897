internal import CYaml
import JSONSchema

/// The YAML 1.2 core-schema front end. It reads libyaml's events (the C parser that Yams
/// bundles, through its `CYaml` module) and builds the ``JSONValue`` and its positions
/// directly: no intermediate node tree, no per-node objects, no regular expressions.
///
/// On the way it resolves plain scalars by the core schema (``CoreScalar``), counts every
/// value it builds — an alias adds the size of what it repeats, without expanding anything,
/// so a "billion laughs" stops at once —, bounds the depth, rejects duplicate keys after
/// normalisation (`a` and `"a"`), non-scalar keys, tags outside the core schema and several
/// documents, and turns libyaml's errors into ``LoadError``s with line and column.
///
/// Only this file sees C; no C type leaves it.
final class YAMLLoader {
    private var parser = yaml_parser_t()
    private let limits: Limits
    private let bytes: UnsafeBufferPointer<UInt8>
    private var nodes = 0
    private var anchors: [String: Anchored] = [:]
    /// Collections opened and not yet closed, as of the last event read.
    private var openCollections = 0
    /// Where the last event read ends.
    private var lastEventEnd = SourcePosition(line: 1, column: 1)

    /// What an anchor names: the value, its positions and how many values it counts for.
    private struct Anchored {
        var value: JSONValue
        var positions: SourcePositions.Node
        var count: Int
    }

    /// One libyaml event, copied into Swift values.
    private enum Event {
        case streamStart, streamEnd, documentStart, documentEnd, sequenceEnd, mappingEnd
        case alias(anchor: String)
        case scalar(text: String, tag: String?, anchor: String?, plain: Bool)
        case sequenceStart(tag: String?, anchor: String?)
        case mappingStart(tag: String?, anchor: String?)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits) {
        self.bytes = bytes
        self.limits = limits
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    /// Loads one YAML document from checked UTF-8 bytes.
    static func load(_ input: ArraySlice<UInt8>, limits: Limits) throws(LoadError) -> (JSONValue, SourcePositions) {
        // libyaml needs a non-null pointer even for empty input.
        let storage = input.isEmpty ? [UInt8(0)] : Array(input)
        let count = input.count
        return try storage.withUnsafeBufferPointer { buffer throws(LoadError) in
            let loader = YAMLLoader(bytes: UnsafeBufferPointer(rebasing: buffer[0..<count]), limits: limits)
            return try loader.document()
        }
    }

    private func document() throws(LoadError) -> (JSONValue, SourcePositions) {
        guard case (.streamStart, _) = try next() else { throw LoadError(.yamlSyntax("no YAML stream"), at: nil) }
        let (first, _) = try next()
        switch first {
        case .streamEnd: throw LoadError(.emptyDocument, at: nil)
        case .documentStart: break
        default: throw LoadError(.yamlSyntax("no YAML document"), at: nil)
        }
        let (value, positions) = try node(try next(), key: nil, depth: 0)
        guard case (.documentEnd, _) = try next() else { throw LoadError(.yamlSyntax("the document does not end"), at: nil) }
        let (after, mark) = try next()
        if case .documentStart = after { throw LoadError(.severalDocuments, at: mark) }
        return (value, SourcePositions(tree: positions, document: value))
    }

    // MARK: Nodes

    private func node(_ event: (Event, SourcePosition), key: SourcePosition?, depth: Int) throws(LoadError) -> (JSONValue, SourcePositions.Node) {
        let (kind, here) = event
        let before = nodes
        nodes += 1
        guard nodes <= limits.maxNodes else { throw LoadError(.tooManyValues(limit: limits.maxNodes), at: here) }
        switch kind {
        case .scalar(let text, let tag, let anchor, let plain):
            let value = try YAMLLoader.scalarValue(text, tag: tag, plain: plain, at: here)
            let positions = SourcePositions.Node(value: here, key: key, children: [])
            remember(anchor, value, positions, count: nodes - before)
            return (value, positions)
        case .alias(let anchor):
            guard let target = anchors[anchor] else {
                throw LoadError(.yamlSyntax("found undefined alias `*\(anchor)`: define `&\(anchor)` before using it"), at: here)
            }
            nodes += target.count - 1
            guard nodes <= limits.maxNodes else { throw LoadError(.tooManyValues(limit: limits.maxNodes), at: here) }
            var positions = target.positions
            positions.value = here
            positions.key = key
            return (target.value, positions)
        case .sequenceStart(let tag, let anchor):
            guard depth < limits.maxDepth else { throw LoadError(.tooDeep(limit: limits.maxDepth), at: here) }
            try YAMLLoader.checkCollectionTag(tag, expected: "tag:yaml.org,2002:seq", at: here)
            var elements: [JSONValue] = []
            var children: [SourcePositions.Node] = []
            while true {
                let event = try next()
                if case .sequenceEnd = event.0 { break }
                let (value, positions) = try node(event, key: nil, depth: depth + 1)
                elements.append(value)
                children.append(positions)
            }
            let value = JSONValue.array(elements)
            let positions = SourcePositions.Node(value: here, key: key, children: children)
            remember(anchor, value, positions, count: nodes - before)
            return (value, positions)
        case .mappingStart(let tag, let anchor):
            guard depth < limits.maxDepth else { throw LoadError(.tooDeep(limit: limits.maxDepth), at: here) }
            try YAMLLoader.checkCollectionTag(tag, expected: "tag:yaml.org,2002:map", at: here)
            var members: [(String, JSONValue)] = []
            var children: [SourcePositions.Node] = []
            var seen: [String: SourcePosition?] = [:]
            loop: while true {
                let (keyEvent, keyPosition) = try next()
                let name: String
                switch keyEvent {
                case .mappingEnd:
                    break loop
                case .scalar(let text, let keyTag, let keyAnchor, _):
                    if let keyTag, keyTag != "!", keyTag != "tag:yaml.org,2002:str" {
                        throw LoadError(.unsupportedTag(YAMLLoader.shortTag(keyTag)), at: keyPosition)
                    }
                    name = text
                    remember(keyAnchor, .string(text), SourcePositions.Node(value: keyPosition, key: nil, children: []), count: 1)
                case .alias(let anchor):
                    guard let text = anchors[anchor]?.value.stringValue else { throw LoadError(.complexKey, at: keyPosition) }
                    name = text
                default:
                    throw LoadError(.complexKey, at: keyPosition)
                }
                // Small mappings (almost all of a description) are searched linearly.
                if members.count < 12 {
                    if let index = members.firstIndex(where: { $0.0 == name }) {
                        throw LoadError(.duplicateKey(name, first: children[index].key), at: keyPosition)
                    }
                } else {
                    if seen.isEmpty {
                        for (index, member) in members.enumerated() { seen[member.0] = children[index].key }
                    }
                    if let first = seen.updateValue(keyPosition, forKey: name) {
                        throw LoadError(.duplicateKey(name, first: first), at: keyPosition)
                    }
                }
                nodes += 1
                let (value, positions) = try node(try next(), key: keyPosition, depth: depth + 1)
                members.append((name, value))
                children.append(positions)
            }
            let value = JSONValue.object(JSONObject(members))
            let positions = SourcePositions.Node(value: here, key: key, children: children)
            remember(anchor, value, positions, count: nodes - before)
            return (value, positions)
        default:
            throw LoadError(.yamlSyntax("unexpected YAML event"), at: here)
        }
    }

    private func remember(_ anchor: String?, _ value: JSONValue, _ positions: SourcePositions.Node, count: Int) {
        guard let anchor else { return }
        anchors[anchor] = Anchored(value: value, positions: positions, count: count)
    }

    private static func checkCollectionTag(_ tag: String?, expected: String, at position: SourcePosition) throws(LoadError) {
        guard let tag, tag != "!", tag != expected else { return }
        throw LoadError(.unsupportedTag(shortTag(tag)), at: position)
    }

    /// `tag:yaml.org,2002:int` → `!!int`.
    static func shortTag(_ name: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return name.hasPrefix(prefix) ? "!!" + name.dropFirst(prefix.count) : name
    }

    private static func scalarValue(_ text: String, tag: String?, plain: Bool, at position: SourcePosition) throws(LoadError) -> JSONValue {
        guard let tag else {
            // Only plain scalars are resolved; quoted and block scalars are strings.
            guard plain else { return .string(text) }
            switch CoreScalar.resolve(text) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .number(let number): return .number(number)
            case .nonFinite: throw LoadError(.nonFiniteNumber(text), at: position)
            case .string: return .string(text)
            }
        }
        switch tag {
        case "tag:yaml.org,2002:str", "!":
            return .string(text)
        case "tag:yaml.org,2002:null":
            guard CoreScalar.resolve(text) == .null else { throw LoadError(.invalidTaggedScalar(tag: "!!null", text: text), at: position) }
            return .null
        case "tag:yaml.org,2002:bool":
            guard case .bool(let value) = CoreScalar.resolve(text) else {
                throw LoadError(.invalidTaggedScalar(tag: "!!bool", text: text), at: position)
            }
            return .bool(value)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
            switch CoreScalar.resolve(text) {
            case .number(let number):
                if tag == "tag:yaml.org,2002:int", !number.isInteger {
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

    // MARK: Events

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The next event and where it starts.
    private func next() throws(LoadError) -> (Event, SourcePosition) {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw error() }
        defer { yaml_event_delete(&event) }
        let mark = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        lastEventEnd = SourcePosition(line: Int(event.end_mark.line) + 1, column: Int(event.end_mark.column) + 1)
        switch event.type {
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: openCollections += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: openCollections -= 1
        default: break
        }
        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, mark)
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, mark)
        case YAML_ALIAS_EVENT:
            return (.alias(anchor: YAMLLoader.string(event.data.alias.anchor) ?? ""), mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text: String
            if let value = scalar.value {
                text = String(decoding: UnsafeBufferPointer(start: value, count: scalar.length), as: UTF8.self)
            } else {
                text = ""
            }
            let plain = scalar.plain_implicit != 0 && scalar.style == YAML_PLAIN_SCALAR_STYLE
            return (.scalar(text: text, tag: YAMLLoader.string(scalar.tag), anchor: YAMLLoader.string(scalar.anchor), plain: plain), mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return (.sequenceStart(tag: YAMLLoader.string(start.tag), anchor: YAMLLoader.string(start.anchor)), mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return (.mappingStart(tag: YAMLLoader.string(start.tag), anchor: YAMLLoader.string(start.anchor)), mark)
        default:
            throw LoadError(.yamlSyntax("unexpected YAML event"), at: mark)
        }
    }

    /// libyaml's error, with its line and column.
    private func error() -> LoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return LoadError(.yamlSyntax("out of memory"), at: nil)
        case YAML_READER_ERROR:
            let position = bytePosition(Int(parser.problem_offset))
            if problem.contains("control characters") {
                return LoadError(.yamlSyntax("control characters are not allowed"), at: position)
            }
            return LoadError(.yamlSyntax(problem), at: position)
        default:
            let mark = parser.problem_mark
            let position = SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            if problem.contains("Maximum nesting level") || (context?.contains("Maximum nesting level") ?? false) {
                // libyaml's own limit, hit while looking ahead: report where ours is first exceeded.
                let first = FlowNesting.overflow(in: bytes, from: lastEventEnd, open: openCollections, limit: limits.maxDepth)
                return LoadError(.tooDeep(limit: limits.maxDepth), at: first ?? position)
            }
            var text = problem
            if let context, !context.isEmpty {
                text += " (\(context) at line \(Int(parser.context_mark.line) + 1))"
            }
            if problem.contains("cannot start any token"), let byte = bytes.byteAt(line: position.line, column: position.column), byte == 0x09 {
                text += "; indent with spaces, not tabs"
            }
            return LoadError(.yamlSyntax(text), at: position)
        }
    }

    /// Line and column (in Unicode scalars) of the byte at `offset`.
    private func bytePosition(_ offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        while index < min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The byte at a 1-based line and column (columns in Unicode scalars), if any.
    fileprivate func byteAt(line: Int, column: Int) -> UInt8? {
        var currentLine = 1
        var currentColumn = 1
        for byte in self {
            if currentLine == line, currentColumn == column, byte & 0xC0 != 0x80 { return byte }
            if byte == 0x0A {
                if currentLine == line { return nil }
                currentLine += 1
                currentColumn = 1
            } else if byte & 0xC0 != 0x80 {
                currentColumn += 1
            }
        }
        return nil
    }
}
