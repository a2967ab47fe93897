/// One difference between two trees, as ``Repository/diffTrees(old:new:detectRenames:)`` reports it.
public struct TreeDifference: Hashable, Sendable {
    /// What happened to the entry.
    public enum Status: String, Hashable, Sendable {
        /// The entry exists only in the new tree.
        case added
        /// The entry exists only in the old tree.
        case deleted
        /// The entry's content or mode changed.
        case modified
        /// The entry moved (rename detection on), possibly with changes.
        case renamed
        /// The entry changed kind (a file became a symbolic link…).
        case typeChanged
    }

    /// What happened.
    public var status: Status
    /// The path in the old tree (nil when added).
    public var oldPath: String?
    /// The path in the new tree (nil when deleted).
    public var newPath: String?
    /// The old blob id (nil when added).
    public var oldID: ObjectID?
    /// The new blob id (nil when deleted).
    public var newID: ObjectID?
    /// The old mode (nil when added).
    public var oldMode: FileMode?
    /// The new mode (nil when deleted).
    public var newMode: FileMode?
    /// Rename similarity from 0 to 100 (100 for identical content), nil for other statuses.
    public var similarity: Int?

    /// The path this difference is about: the new path, or the old one for a deletion.
    public var path: String { newPath ?? oldPath ?? "" }

    /// Creates a value.
    public init(status: Status, oldPath: String?, newPath: String?, oldID: ObjectID?, newID: ObjectID?,
                oldMode: FileMode?, newMode: FileMode?, similarity: Int? = nil) {
        self.status = status
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldID = oldID
        self.newID = newID
        self.oldMode = oldMode
        self.newMode = newMode
        self.similarity = similarity
    }
}
