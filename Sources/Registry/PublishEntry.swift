import Foundation
import Git

/// A validated description ready to publish: its id, format version and exact bytes.
public struct PublishEntry: Sendable, Equatable {
    /// The registry id (`id:` in the file).
    public var id: String
    /// The format version (`codesocial:` in the file).
    public var formatVersion: Int
    /// The file's bytes, stored as they are (comments and all).
    public var contents: Data
    /// Where the file was read from, for messages (`codesocial.yml`).
    public var sourcePath: String
    /// The description's first maintainer with an e-mail, used as the commit author when no other is known.
    public var maintainer: Signature?

    /// Creates an entry.
    public init(id: String, formatVersion: Int, contents: Data, sourcePath: String, maintainer: Signature? = nil) {
        self.id = id
        self.formatVersion = formatVersion
        self.contents = contents
        self.sourcePath = sourcePath
        self.maintainer = maintainer
    }
}

/// What a publish did.
public struct PublishResult: Sendable, Equatable {
    /// The outcome.
    public enum Status: String, Sendable, Equatable {
        /// A commit carrying the entry is now the registry's `main`.
        case published
        /// The registry already holds exactly this content: nothing was committed.
        case upToDate = "up-to-date"
        /// `--dry-run`: what would be committed; nothing was written to the registry.
        case dryRun = "dry-run"
    }

    /// The outcome.
    public var status: Status
    /// The entry's id.
    public var id: String
    /// The entry's path in the registry (`projects/we/wemob/codesocial.yml`).
    public var path: String
    /// The registry, without credentials.
    public var registry: String
    /// The commit now on `main` (published), or the tip that already holds the entry (up to date),
    /// or nil (dry run).
    public var commit: ObjectID?
    /// The entry's blob.
    public var blob: ObjectID
    /// Whether the entry is new to the registry (false: an update).
    public var isNew: Bool
    /// The commit message (published or dry run).
    public var message: String?
    /// The commit author (published or dry run).
    public var author: Signature?
    /// How many push attempts it took (1 without contention).
    public var attempts: Int
    /// Whether this publish created the default registry (in a dry run: would create it).
    public var createdDefaultRegistry: Bool
    /// Whether the cache was found damaged and rebuilt.
    public var rebuiltCache: Bool
}
