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

/// `enum`, with a hash set for larger lists.
final class EnumKeyword: Keyword, @unchecked Sendable {
    let values: [JSONValue]
    let set: Set<JSONValue>?

    init(node: SchemaNode, values: [JSONValue]) {
        self.values = values
        self.set = values.count > 6 ? Set(values) : nil
        super.init(name: "enum", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if let set { if set.contains(instance) { return true } } else if values.contains(instance) { return true }
        context.report(self, .notInEnum(allowed: values, actual: instance))
        return false
    }
}

/// `const`.
final class ConstKeyword: Keyword, @unchecked Sendable {
    let value: JSONValue

    init(node: SchemaNode, value: JSONValue) {
        self.value = value
        super.init(name: "const", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if instance == value { return true }
        context.report(self, .notConst(expected: value, actual: instance))
        return false
    }
}

/// `multipleOf`, exact on decimals.
final class MultipleOfKeyword: Keyword, @unchecked Sendable {
    let divisor: JSONNumber

    init(node: SchemaNode, divisor: JSONNumber) {
        self.divisor = divisor
        super.init(name: "multipleOf", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .number(let number) = instance else { return true }
        if number.isMultiple(of: divisor) { return true }
        context.report(self, .notMultipleOf(divisor: divisor, actual: number))
        return false
    }
}

/// `minimum`, `exclusiveMinimum`, `maximum`, `exclusiveMaximum`.
final class BoundKeyword: Keyword, @unchecked Sendable {
    let limit: JSONNumber
    let isMinimum: Bool
    let exclusive: Bool

    init(node: SchemaNode, name: String, limit: JSONNumber) {
        self.limit = limit
        self.isMinimum = name.hasSuffix("inimum")
        self.exclusive = name.hasPrefix("exclusive")
        super.init(name: name, node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .number(let number) = instance else { return true }
        let order = JSONNumber.compare(number, limit)
        let valid = isMinimum ? (exclusive ? order > 0 : order >= 0) : (exclusive ? order < 0 : order <= 0)
        if valid { return true }
        context.report(self, isMinimum ? .belowMinimum(limit: limit, exclusive: exclusive, actual: number) : .aboveMaximum(limit: limit, exclusive: exclusive, actual: number))
        return false
    }
}

/// `minLength` / `maxLength`, in Unicode code points.
final class LengthKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    let isMinimum: Bool

    init(node: SchemaNode, limit: Int, isMinimum: Bool) {
        self.limit = limit
        self.isMinimum = isMinimum
        super.init(name: isMinimum ? "minLength" : "maxLength", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .string(let string) = instance else { return true }
        let bytes = string.utf8.count
        // Code points never outnumber UTF-8 bytes, and are at least a quarter of them.
        if isMinimum {
            if limit <= Int.max / 4 && bytes >= limit * 4 { return true }
        } else if bytes <= limit {
            return true
        }
        let length = string.unicodeScalars.count
        if isMinimum ? length >= limit : length <= limit { return true }
        context.report(self, isMinimum ? .tooShort(limit: limit, actual: length) : .tooLong(limit: limit, actual: length))
        return false
    }
}

/// `pattern`: an ECMA-262 search with a time limit; a timeout fails closed.
final class PatternKeyword: Keyword, @unchecked Sendable {
    let pattern: String
    let regex: PatternMatcher

    init(node: SchemaNode, pattern: String, regex: ECMARegex) {
        self.pattern = pattern
        self.regex = PatternMatcher(pattern: pattern, regex: regex)
        super.init(name: "pattern", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .string(let string) = instance else { return true }
        switch context.match(regex, string) {
        case .matched: return true
        case .notMatched: context.report(self, .patternMismatch(pattern: pattern, actual: string))
        case .timedOut: context.report(self, .patternTimeout(pattern: pattern, limit: context.regexTimeout))
        }
        return false
    }
}

/// `format` as an assertion (only compiled when asserting).
final class FormatKeyword: Keyword, @unchecked Sendable {
    let format: String

    init(node: SchemaNode, format: String) {
        self.format = format
        super.init(name: "format", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .string(let string) = instance else { return true }
        if FormatChecker.check(format, string) != false { return true }
        context.report(self, .invalidFormat(format: format, actual: string))
        return false
    }
}
