/// The outcome of validating one instance in exhaustive mode.
public struct ValidationResult: Sendable, Equatable {
    /// Whether the instance is valid.
    public let isValid: Bool
    /// Every failure (for `anyOf`/`oneOf`, only the best-matching alternative's), in
    /// evaluation order.
    public let errors: [ValidationError]

    /// Creates a result.
    public init(isValid: Bool, errors: [ValidationError]) {
        self.isValid = isValid
        self.errors = errors
    }

    /// The spec's Basic output format:
    /// `{"valid": false, "errors": [{"keywordLocation", "absoluteKeywordLocation", "instanceLocation", "error"}]}`.
    public func basicOutput() -> JSONValue {
        guard !isValid else { return ["valid": true] }
        let units: [JSONValue] = errors.map { error in
            var members: [(String, JSONValue)] = [("keywordLocation", .string(error.keywordLocation.description))]
            if let absolute = error.absoluteKeywordLocation { members.append(("absoluteKeywordLocation", .string(absolute))) }
            members.append(("instanceLocation", .string(error.instanceLocation.description)))
            members.append(("error", .string(error.message)))
            return .object(JSONObject(members))
        }
        return ["valid": false, "errors": .array(units)]
    }
}
