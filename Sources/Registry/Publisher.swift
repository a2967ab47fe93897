import Descriptor
import Foundation
import Git

/// Publishes descriptions into a registry: validates the target, builds one commit in memory on the
/// registry's tip (blob → updated tree → commit, never a work tree) and moves `main` to it without ever
/// losing someone else's update.
///
/// - Local registries (paths, `file://`, the default registry) are updated in place: objects are written
///   into the registry's own object database, then `main` moves by compare-and-swap, under a lock.
/// - Remote registries go through the bare cache: commit on the cached tip of `main` (fetching first
///   when the registry moved), then push that commit with a pack of exactly its new objects, the
///   registry's `main` having to be that tip (``Git/Repository/pushCommit(_:to:expected:url:options:)``).
/// - When `main` moved meanwhile, the change is re-applied on the new tip (a fast-forward, never a merge
///   commit) after a capped exponential backoff with jitter, up to ``PublishOptions/maximumAttempts``.
/// - Conflicts on the entry itself stop the publish (see ``EntryState``).
public struct Publisher: Sendable {
    /// Where to publish.
    public let location: RegistryLocation
    /// Where caches live.
    public let directories: XDGDirectories
    /// How.
    public let options: PublishOptions

    /// Creates a publisher.
    public init(location: RegistryLocation, directories: XDGDirectories, options: PublishOptions) {
        self.location = location
        self.directories = directories
        self.options = options
    }

    /// Starts the git library's one-time set-up on a background thread (about 7 ms: see `GitLibrary`),
    /// so that it overlaps reading and validating the description. Call it first in a command that is
    /// about to publish; ``publish(_:)`` works without it (it then waits for the set-up itself).
    public static func prepare() {
        GitLibrary.initializeInBackground()
    }

    /// Publishes `entry`.
    /// - Returns: what happened (published, already up to date, or what a dry run would commit).
    /// - Throws: ``RegistryError`` with the documented exit code: conflict, authentication, host key,
    ///   network or timeout, registry not found, not a registry or format not accepted, cannot write.
    public func publish(_ entry: PublishEntry) throws(RegistryError) -> PublishResult {
        guard RegistryLayout.isValidID(entry.id) else {
            throw RegistryError(.invalidDescription, Localized(en: "\(entry.sourcePath): `\(entry.id)` is not a valid registry id",
                                                               fr: "\(entry.sourcePath) : `\(entry.id)` n'est pas un identifiant de registre valide"),
                                hint: Localized(en: "ids are lowercase letters, digits and single dashes, 2 to 64 characters",
                                                fr: "un identifiant s'écrit en lettres minuscules, chiffres et tirets simples, de 2 à 64 caractères"))
        }
        var createdDefault = false
        if location.isDefault, let path = location.localPath {
            if options.dryRun {
                if !FileManager.default.fileExists(atPath: path) { return try dryRunIntoFreshDefault(entry) }
            } else {
                createdDefault = try RegistryInitializer.createDefaultIfNeeded(at: path, timeout: options.timeout)
            }
        }
        PhaseTrace.mark("registry location")
        let cache = try RegistryCache(location: location, directories: directories, timeout: options.timeout)
        defer { cache.close() }
        PhaseTrace.mark("cache lock and open")
        var result: PublishResult
        if location.transport == .local {
            result = try publishLocally(entry, cache: cache)
        } else {
            result = try publishRemotely(entry, cache: cache)
        }
        result.createdDefaultRegistry = createdDefault
        result.rebuiltCache = cache.wasRebuilt
        return result
    }

    /// A dry run while the default registry does not exist yet: what the first publish would do, shown
    /// against a registry made from the template in a temporary directory (nothing of the user's is written).
    private func dryRunIntoFreshDefault(_ entry: PublishEntry) throws(RegistryError) -> PublishResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("codesocial-dry-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let registry = scratch.appendingPathComponent("registry.git").path
        try RegistryInitializer.create(at: registry, bare: true)
        var environment = options.environment
        environment["XDG_CACHE_HOME"] = scratch.appendingPathComponent("cache").path
        let stand = Publisher(location: try RegistryLocation(registry), directories: XDGDirectories(environment: environment), options: options)
        var result = try stand.publish(entry)
        result.registry = location.displayURL
        result.createdDefaultRegistry = true
        return result
    }

    /// The commit message for `entry`.
    func message(for entry: PublishEntry) -> String {
        if let message = options.message, !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return message }
        return "publish \(entry.id)"
    }

    /// The delay before attempt `attempt` (1-based, the first retry is attempt 2): capped exponential
    /// backoff (50 ms doubling up to 2 s) with full jitter in its upper half.
    static func backoff(beforeAttempt attempt: Int) -> Double {
        let exponent = min(max(attempt - 2, 0), 10)
        let cap = min(2.0, 0.05 * Double(1 << exponent))
        return cap * Double.random(in: 0.5...1.0)
    }
}

extension Publisher {
    /// What publishing `entry` on a given tip amounts to.
    enum Plan {
        /// Nothing to move.
        case unchanged(Unchanged)
        /// A commit to move `main` to.
        case commit(ObjectID, Publication)
    }

    /// A plan that moves nothing.
    enum Unchanged {
        /// The tip already holds this exact content.
        case upToDate(blob: ObjectID)
        /// A dry run: what would be committed.
        case dryRun(Publication)
    }

    /// The entry's new version and the commit's metadata.
    struct Publication {
        var blob: ObjectID
        var isNew: Bool
        var author: Signature
        var message: String
    }

