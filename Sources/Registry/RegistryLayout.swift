/// Where entries live in a registry's tree: `projects/<first two characters of id>/<id>/codesocial.yml`.
///
/// Sharded from day one (`projects/we/wemob/codesocial.yml`) so that no directory grows past a
/// few hundred entries. Ids are lowercase ASCII slugs of 2 to 64 characters, so the shard always exists.
public struct RegistryLayout: Sendable, Equatable, Hashable {
    /// The registry configuration file at the root of `main`.
    public static let configPath = ".codesocial-registry.yml"
    /// The directory holding every entry.
    public static let projectsDirectory = "projects"
    /// The name of an entry's file inside its directory.
    public static let entryFileName = "codesocial.yml"
    /// The name of the only layout this version knows, as written in `.codesocial-registry.yml`.
    public static let shardedName = "sharded-2"

    /// How many leading characters of the id name the shard directory.
    public let shardLength: Int

    /// The sharded layout (`projects/<2 chars>/<id>/codesocial.yml`).
    public static let sharded = RegistryLayout(shardLength: 2)

    /// The layout named `name` in a configuration file, or `nil` when this version does not know it.
    public init?(name: String) {
        guard name == Self.shardedName else { return nil }
        self = .sharded
    }

    private init(shardLength: Int) { self.shardLength = shardLength }

    /// The layout's name, as written in `.codesocial-registry.yml`.
    public var name: String { Self.shardedName }

    /// Whether `id` is a valid registry id: `^[a-z0-9]+(-[a-z0-9]+)*$`, 2–64 characters.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (2...64).contains(bytes.count) else { return false }
        var previousWasDash = true  // a leading dash is refused
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasDash = false
            case UInt8(ascii: "-"):
                if previousWasDash { return false }
                previousWasDash = true
            default:
                return false
            }
        }
        return !previousWasDash
    }

    /// The shard directory name of `id` (its first characters).
    public func shard(of id: String) -> String { String(id.prefix(shardLength)) }

    /// The entry directory of `id`: `projects/we/wemob`.
    public func directory(for id: String) -> String {
        "\(Self.projectsDirectory)/\(shard(of: id))/\(id)"
    }

    /// The path of `id`'s description in the registry tree: `projects/we/wemob/codesocial.yml`.
    public func path(for id: String) -> String {
        "\(directory(for: id))/\(Self.entryFileName)"
    }

    /// The id whose entry lives at `path`, or `nil` when `path` is not exactly where an entry belongs
    /// (wrong shard, wrong file name, invalid id, extra components).
    public func id(forPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Substring(Self.projectsDirectory), parts[3] == Substring(Self.entryFileName)
        else { return nil }
        let id = String(parts[2])
        guard Self.isValidID(id), parts[1] == Substring(shard(of: id)) else { return nil }
        return id
    }
}
