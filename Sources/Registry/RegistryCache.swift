import Descriptor
import Foundation
import Git

/// The local bare cache of one registry, under `$XDG_CACHE_HOME/codesocial/registries/<cacheName>`.
///
/// Holds only `refs/heads/main` (fetched from the registry, never a work tree), the lock that
/// serialises every codesocial process using this cache, and the publisher's state (which blob of
/// each entry this user last published or fetched: see ``knownBlob(of:)``).
///
/// Use: ``open(location:directories:timeout:)`` (takes the lock), ``refresh(using:)`` to fetch `main`,
/// read from ``repository``, then let the cache go (or call ``close()``) to release the lock.
public final class RegistryCache {
    /// The registry this cache mirrors.
    public let location: RegistryLocation
    /// The cache's directory (a bare git repository).
    public let directory: URL
    /// The bare repository.
    public private(set) var repository: Repository
    /// Whether opening found a damaged cache and rebuilt it.
    public private(set) var wasRebuilt = false
    /// Temporary files left by interrupted operations that opening removed.
    public private(set) var removedStaleFiles: [String] = []
    private let lock: FileLock
    /// When the lock was taken: files last modified before it (minus a second) are stale debris.
    private let lockedAt: Date
    private var fetchedOnce = false

    /// The reference holding the registry's `main` in the cache.
    public static let mainReference = "refs/heads/main"
    /// More packs than this and the cache is repacked into one.
    public static let maximumPacks = 8

    /// Opens (creating when missing) the cache of `location` and locks it for this process.
    ///
    /// A cache that cannot be opened or whose `main` is missing objects (an interrupted fetch, a deleted
    /// pack) is deleted and created afresh, once. Temporary packs and stale lock files are removed.
    /// - Parameters:
    ///   - location: the registry.
    ///   - directories: where caches live.
    ///   - timeout: how long to wait for another process holding the cache, in seconds.
    /// - Throws: ``RegistryError`` `cannotWrite` when the cache cannot be created, `network` when the lock wait times out.
    public init(location: RegistryLocation, directories: XDGDirectories, timeout: Double) throws(RegistryError) {
        self.location = location
        let root = directories.registryCaches
        directory = root.appendingPathComponent(location.cacheName, isDirectory: true)
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot create the cache directory \(root.path): \(error.localizedDescription)",
                                                        fr: "impossible de créer le dossier de cache \(root.path) : \(error.localizedDescription)"),
                                hint: .checkCacheHome)
        }
        // The lock sits beside the cache, so that deleting and rebuilding the cache keeps it.
        lock = try FileLock(path: root.appendingPathComponent("\(location.cacheName).lock").path,
                            timeout: timeout, what: Localized(en: "the registry cache \(directory.path)", fr: "le cache du registre \(directory.path)"))
        lockedAt = Date()
        var opened = try? Repository.open(at: directory.path)
        if let existing = opened, !existing.isBare || !Self.isReadable(existing) { opened = nil }
        if opened == nil && fileManager.fileExists(atPath: directory.path) { wasRebuilt = true }
        if let opened {
            repository = opened
            // The 256 object fan-out directories (where only the git CLI leaves temporary files) are
            // swept when the cache is compacted, not on every open (see compactIfNeeded()).
            removedStaleFiles = opened.removeStaleFiles(olderThan: lockedAt.addingTimeInterval(-1), includingFanOut: false)
        } else {
            repository = try Self.create(at: directory)
        }
    }

    private static func create(at directory: URL) throws(RegistryError) -> Repository {
        try? FileManager.default.removeItem(at: directory)
        do {
            return try Repository.create(at: directory.path, bare: true, initialBranch: "main")
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot create the registry cache at \(directory.path): \(error.message)",
                                                        fr: "impossible de créer le cache du registre en \(directory.path) : \(error.frenchText)"),
                                hint: .checkCacheHome)
        }
    }

    /// Deletes the cache's repository and creates an empty one (keeping the lock): used once when a
    /// fetch finds the cache damaged.
    func rebuild() throws(RegistryError) {
        repository = try Self.create(at: directory)
        wasRebuilt = true
        fetchedOnce = false
    }

    /// A constant-time health check: `main` (when present) names a readable commit whose root tree and
    /// registry configuration can be read. Deeper damage shows up as an error when an object is needed,
    /// and the publisher then rebuilds the cache once. (A full `verify()` would cost a walk of every
    /// entry on each run.)
    static func isReadable(_ repository: Repository) -> Bool {
        guard let tip = (try? repository.reference(named: mainReference)) ?? nil else { return true }
        guard let tree = try? repository.treeID(of: tip) else { return false }
        return (try? repository.treeEntry(at: RegistryLayout.configPath, in: tree)) != nil
    }

    /// The cached tip of the registry's `main`, or nil before the first successful fetch.
    public var tip: ObjectID? {
        (try? repository.reference(named: Self.mainReference)).flatMap { $0 }
    }

    /// Releases the lock now (it is released on deinit otherwise).
    public func close() { lock.unlock() }

    /// More loose objects than this (each publish writes about five) and the cache is repacked.
    public static let maximumLooseObjects = 1_000

    /// Keeps the cache small. When it holds more than ``maximumPacks`` packs (each fetch adds one) or
    /// about ``maximumLooseObjects`` loose objects (each publish writes a blob, a few trees and a
    /// commit; estimated from one fan-out directory, as `git gc --auto` does): sweeps stale temporary
    /// files everywhere under `objects/` (including the fan-out directories that opening skips), then
    /// repacks everything reachable into one pack. Call it while the lock is held and no publish is
    /// between writing objects and moving a reference.
    public func compactIfNeeded() {
        guard repository.packCount > Self.maximumPacks || repository.estimatedLooseObjectCount > Self.maximumLooseObjects else { return }
        removedStaleFiles += repository.removeStaleFiles(olderThan: lockedAt.addingTimeInterval(-1))
        try? repository.repack()
    }
}

