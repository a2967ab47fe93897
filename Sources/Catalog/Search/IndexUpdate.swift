/// A change to apply to the search index: an entry added or modified, or an entry removed.
public enum CatalogChange: Sendable, Hashable {
    /// Index (or re-index) this entry, replacing any previous row with its id.
    case upsert(CatalogEntry)
    /// Remove the entry with this id.
    case delete(id: String)
}

/// What one update of the search index did: which entries it re-indexed and removed, and the
/// commit the index reflects afterwards. Stored in the index, so that a later process can
/// observe what the last update touched.
public struct IndexUpdate: Sendable, Hashable, Codable {
    /// Whether the whole index was rebuilt rather than updated.
    public var isRebuild: Bool
    /// Ids (re-)indexed, sorted.
    public var reindexed: [String]
    /// Ids removed, sorted.
    public var removed: [String]
    /// The commit the index reflects after the update.
    public var commit: String

    /// Creates an update report.
    public init(isRebuild: Bool, reindexed: [String], removed: [String], commit: String) {
        self.isRebuild = isRebuild
        self.reindexed = reindexed
        self.removed = removed
        self.commit = commit
    }
}
