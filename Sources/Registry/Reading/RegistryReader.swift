import Catalog
import Descriptor
import Foundation
import Git
import JSONSchema

/// Reads a registry for `list`, `show`, `search`, `log`, `diff` and `match`.
///
/// A local registry (a path, `file://`, the default registry) is read in place through
/// libgit2; a remote one from its bare cache under `$XDG_CACHE_HOME/codesocial/registries/`,
/// refreshed by a fetch of `main` unless offline. The search index lives beside the caches
/// (`<cache name>.index.sqlite`) and is brought up to the registry's tip incrementally.
public final class RegistryReader {
    /// The registry.
    public let location: RegistryLocation
    /// The commit read (the registry's `main`).
    public let snapshot: RegistrySnapshot
    /// The search index file.
    public let indexPath: String
    /// Kept open (and locked) while reading a remote registry's cache.
    let cache: RegistryCache?

    /// Starts the git library's one-time set-up on a background thread (about 7 ms: see `GitLibrary`), so
    /// that it overlaps a command's own start; reading works without it (it then waits for the set-up).
    public static func prepare() {
        GitLibrary.initializeInBackground()
    }

    /// Opens a registry for reading.
    /// - Parameters:
    ///   - location: where the registry is (``RegistryLocation/resolve(option:environment:currentDirectory:)``).
    ///   - directories: where caches and the index live.
    ///   - offline: read the cache as it is, without fetching.
    ///   - timeout: the deadline of the fetch, in seconds.
    ///   - environment: credentials (`CODESOCIAL_USERNAME`, `CODESOCIAL_TOKEN`, `HOME` for SSH keys).
    /// - Throws: ``RegistryError``: `notFound` when there is no registry (or no cache offline),
    ///   fetch errors (`network`, `authentication`, `hostKey`), `cannotWrite` for the cache.
    public init(
        location: RegistryLocation, directories: XDGDirectories, offline: Bool, timeout: Double = 60,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RegistryError) {
        self.location = location
        indexPath = directories.registryCaches.appendingPathComponent("\(location.cacheName).index.sqlite").path
        if location.transport == .local, let path = location.localPath {
            guard FileManager.default.fileExists(atPath: path) else {
                if location.isDefault {
                    throw RegistryError(.notFound, Localized(en: "the default registry \(path) does not exist yet",
                                                             fr: "le registre par défaut \(path) n'existe pas encore"),
                                        hint: Localized(en: "publish a description first (`codesocial publish`), or pass --registry",
                                                        fr: "publiez d'abord une description (`codesocial publish`), ou indiquez --registry"))
                }
                throw RegistryError(.notFound, Localized(en: "no registry at \(path)", fr: "aucun registre à \(path)"),
                                    hint: Localized(en: "check the path given to --registry", fr: "vérifiez le chemin donné à --registry"))
            }
            cache = nil
            snapshot = try RegistrySnapshot(path: path)
        } else {
            (snapshot, cache) = try RegistrySnapshot.remote(
                location: location, directories: directories, offline: offline, timeout: timeout, environment: environment)
        }
    }

    /// The registry's configuration (its layout in particular).
    public func config() throws(RegistryError) -> RegistryConfig { try snapshot.config() }

    /// The path of entry `id` in the registry tree.
    public func path(of id: String) throws(RegistryError) -> String {
        try config().layout.path(for: id)
    }

    /// The bytes of entry `id` at a commit (the tip by default), or `nil` when it has no such entry.
    public func entryData(_ id: String, at commit: ObjectID? = nil) throws(RegistryError) -> Data? {
        guard RegistryLayout.isValidID(id) else { return nil }
        let path = try path(of: id)
        let tree = try commit.map { c throws(RegistryError) in try snapshot.gitCall { () throws(GitError) in try snapshot.repository.treeID(of: c) } } ?? snapshot.tree
        guard let entry = try snapshot.gitCall({ () throws(GitError) in try snapshot.repository.treeEntry(at: path, in: tree) }),
              entry.mode.isBlob else { return nil }
        return try snapshot.gitCall { () throws(GitError) in try snapshot.repository.readBlob(entry.id, limit: RegistryChecker.maximumFileSize) }
    }

    /// Entry `id` parsed, at a commit (the tip by default); `nil` when absent.
    /// - Throws: ``RegistryError`` `invalidDescription` when the stored file cannot be read as YAML.
    public func description(_ id: String, at commit: ObjectID? = nil) throws(RegistryError) -> JSONValue? {
        guard let data = try entryData(id, at: commit) else { return nil }
        return try Self.parse(data, path: try path(of: id))
    }

    /// Parses an entry's bytes.
    static func parse(_ data: Data, path: String) throws(RegistryError) -> JSONValue {
        do {
            return try DocumentLoader.load(data, syntax: .yaml).value
        } catch {
            let location = path + (error.position.map { ":\($0.line):\($0.column)" } ?? "")
            throw RegistryError(.invalidDescription, Localized(en: "\(location): \(error.message(in: .en))", fr: "\(location): \(error.message(in: .fr))"),
                                hint: Localized(en: "`codesocial registry check` lists what is wrong in the registry",
                                                fr: "`codesocial registry check` liste ce qui ne va pas dans le registre"))
        }
    }

    /// Resolves a revision of the registry (`HEAD~2`, a commit id, a tag).
    public func resolve(_ revision: String) throws(RegistryError) -> ObjectID {
        try RegistrySnapshot(repository: snapshot.repository, revision: revision).commit
    }

    /// The commits that changed entry `id`, newest first.
    public func history(of id: String, limit: Int = .max) throws(RegistryError) -> [Commit] {
        let path = try path(of: id)
        return try snapshot.gitCall { () throws(GitError) in try snapshot.repository.log(from: snapshot.commit, path: path, limit: limit) }
    }
}