    /// The result of a plan that moves nothing; "already up to date" is remembered as this user's
    /// version, outside dry runs.
    func result(for unchanged: Unchanged, _ entry: PublishEntry, tip: ObjectID, cache: RegistryCache,
                attempts: Int) throws(RegistryError) -> PublishResult {
        switch unchanged {
        case .upToDate(let blob):
            if !options.dryRun { try cache.recordKnown(blob, of: entry.id) }
            return result(.upToDate, entry, path: RegistryLayout.sharded.path(for: entry.id), commit: tip, blob: blob,
                          isNew: false, attempts: attempts)
        case .dryRun(let publication):
            return result(.dryRun, entry, commit: nil, publication, attempts: attempts)
        }
    }

    /// A result of this publisher, without author or message.
    func result(_ status: PublishResult.Status, _ entry: PublishEntry, path: String, commit: ObjectID?, blob: ObjectID,
                isNew: Bool, attempts: Int) -> PublishResult {
        PublishResult(status: status, id: entry.id, path: path, registry: location.displayURL, commit: commit, blob: blob,
                      isNew: isNew, message: nil, author: nil, attempts: attempts, createdDefaultRegistry: false, rebuiltCache: false)
    }

    /// A result carrying `publication`'s author and message.
    func result(_ status: PublishResult.Status, _ entry: PublishEntry, commit: ObjectID?, _ publication: Publication,
                attempts: Int) -> PublishResult {
        var value = result(status, entry, path: RegistryLayout.sharded.path(for: entry.id), commit: commit, blob: publication.blob,
                           isNew: publication.isNew, attempts: attempts)
        value.author = publication.author
        value.message = publication.message
        return value
    }

    /// Reads the registry's configuration at `tip`, checks the format version, checks for conflicts and
    /// builds the commit in `repository` (nothing is written in a dry run).
    func plan(_ entry: PublishEntry, on tip: ObjectID, in repository: Repository, known: ObjectID?) throws(RegistryError) -> Plan {
        let config: RegistryConfig
        let tree: ObjectID
        do {
            tree = try repository.treeID(of: tip)
            guard let configEntry = try repository.treeEntry(at: RegistryLayout.configPath, in: tree), configEntry.mode.isBlob else {
                throw RegistryError(.notARegistry, Localized(
                                        en: "\(location.displayURL) is not a codesocial registry: its main branch has no \(RegistryLayout.configPath)",
                                        fr: "\(location.displayURL) n'est pas un registre codesocial : sa branche main n'a pas de \(RegistryLayout.configPath)"),
                                    hint: Localized(en: "check the registry address, or create a registry with `codesocial registry init PATH --bare`",
                                                    fr: "vérifiez l'adresse du registre, ou créez un registre avec `codesocial registry init CHEMIN --bare`"))
            }
            config = try RegistryConfig.parse(try repository.readBlob(configEntry.id, limit: 64 * 1024))
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError(.internalError, Localized(en: "cannot read the registry's main branch: \(error)",
                                                          fr: "impossible de lire la branche main du registre : \(error)"),
                                hint: Localized(en: "run the command again; if it persists, delete \(directories.registryCaches.path) and retry",
                                                fr: "relancez la commande ; si l'erreur persiste, supprimez \(directories.registryCaches.path) et réessayez"))
        }
        guard config.accepts(formatVersion: entry.formatVersion) else {
            let accepted = config.formats.map(String.init).joined(separator: ", ")
            throw RegistryError(.notARegistry, Localized(
                                    en: "\(location.displayURL) does not accept format version \(entry.formatVersion) (`codesocial: \(entry.formatVersion)` in \(entry.sourcePath)); it accepts \(accepted)",
                                    fr: "\(location.displayURL) n'accepte pas la version de format \(entry.formatVersion) (`codesocial: \(entry.formatVersion)` dans \(entry.sourcePath)) ; il accepte : \(accepted)"),
                                hint: Localized(en: "ask the registry's maintainers to add \(entry.formatVersion) to `formats` in \(RegistryLayout.configPath)",
                                                fr: "demandez aux responsables du registre d'ajouter \(entry.formatVersion) à `formats` dans \(RegistryLayout.configPath)"))
        }
        let path = config.layout.path(for: entry.id)
        do {
            let theirs = try repository.treeEntry(at: path, in: tree)
            let ours = options.dryRun ? try Repository.hashBlob(entry.contents) : try repository.writeBlob(entry.contents)
            if let theirs, theirs.id == ours, theirs.mode == .blob { return .unchanged(.upToDate(blob: ours)) }
            if !options.force {
                try checkConflict(entry: entry, path: path, theirs: theirs?.id, known: known, tip: tip, in: repository)
            }
            let author = try resolveAuthor(entry: entry, repository: repository)
            let message = message(for: entry)
            let publication = Publication(blob: ours, isNew: theirs == nil, author: author, message: message)
            if options.dryRun { return .unchanged(.dryRun(publication)) }
            let newTree = try repository.updatedTree(base: tree, changes: [.upsert(path: path, blob: ours, mode: .blob)])
            let committer = Signature(name: author.name, email: author.email)
            let commit = try repository.createCommit(tree: newTree, parents: [tip], author: author, committer: committer, message: message)
            return .commit(commit, publication)
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot build the commit: \(error)", fr: "impossible de construire le commit : \(error)"),
                                hint: Localized(en: "check the permissions of the registry or its cache",
                                                fr: "vérifiez les droits d'accès au registre ou à son cache"))
        }
    }
}
