internal import CLibGit2

/// The kind of a tree entry, from its git file mode.
public enum FileMode: Hashable, Sendable {
    /// A regular file (`100644`).
    case blob
    /// An executable file (`100755`).
    case executable
    /// A symbolic link (`120000`).
    case symlink
    /// A directory (`040000`).
    case tree
    /// A submodule: a commit of another repository (`160000`).
    case submodule
    /// Any other mode found in a (malformed) tree, kept as its octal value.
    case unknown(UInt32)

    /// The octal mode git stores.
    public var rawValue: UInt32 {
        switch self {
        case .blob: return 0o100644
        case .executable: return 0o100755
        case .symlink: return 0o120000
        case .tree: return 0o040000
        case .submodule: return 0o160000
        case .unknown(let value): return value
        }
    }

    /// The mode for a stored octal value.
    public init(rawValue: UInt32) {
        switch rawValue {
        case 0o100644, 0o100664: self = .blob
        case 0o100755: self = .executable
        case 0o120000: self = .symlink
        case 0o040000: self = .tree
        case 0o160000: self = .submodule
        default: self = .unknown(rawValue)
        }
    }

    /// True for the modes whose object is a blob (file, executable, symlink).
    public var isBlob: Bool {
        switch self {
        case .blob, .executable, .symlink: return true
        default: return false
        }
    }

    var gitMode: git_filemode_t { git_filemode_t(rawValue: rawValue) }
}

/// One entry of a tree: a file, a directory, a link or a submodule.
public struct TreeEntry: Hashable, Sendable {
    /// The path from the root tree (`projects/we/wemob/codesocial.yml`), or the bare name when read from one tree.
    public var path: String
    /// The object id (blob, tree or submodule commit).
    public var id: ObjectID
    /// The kind of entry.
    public var mode: FileMode
    /// The blob's size in bytes, nil for trees and submodules.
    public var size: Int?

    /// The last path component.
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Creates a value.
    public init(path: String, id: ObjectID, mode: FileMode, size: Int?) {
        self.path = path
        self.id = id
        self.mode = mode
        self.size = size
    }
}

/// A change to apply to a tree with ``Repository/updatedTree(base:changes:)``.
public enum TreeChange: Hashable, Sendable {
    /// Adds or replaces the entry at a path (intermediate directories are created).
    case upsert(path: String, blob: ObjectID, mode: FileMode = .blob)
    /// Removes the entry at a path (a file or a whole directory); directories left empty disappear.
    case remove(path: String)

    /// The path the change applies to.
    public var path: String {
        switch self {
        case .upsert(let path, _, _), .remove(let path): return path
        }
    }
}
