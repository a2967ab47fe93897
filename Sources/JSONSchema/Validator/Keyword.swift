/// One compiled keyword (or a group of keywords evaluated together, such as
/// `properties` + `patternProperties` + `additionalProperties`).
///
/// Subclasses override ``validate(_:_:)``; in exhaustive mode they call
/// `context.report` for each failure. `@unchecked Sendable`: immutable after compiling.
class Keyword: @unchecked Sendable {
    /// The keyword name reported in errors.
    let name: String
    /// The schema holding this keyword (the validator's arena owns both).
    unowned(unsafe) let owner: SchemaNode

    /// `uri#pointer/name`, for `absoluteKeywordLocation` (built when an error is reported).
    var absoluteLocation: String? {
        owner.absoluteLocation.map { $0 + "/" + JSONPointer.escape(name) }
    }

    init(name: String, node: SchemaNode) {
        self.name = name
        self.owner = node
    }

    /// Whether `instance` satisfies this keyword.
    func validate(_ instance: JSONValue, _ context: Evaluation) -> Bool { true }

    /// The absolute location of a part of this keyword (`…/properties/name`), or of the
    /// sibling keyword `sibling` of the same schema.
    func absoluteLocation(sibling: String? = nil, appending tokens: [String]) -> String? {
        guard var location = absoluteLocation else { return nil }
        if let sibling, sibling != name, let slash = location.lastIndex(of: "/") {
            location = String(location[...slash]) + JSONPointer.escape(sibling)
        }
        for token in tokens { location += "/" + JSONPointer.escape(token) }
        return location
    }
}
