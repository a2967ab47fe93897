import Foundation
import Git

extension Publisher {
    /// Publishes into a remote registry through the bare cache: fetch `main`, build the commit on its
    /// tip, push it from a unique temporary ref (`refs/codesocial/tmp/<uuid>`) to `refs/heads/main`,
    /// delete the temporary ref. When the push is refused because `main` moved, fetch again and
    /// re-apply on the new tip after a backoff, up to ``PublishOptions/maximumAttempts``.
    func publishRemotely(_ entry: PublishEntry, cache: RegistryCache) throws(RegistryError) -> PublishResult {
        let layoutPath = RegistryLayout.sharded.path(for: entry.id)
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
                if case .commit(let commit?, let blob, let isNew, let author, let message)? =
                    try? self.plan(entry, on: cached, in: cache.repository, known: cache.knownBlob(of: entry.id)) {
                    PhaseTrace.mark("plan on the cached tip")
                    if try push(commit, from: cache, attempt: attempt, lease: cached) {
                        return try published(entry, commit: commit, on: cached, blob: blob, isNew: isNew, author: author,
                                             message: message, attempts: attempt, cache: cache)
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
                    throw RegistryError(.notARegistry, "\(location.displayURL) is not a codesocial registry: it has no main branch",
                                        hint: "check the address, or create a registry with `codesocial registry init PATH --bare` and push it there")
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
            case .upToDate(let blob):
                if !options.dryRun { try cache.recordKnown(blob, of: entry.id) }
                return result(.upToDate, entry, path: layoutPath, commit: tip, blob: blob, isNew: false, attempts: attempt)
            case .commit(nil, let blob, let isNew, let author, let message):
                var dry = result(.dryRun, entry, path: layoutPath, commit: nil, blob: blob, isNew: isNew, attempts: attempt)
                dry.author = author
                dry.message = message
                return dry
            case .commit(let commit?, let blob, let isNew, let author, let message):
                let accepted = try push(commit, from: cache, attempt: attempt)
                guard accepted else {
                    if attempt >= options.maximumAttempts {
                        throw RegistryError(.network, "gave up after \(attempt) attempts: others kept publishing to \(location.displayURL) at the same time",
                                            hint: "run the command again in a moment")
                    }
                    continue
                }
                return try published(entry, commit: commit, on: tip, blob: blob, isNew: isNew, author: author,
                                     message: message, attempts: attempt, cache: cache)
            }
        }
    }

    /// After the registry accepted `commit`: keeps the cache in step (so the next publish is warm),
    /// records the published version and compacts the cache when needed.
    private func published(_ entry: PublishEntry, commit: ObjectID, on tip: ObjectID, blob: ObjectID, isNew: Bool, author: Signature,
                           message: String, attempts: Int, cache: RegistryCache) throws(RegistryError) -> PublishResult {
        try? cache.repository.updateReference(RegistryCache.mainReference, to: commit, expected: tip, message: "codesocial: \(message)")
        PhaseTrace.mark("cache main update")
        try cache.recordKnown(blob, of: entry.id)
        PhaseTrace.mark("known-state write")
        cache.compactIfNeeded()
        PhaseTrace.mark("compaction check")
        var published = result(.published, entry, path: RegistryLayout.sharded.path(for: entry.id), commit: commit, blob: blob,
                               isNew: isNew, attempts: attempts)
        published.author = author
        published.message = message
        return published
    }

    /// Pushes `commit` to the registry's main from a unique temporary ref, deleted afterwards.
    /// - Returns: false when the registry refused because its main moved (retry), true when accepted.
    /// With `lease`, the push goes ahead only if the registry's main is still `lease` (false otherwise).
    private func push(_ commit: ObjectID, from cache: RegistryCache, attempt: Int, lease: ObjectID? = nil) throws(RegistryError) -> Bool {
        let repository = cache.repository
        let temporary = "refs/codesocial/tmp/\(UUID().uuidString.lowercased())"
        do {
            try repository.updateReference(temporary, to: commit, expected: nil, message: "codesocial: publish attempt \(attempt)")
        } catch {
            throw RegistryError(.cannotWrite, "cannot write to the cache \(cache.directory.path): \(error.message)", hint: error.hint)
        }
        PhaseTrace.mark("temporary ref")
        defer {
            try? repository.deleteReference(temporary)
            PhaseTrace.mark("temporary ref deletion")
        }
        do {
            try repository.push(to: location.url, refspecs: ["\(temporary):\(RegistryCache.mainReference)"],
                                leases: lease.map { [RegistryCache.mainReference: $0] } ?? [:], options: transferOptions(phase: .push))
            PhaseTrace.mark("push")
            return true
        } catch where [.nonFastForward, .rejected, .referenceChanged, .locked].contains(error.kind) {
            if error.kind == .rejected && !Self.isRaceRejection(error.message) {
                throw RegistryError(.cannotWrite, "\(location.displayURL) refused the push: \(error.message)",
                                    hint: "the registry's server or a hook refused the update; ask its maintainers")
            }
            return false
        } catch {
            throw RegistryError(transport: error, location: location, timeout: options.timeout)
        }
    }

    /// Whether a server's rejection means "the branch moved" (retry) rather than a policy refusal.
    static func isRaceRejection(_ message: String) -> Bool {
        let lower = message.lowercased()
        return ["non-fast-forward", "fetch first", "failed to update ref", "failed to lock", "cannot lock",
                "stale info", "incorrect old value", "reference already exists", "but expected"].contains { lower.contains($0) }
    }

    /// Credentials, known_hosts, timeout and progress for one fetch or push.
    func transferOptions(phase: RegistryTransferProgress.Phase) -> TransferOptions {
        RegistryCache.transferOptions(phase: phase, timeout: options.timeout, environment: options.environment,
                                      sshKey: options.sshKey, progress: options.progress)
    }
}
