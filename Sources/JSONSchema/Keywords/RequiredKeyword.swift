/// `required`.
final class RequiredKeyword: Keyword, @unchecked Sendable {
    let names: [String]
    /// Length and first bytes of each name, computed once.
    let prefixes: [ScalarPrefix]
    /// Set by the compiler when the sibling ``PropertiesKeyword`` checks these names during
    /// its member walk in flag mode (`absorbRequired`); exhaustive mode still checks here,
    /// so messages and their order are unchanged.
    var checkedByProperties = false

    init(node: SchemaNode, names: [String]) {
        self.names = names
        self.prefixes = names.map(ScalarPrefix.init)
        super.init(name: "required", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        if checkedByProperties, !context.exhaustive { return true }
        guard case .object(let object) = instance else { return true }
        var valid = true
        names.withUnsafeBufferPointer { names in
            if object.isHashed || names.count < 2 {
                for position in 0..<names.count where object.index(forKey: names[position]) == nil {
                    valid = false
                    guard context.exhaustive else { return }
                    context.report(self, .missingProperty(property: names[position]))
                }
                return
            }
            // A small object is scanned: compute each key's prefix once, then most name/key
            // pairs differ by two integer comparisons.
            object.members.withUnsafeBufferPointer { members in
                withUnsafeTemporaryAllocation(of: ScalarPrefix.self, capacity: members.count) { keys in
                    for index in 0..<members.count { keys.initializeElement(at: index, to: ScalarPrefix(members[index].key)) }
                    prefixes.withUnsafeBufferPointer { prefixes in
                        for position in 0..<names.count {
                            var found = false
                            for index in 0..<members.count where ScalarPrefix.same(names[position], prefixes[position], members[index].key, keys[index]) {
                                found = true
                                break
                            }
                            if found { continue }
                            valid = false
                            guard context.exhaustive else { return }
                            context.report(self, .missingProperty(property: names[position]))
                        }
                    }
                }
            }
        }
        return valid
    }
}
