/// A schema resource at run time: its URI and its `$dynamicAnchor`s, for `$dynamicRef`.
///
/// `@unchecked Sendable`: filled while compiling, never mutated once the ``Validator``
/// is published.
final class SchemaResource: @unchecked Sendable {
    let uri: String
    var dynamicAnchors: [String: SchemaNode] = [:]

    init(uri: String) { self.uri = uri }
}
