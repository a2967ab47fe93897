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
        for name in names where object.index(forKey: name) == nil {
            valid = false
            guard context.exhaustive else { return false }
            context.report(self, .missingProperty(property: name))
        }
        return valid
    }
}
