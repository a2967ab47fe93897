import Descriptor
import Foundation
import Git

extension Publisher {
    /// Publishes into a local registry: objects go straight into its object database, then `main`
    /// moves by compare-and-swap, under the registry's own lock (`codesocial-publish.lock` in its git
    /// directory). libgit2's local push is never used: it overwrites the remote ref by force.
    func publishLocally(_ entry: PublishEntry, cache: RegistryCache) throws(RegistryError) -> PublishResult {
        guard let path = location.localPath else {
            throw RegistryError(.internalError, Localized(en: "a local registry without a path", fr: "un registre local sans chemin"))
        }
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw RegistryError(.notFound, exists
                                    ? Localized(en: "\(path) is not a git repository", fr: "\(path) n'est pas un dépôt git")
                                    : Localized(en: "no registry at \(path)", fr: "aucun registre à \(path)"),
                                hint: Localized(en: "check the path, or create a registry with `codesocial registry init \(path) --bare`",
                                                fr: "vérifiez le chemin, ou créez un registre avec `codesocial registry init \(path) --bare`"))
        }
        if !repository.isBare, repository.headBranch == RegistryCache.mainReference {
            throw RegistryError(.cannotWrite, Localized(
                                    en: "\(path) is a work tree with main checked out; publishing would leave its files out of date",
                                    fr: "\(path) est une copie de travail où la branche main est extraite ; publier y laisserait ses fichiers périmés"),
                                hint: Localized(
                                    en: "publish to a bare registry (`codesocial registry init PATH --bare`) or to the server this one pushes to",
                                    fr: "publiez dans un registre nu (`codesocial registry init CHEMIN --bare`) ou sur le serveur vers lequel celui-ci pousse"))
        }
        let lock = try FileLock(path: URL(fileURLWithPath: repository.path).appendingPathComponent("codesocial-publish.lock").path,
                                timeout: options.timeout, what: Localized(en: "the registry \(path)", fr: "le registre \(path)"))
        defer { lock.unlock() }
        var attempt = 0
        while true {
            attempt += 1
            let tip: ObjectID
            do {
                guard let current = try repository.reference(named: RegistryCache.mainReference) else {
                    throw RegistryError(.notARegistry, Localized(en: "\(path) is not a codesocial registry: it has no main branch",
                                                                 fr: "\(path) n'est pas un registre codesocial : il n'a pas de branche main"),
                                        hint: Localized(en: "create a registry with `codesocial registry init PATH --bare`",
                                                        fr: "créez un registre avec `codesocial registry init CHEMIN --bare`"))
                }
                tip = current
            } catch let error as RegistryError {
                throw error
            } catch {
                throw RegistryError(.internalError, Localized(en: "cannot read main in \(path): \(error)",
                                                              fr: "impossible de lire la branche main de \(path) : \(error)"))
            }
            switch try plan(entry, on: tip, in: repository, known: cache.knownBlob(of: entry.id)) {
            case .unchanged(let unchanged):
                return try result(for: unchanged, entry, tip: tip, cache: cache, attempts: attempt)
            case .commit(let commit, let publication):
                do {
                    try repository.updateReference(RegistryCache.mainReference, to: commit, expected: tip,
                                                   message: "codesocial: \(publication.message)")
                } catch where error.kind == .referenceChanged || error.kind == .locked {
                    guard attempt < options.maximumAttempts else {
                        throw RegistryError(.network, Localized(
                                                en: "gave up after \(attempt) attempts: main in \(path) kept moving while publishing",
                                                fr: "abandon après \(attempt) tentatives : la branche main de \(path) n'a pas cessé de changer pendant la publication"),
                                            hint: Localized(en: "run the command again", fr: "relancez la commande"))
                    }
                    Thread.sleep(forTimeInterval: Self.backoff(beforeAttempt: attempt + 1))
                    continue
                } catch {
                    throw RegistryError(.cannotWrite, Localized(en: "cannot update main in \(path): \(error.message)",
                                                                fr: "impossible de mettre à jour la branche main de \(path) : \(error.frenchText)"),
                                        hint: error.localizedHint)
                }
                try cache.recordKnown(publication.blob, of: entry.id)
                return result(.published, entry, commit: commit, publication, attempts: attempt)
            }
        }
    }
}
