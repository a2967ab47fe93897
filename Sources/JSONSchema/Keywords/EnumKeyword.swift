/// `enum`: all-string lists compare code points directly (a hash set of keys past a dozen
/// names); other lists use a hash set past a few values.
final class EnumKeyword: Keyword, @unchecked Sendable {
    let values: [JSONValue]
    let set: Set<JSONValue>?
    /// The names when every value is a string (nil otherwise).
    let strings: [String]?
    /// The names as scalar keys, for all-string lists longer than `stringSetThreshold`.
    let stringSet: Set<ScalarKey>?
    /// Length and first bytes of each string, for the linear scan.
    let prefixes: [ScalarPrefix]

    private static let stringSetThreshold = 12

    init(node: SchemaNode, values: [JSONValue]) {
        self.values = values
        let strings = values.compactMap(\.stringValue)
        if strings.count == values.count {
            self.strings = strings
            self.stringSet = strings.count > Self.stringSetThreshold ? Set(strings.map(ScalarKey.init)) : nil
            self.prefixes = strings.map(ScalarPrefix.init)
            self.set = nil
        } else {
            self.prefixes = []
            self.strings = nil
            self.stringSet = nil
            self.set = values.count > 6 ? Set(values) : nil
        }
        super.init(name: "enum", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if let strings {
            if case .string(let string) = instance, contains(string, in: strings) { return true }
        } else if let set {
            if set.contains(instance) { return true }
        } else if values.contains(instance) {
            return true
        }
        context.report(self, .notInEnum(allowed: values, actual: instance))
        return false
    }

    @inline(__always)
    private func contains(_ string: String, in strings: [String]) -> Bool {
        if let stringSet { return stringSet.contains(ScalarKey(string)) }
        let prefix = ScalarPrefix(string)
        return strings.withUnsafeBufferPointer { strings in
            prefixes.withUnsafeBufferPointer { prefixes in
                for index in 0..<strings.count where ScalarPrefix.same(strings[index], prefixes[index], string, prefix) {
                    return true
                }
                return false
            }
        }
    }
}
