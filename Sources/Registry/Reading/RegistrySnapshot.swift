import Descriptor
import Foundation
import Git

/// One commit of a registry opened for reading through libgit2: a bare repository (its
/// `main`, else `HEAD`) or a work tree (the committed `HEAD`, never the files on disk).
public final class RegistrySnapshot {
    /// The repository.
    public let repository: Repository
    /// The commit read.
    public let commit: ObjectID
    /// Its root tree.
    public let tree: ObjectID
    /// Where the repository is (for messages and for opening it again on other threads).
    public let path: String

    /// Opens `path` and picks the commit to read.
    /// - Parameters:
    ///   - path: a bare repository or a work tree (or any directory inside one).
    ///   - revision: a revision to read instead of the default (`main` for a bare repository, `HEAD` otherwise).
    /// - Throws: ``RegistryError`` `notFound` when there is no repository there or it has no commit.
    public convenience init(path: String, revision: String? = nil) throws(RegistryError) {
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch {
            throw RegistryError(.notFound, Localized(en: "no git repository at \(path): \(error.message)",
                                                     fr: "aucun dépôt git à \(path) : \(error.frenchText)"),
                                hint: Localized(en: "give the path of a registry (a bare repository or a clone), or its URL",
                                                fr: "indiquez le chemin d'un registre (un dépôt nu ou un clone), ou son URL"))
        }
        try self.init(repository: repository, revision: revision)
    }

    /// Reads a commit of an already opened repository (a registry cache).
    public init(repository: Repository, revision: String? = nil) throws(RegistryError) {
        self.repository = repository
        self.path = repository.path
        let candidates = revision.map { [$0] } ?? (repository.isBare ? ["refs/heads/main", "HEAD"] : ["HEAD"])
        var resolved: ObjectID?
        var lastError: GitError?
        for candidate in candidates {
            do {
                resolved = try repository.resolve(candidate)
                break
            } catch {
                lastError = error
            }
        }
        guard let resolved else {
            if let revision {
                throw RegistryError(.usage, Localized(
                                        en: "unknown revision `\(revision)` in \(repository.path): \(lastError?.message ?? "not found")",
                                        fr: "révision `\(revision)` inconnue dans \(repository.path) : \(lastError?.message ?? "introuvable")"),
                                    hint: Localized(en: "give a commit id, a branch or a tag that exists in the registry",
                                                    fr: "indiquez un identifiant de commit, une branche ou une étiquette qui existe dans le registre"))
            }
            throw RegistryError(.notFound, Localized(en: "the repository at \(repository.path) has no commit on main",
                                                     fr: "le dépôt \(repository.path) n'a aucun commit sur la branche main"),
                                hint: Localized(en: "a registry starts with `codesocial registry init`",
                                                fr: "un registre se crée avec `codesocial registry init`"))
        }
        commit = resolved
        do {
            tree = try repository.treeID(of: resolved)
        } catch {
            throw RegistryError(.internalError, Localized(en: "cannot read the tree of \(resolved.abbreviated()): \(error.message)",
                                                          fr: "impossible de lire l'arbre de \(resolved.abbreviated()) : \(error.frenchText)"))
        }
    }

    /// The registry's configuration at this commit.
    /// - Throws: ``RegistryError`` `notARegistry` when `.codesocial-registry.yml` is missing or invalid.
    public func config() throws(RegistryError) -> RegistryConfig {
        guard let entry = try gitCall({ () throws(GitError) in try repository.treeEntry(at: RegistryLayout.configPath, in: tree) }),
              entry.mode == .blob || entry.mode == .executable else {
            throw RegistryError(.notARegistry, Localized(
                                    en: "\(path) is not a codesocial registry: \(RegistryLayout.configPath) is missing on \(commit.abbreviated())",
                                    fr: "\(path) n'est pas un registre codesocial : \(RegistryLayout.configPath) manque sur \(commit.abbreviated())"),
                                hint: Localized(en: "create one with `codesocial registry init`, or point at another repository",
                                                fr: "créez-en un avec `codesocial registry init`, ou indiquez un autre dépôt"))
        }
        let data = try gitCall { () throws(GitError) in try repository.readBlob(entry.id, limit: 64 * 1024 + 1) }
        return try RegistryConfig.parse(data)
    }

    /// The bytes of the file at `path` in this commit, or `nil` when absent.
    public func file(at path: String, limit: Int = .max) throws(RegistryError) -> Data? {
        guard let entry = try gitCall({ () throws(GitError) in try repository.treeEntry(at: path, in: tree) }), entry.mode.isBlob else {
            return nil
        }
        return try gitCall { () throws(GitError) in try repository.readBlob(entry.id, limit: limit) }
    }

    /// Runs a libgit2 operation, turning its error into a ``RegistryError``.
    func gitCall<T>(_ body: () throws(GitError) -> T) throws(RegistryError) -> T {
        do {
            return try body()
        } catch {
            throw RegistryError(.internalError, Localized(en: "reading \(path): \(error.message)", fr: "lecture de \(path) : \(error.frenchText)"),
                                hint: .damagedRepository)
        }
    }
}

extension Localized {
    /// "the repository may be damaged: `git fsck` shows what is wrong".
    static let damagedRepository = Localized(en: "the repository may be damaged: `git fsck` shows what is wrong",
                                             fr: "le dépôt est peut-être endommagé : `git fsck` indique ce qui ne va pas")
}
