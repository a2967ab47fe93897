/// `type`, as a bit set.
final class TypeKeyword: Keyword, @unchecked Sendable {
    static let null: UInt8 = 1, boolean: UInt8 = 2, object: UInt8 = 4, array: UInt8 = 8
    static let number: UInt8 = 16, string: UInt8 = 32, integer: UInt8 = 64

    let mask: UInt8
    let names: [String]

    init(node: SchemaNode, names: [String]) {
        var mask: UInt8 = 0
        for name in names {
            switch name {
            case "null": mask |= Self.null
            case "boolean": mask |= Self.boolean
            case "object": mask |= Self.object
            case "array": mask |= Self.array
            case "number": mask |= Self.number | Self.integer
            case "string": mask |= Self.string
            case "integer": mask |= Self.integer
            default: break
            }
        }
        self.mask = mask
        self.names = names
        super.init(name: "type", node: node)
    }

    /// Every type: the mask of a schema without `type`.
    static let all: UInt8 = 0x7F

    /// The bit of `instance`'s type (`integer` for integral numbers, which `number` includes).
    @inline(__always)
    static func bit(of instance: JSONValue) -> UInt8 {
        switch instance {
        case .null: return Self.null
        case .bool: return Self.boolean
        case .object: return Self.object
        case .array: return Self.array
        case .string: return Self.string
        case .number(let number): return number.isInteger ? Self.integer : Self.number
        }
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if mask & Self.bit(of: instance) != 0 { return true }
        context.report(self, .type(expected: names, actual: instance))
        return false
    }
}