extension RegistryCache {
    /// Fetches the registry's `main` into the cache with credentials from `environment`
    /// (`CODESOCIAL_USERNAME`, `CODESOCIAL_TOKEN`, `SSH_AUTH_SOCK`, `HOME` for `~/.ssh`), as `publish` does.
    /// - Parameters:
    ///   - timeout: the deadline of the fetch, in seconds.
    ///   - environment: where credentials and `HOME` come from.
    ///   - sshKey: an SSH private key to use instead of the agent and `~/.ssh/id_ed25519`.
    ///   - progress: called with transfer progress (for a progress bar), or nil.
    /// - Throws: ``RegistryError`` as ``refresh(using:)``.
    public func refresh(timeout: Double, environment: [String: String] = ProcessInfo.processInfo.environment, sshKey: String? = nil,
                        progress: (@Sendable (RegistryTransferProgress) -> Void)? = nil) throws(RegistryError) {
        try refresh(using: Self.transferOptions(phase: .fetch, timeout: timeout, environment: environment, sshKey: sshKey, progress: progress))
    }

    /// Credentials, known_hosts, timeout and progress for one fetch or push, from the environment.
    static func transferOptions(phase: RegistryTransferProgress.Phase, timeout: Double, environment: [String: String],
                                sshKey: String?, progress: (@Sendable (RegistryTransferProgress) -> Void)?) -> TransferOptions {
        var credentials = Credentials()
        if let user = environment["CODESOCIAL_USERNAME"], !user.isEmpty { credentials.username = user }
        if let token = environment["CODESOCIAL_TOKEN"], !token.isEmpty { credentials.password = token }
        credentials.useSSHAgent = environment["SSH_AUTH_SOCK"].map { !$0.isEmpty } ?? false
        if let sshKey {
            credentials.sshKey = sshKey
        } else if let home = environment["HOME"], !home.isEmpty {
            let key = home + "/.ssh/id_ed25519"
            if FileManager.default.fileExists(atPath: key) { credentials.sshKey = key }
        }
        var knownHosts: String?
        if let home = environment["HOME"], !home.isEmpty { knownHosts = home + "/.ssh/known_hosts" }
        var transfer = TransferOptions(credentials: credentials, knownHostsFile: knownHosts, timeout: timeout)
        // Private certificate authorities, as git (GIT_SSL_CAINFO) and OpenSSL (SSL_CERT_FILE, SSL_CERT_DIR) name them.
        transfer.certificateAuthorityFile = [environment["GIT_SSL_CAINFO"], environment["SSL_CERT_FILE"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        transfer.certificateAuthorityDirectory = environment["SSL_CERT_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        if let progress {
            transfer.progress = { value in
                progress(RegistryTransferProgress(phase: phase, completed: value.completedObjects,
                                                  total: value.totalObjects, bytes: value.bytes))
            }
        }
        return transfer
    }

    /// Fetches the registry's `main` into the cache (`+refs/heads/main:refs/heads/main`).
    ///
    /// For a local registry this reads it directly (the local transport is only unsafe for pushes).
    /// - Parameter options: credentials, known_hosts, timeout and progress.
    /// - Throws: ``RegistryError``: `authentication`, `hostKey`, `network` (also timeouts), `notFound`,
    ///   `internalError` when the cache itself is damaged (``rebuild()`` it and fetch again).
    public func refresh(using options: TransferOptions) throws(RegistryError) {
        do {
            try repository.fetch(from: location.url, refspecs: ["+\(Self.mainReference):\(Self.mainReference)"], options: options)
        } catch {
            if error.kind == .corrupt || error.errorClass == "odb" || error.errorClass == "indexer" || error.errorClass == "zlib" {
                throw RegistryError(.internalError, Localized(en: "the cache \(directory.path) is damaged: \(error.message)",
                                                              fr: "le cache \(directory.path) est endommagé : \(error.frenchText)"),
                                    hint: .deleteAndRetry(directory.path))
            }
            throw RegistryError(transport: error, location: location, timeout: options.timeout ?? 0)
        }
        if !Self.isReadable(repository) {
            throw RegistryError(.internalError, Localized(en: "the cache \(directory.path) is missing objects after fetching",
                                                          fr: "il manque des objets dans le cache \(directory.path) après la récupération"),
                                hint: .deleteAndRetry(directory.path))
        }
    }
}

extension Localized {
    /// "check XDG_CACHE_HOME and the permissions of its directory".
    static let checkCacheHome = Localized(en: "check XDG_CACHE_HOME and the permissions of its directory",
                                          fr: "vérifiez XDG_CACHE_HOME et les droits d'accès à son dossier")

    /// "delete PATH and try again".
    static func deleteAndRetry(_ path: String) -> Localized {
        Localized(en: "delete \(path) and try again", fr: "supprimez \(path) et réessayez")
    }
}
