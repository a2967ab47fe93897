/// An error of the catalog: the search index could not be opened, read or written.
public struct CatalogError: Error, CustomStringConvertible, Sendable {
    /// The index file concerned, when there is one.
    public var path: String?
    /// What went wrong, in words a person can act on.
    public var message: String

    /// Creates an error.
    public init(path: String? = nil, message: String) {
        self.path = path
        self.message = message
    }

    /// `search index /path: message`.
    public var description: String {
        if let path { return "search index \(path): \(message)" }
        return "search index: \(message)"
    }
}
