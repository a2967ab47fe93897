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

    /// The spec's Basic output format, shaped as the 2020-12 output schema's `basic` unit
    /// (`https://json-schema.org/draft/2020-12/output/schema`): `{"valid": true}` when valid, else
    /// `{"valid": false, "keywordLocation": "", "instanceLocation": "", "errors": [unit, …]}` where
    /// each unit is `{"valid": false, "keywordLocation", "absoluteKeywordLocation"?, "instanceLocation", "error"}`
    /// (every unit carries the members that schema requires: `valid`, `keywordLocation`, `instanceLocation`).
    public func basicOutput() -> JSONValue {
        guard !isValid else { return ["valid": true] }
        let units: [JSONValue] = errors.map { error in
            var members: [(String, JSONValue)] = [
                ("valid", false), ("keywordLocation", .string(error.keywordLocation.description)),
            ]
            if let absolute = error.absoluteKeywordLocation { members.append(("absoluteKeywordLocation", .string(absolute))) }
            members.append(("instanceLocation", .string(error.instanceLocation.description)))
            members.append(("error", .string(error.message)))
            return .object(JSONObject(members))
        }
        return .object(JSONObject([
            ("valid", false), ("keywordLocation", ""), ("instanceLocation", ""), ("errors", .array(units)),
        ]))
    }
}
