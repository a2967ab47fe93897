/// `required`.
final class RequiredKeyword: Keyword, @unchecked Sendable {
    let names: [String]

    init(node: SchemaNode, names: [String]) {
        self.names = names
        super.init(name: "required", node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        names.withUnsafeBufferPointer { names in
            for position in 0..<names.count where object.index(forKey: names[position]) == nil {
                valid = false
                guard context.exhaustive else { return }
                context.report(self, .missingProperty(property: names[position]))
            }
        }
        return valid
    }
}
