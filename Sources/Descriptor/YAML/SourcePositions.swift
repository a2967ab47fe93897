import JSONSchema

/// Where each value and key of a loaded document starts, stored as a tree parallel to the
/// document (one array per container, nothing per scalar) instead of a dictionary keyed by
/// pointers: loading stays cheap, and the few look-ups diagnostics need walk the pointer.
///
/// ``sourceMap`` converts it to the engine's ``SourceMap`` when a caller wants one.
public struct SourcePositions: Sendable {
    /// One value's positions and its children's (members or elements, in document order).
    struct Node: Sendable {
        var value: SourcePosition
        var key: SourcePosition?
        var children: [Node]
    }

    private enum Storage: Sendable {
        case tree(Node, JSONValue)
        case map(SourceMap)
    }

    private let storage: Storage

    init(tree: Node, document: JSONValue) { storage = .tree(tree, document) }

    /// Wraps a ``SourceMap`` (from the JSON parser).
    public init(_ map: SourceMap) { storage = .map(map) }

    /// Where the value at `pointer` starts.
    public func position(of pointer: JSONPointer) -> SourcePosition? {
        switch storage {
        case .map(let map): return map.position(of: pointer)
        case .tree(let root, let document): return Self.find(pointer, root, document, exact: true)?.value
        }
    }

    /// Where the key of the member at `pointer` starts (nil for elements and the root).
    public func keyPosition(of pointer: JSONPointer) -> SourcePosition? {
        switch storage {
        case .map(let map): return map.keyPosition(of: pointer)
        case .tree(let root, let document): return Self.find(pointer, root, document, exact: true)?.key
        }
    }

    /// The position of `pointer` or of its nearest existing ancestor.
    public func nearestPosition(of pointer: JSONPointer) -> SourcePosition? {
        switch storage {
        case .map(let map): return map.nearestPosition(of: pointer)
        case .tree(let root, let document): return Self.find(pointer, root, document, exact: false)?.value
        }
    }

    private static func find(_ pointer: JSONPointer, _ root: Node, _ document: JSONValue, exact: Bool) -> Node? {
        var node = root
        var value = document
        for token in pointer.tokens {
            let index: Int?
            switch value {
            case .object(let object): index = object.index(forKey: token)
            case .array(let array): index = Int(token).flatMap { array.indices.contains($0) ? $0 : nil }
            default: index = nil
            }
            guard let index, index < node.children.count else { return exact ? nil : node }
            node = node.children[index]
            switch value {
            case .object(let object): value = object[index].value
            case .array(let array): value = array[index]
            default: break
            }
        }
        return node
    }

    /// Every position as the engine's ``SourceMap``.
    public var sourceMap: SourceMap {
        switch storage {
        case .map(let map):
            return map
        case .tree(let root, let document):
            var map = SourceMap()
            var path: [String] = []
            Self.record(root, document, &path, into: &map)
            return map
        }
    }

    private static func record(_ node: Node, _ value: JSONValue, _ path: inout [String], into map: inout SourceMap) {
        map.record(value: node.value, key: node.key, for: JSONPointer(tokens: path))
        switch value {
        case .object(let object):
            for (index, member) in object.enumerated() where index < node.children.count {
                path.append(member.key)
                record(node.children[index], member.value, &path, into: &map)
                path.removeLast()
            }
        case .array(let array):
            for (index, element) in array.enumerated() where index < node.children.count {
                path.append(String(index))
                record(node.children[index], element, &path, into: &map)
                path.removeLast()
            }
        default:
            break
        }
    }
}
