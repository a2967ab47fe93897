/// `dependentRequired`.
final class DependentRequiredKeyword: Keyword, @unchecked Sendable {
    let dependencies: [(property: String, required: [String])]

    init(node: SchemaNode, name: String = "dependentRequired", dependencies: [(property: String, required: [String])]) {
        self.dependencies = dependencies
        super.init(name: name, node: node)
    }

    override func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, required) in dependencies where object.index(forKey: property) != nil {
            for name in required where object.index(forKey: name) == nil {
                valid = false
                guard context.exhaustive else { return false }
                context.report(self, .missingDependentProperty(property: name, dependency: property), keywordTokens: [property])
            }
        }
        return valid
    }
}
