import Descriptor
import Foundation
import Git

extension Publisher {
    /// Publishes into a remote registry through the bare cache: build the commit on the cached tip of
    /// `main` (or fetch `main` first), push it with a pack of exactly its new objects, the server's main
    /// having to be that tip. When the push is refused because `main` moved, fetch again and re-apply on
    /// the new tip after a backoff, up to ``PublishOptions/maximumAttempts``.
    func publishRemotely(_ entry: PublishEntry, cache: RegistryCache) throws(RegistryError) -> PublishResult {
        var rebuiltAfterFailure = false
        var attempt = 0
        var justRebuilt = false
        // A warm cache first tries its cached tip without fetching: the push connection's advertisement
        // tells whether the registry's main is still that tip (a lease), and the push goes ahead on the
        // same connection. Anything else (the registry moved, the entry looks up to date or conflicting
        // on the cached tip, a dry run) fetches first, so that only a fresh tip decides.
        var useCachedTip = !options.dryRun && cache.tip != nil
        while true {
            attempt += 1
            if attempt > 1 && !justRebuilt { Thread.sleep(forTimeInterval: Self.backoff(beforeAttempt: attempt)) }
            justRebuilt = false
            if useCachedTip, let cached = cache.tip {
                useCachedTip = false
                if case .commit(let commit, let publication)? =
                    try? self.plan(entry, on: cached, in: cache.repository, known: cache.knownBlob(of: entry.id)) {
                    PhaseTrace.mark("plan on the cached tip")
                    if try push(commit, on: cached, from: cache) {
                        return try published(entry, commit: commit, on: cached, publication, attempts: attempt, cache: cache)
                    }
                }
                // Stale cache (or a result only a fresh tip may decide): fetch now, without backoff.
                attempt -= 1
                justRebuilt = true
                continue
            }
            let tip: ObjectID
            let plan: Plan
            do throws(RegistryError) {
                try cache.refresh(using: transferOptions(phase: .fetch))
                PhaseTrace.mark("fetch (attempt \(attempt))")
                guard let current = cache.tip else {
                    throw RegistryError(.notARegistry, Localized(en: "\(location.displayURL) is not a codesocial registry: it has no main branch",
                                                                 fr: "\(location.displayURL) n'est pas un registre codesocial : il n'a pas de branche main"),
                                        hint: Localized(
                                            en: "check the address, or create a registry with `codesocial registry init PATH --bare` and push it there",
                                            fr: "vérifiez l'adresse, ou créez un registre avec `codesocial registry init CHEMIN --bare` et poussez-le à cette adresse"))
                }
                tip = current
                plan = try self.plan(entry, on: tip, in: cache.repository, known: cache.knownBlob(of: entry.id))
                PhaseTrace.mark("plan (known state, blob, tree, commit)")
            } catch where error.kind == .internalError && !rebuiltAfterFailure {
                // A damaged cache (an interrupted fetch, a lost pack): rebuild it once, fetch everything again.
                rebuiltAfterFailure = true
                try cache.rebuild()
                attempt -= 1
                justRebuilt = true
                continue
            }
            switch plan {
            case .unchanged(let unchanged):
                return try result(for: unchanged, entry, tip: tip, cache: cache, attempts: attempt)
            case .commit(let commit, let publication):
                let accepted = try push(commit, on: tip, from: cache)
                guard accepted else {
                    if attempt >= options.maximumAttempts {
                        throw RegistryError(.network, Localized(
                                                en: "gave up after \(attempt) attempts: others kept publishing to \(location.displayURL) at the same time",
                                                fr: "abandon après \(attempt) tentatives : d'autres personnes publiaient sans cesse dans \(location.displayURL) au même moment"),
                                            hint: Localized(en: "run the command again in a moment", fr: "relancez la commande dans un instant"))
                    }
                    continue
                }
                return try published(entry, commit: commit, on: tip, publication, attempts: attempt, cache: cache)
            }
        }
    }

    /// After the registry accepted `commit`: keeps the cache in step (so the next publish is warm),
    /// records the published version and compacts the cache when needed.
    private func published(_ entry: PublishEntry, commit: ObjectID, on tip: ObjectID, _ publication: Publication, attempts: Int,
                           cache: RegistryCache) throws(RegistryError) -> PublishResult {
        try? cache.repository.updateReference(RegistryCache.mainReference, to: commit, expected: tip,
                                              message: "codesocial: \(publication.message)")
        PhaseTrace.mark("cache main update")
        try cache.recordKnown(publication.blob, of: entry.id)
        PhaseTrace.mark("known-state write")
        cache.compactIfNeeded()
        PhaseTrace.mark("compaction check")
        return result(.published, entry, commit: commit, publication, attempts: attempts)
    }

    /// Pushes `commit` (built on `tip`) to the registry's main: the server's main must still be `tip`
    /// (checked on the push connection's advertisement, then by the server's compare-and-swap), and the
    /// pack holds exactly the objects the commit adds (``Repository/pushCommit(_:to:expected:url:options:)``).
    /// - Returns: false when main moved (fetch and re-apply), true when the registry accepted the commit.
    private func push(_ commit: ObjectID, on tip: ObjectID, from cache: RegistryCache) throws(RegistryError) -> Bool {
        do {
            let report = try cache.repository.pushCommit(commit, to: RegistryCache.mainReference, expected: tip,
                                                         url: location.url, options: transferOptions(phase: .push))
            PhaseTrace.mark(String(format: "push (%d objects, %d bytes; server %.1f ms)", report.objects, report.packBytes,
                                   report.serverSeconds * 1000))
            return true
        } catch where [.nonFastForward, .referenceChanged, .locked].contains(error.kind) {
            PhaseTrace.mark("push refused: the registry moved")
            return false
        } catch where error.kind == .rejected {
            throw RegistryError(.cannotWrite, Localized(en: "\(location.displayURL) refused the push: \(error.message)",
                                                        fr: "\(location.displayURL) a refusé le push : \(error.frenchText)"),
                                hint: Localized(en: "the registry's server or a hook refused the update; ask its maintainers",
                                                fr: "le serveur du registre ou un hook a refusé la mise à jour ; demandez à ses responsables"))
        } catch {
            throw RegistryError(transport: error, location: location, timeout: options.timeout)
        }
    }

    /// Credentials, known_hosts, timeout and progress for one fetch or push.
    func transferOptions(phase: RegistryTransferProgress.Phase) -> TransferOptions {
        RegistryCache.transferOptions(phase: phase, timeout: options.timeout, environment: options.environment,
                                      sshKey: options.sshKey, progress: options.progress)
    }
}
