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

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        let bit: UInt8
        switch instance {
        case .null: bit = Self.null
        case .bool: bit = Self.boolean
        case .object: bit = Self.object
        case .array: bit = Self.array
        case .string: bit = Self.string
        case .number(let number): bit = number.isInteger ? Self.integer : Self.number
        }
        if mask & bit != 0 { return true }
        context.report(self, .type(expected: names, actual: instance))
        return false
    }
}
