import Descriptor
import Foundation
import Git

extension RegistrySnapshot {
    /// Opens a remote registry's `main` from its bare cache (`RegistryCache`, shared with
    /// `publish`), fetching it first unless `offline`.
    ///
    /// Used by `registry check URL` and the reading commands. Credentials, host keys and the
    /// deadline are those of `publish` (`CODESOCIAL_USERNAME` / `CODESOCIAL_TOKEN`, the SSH
    /// agent or `~/.ssh/id_ed25519`, `~/.ssh/known_hosts`). A cache found damaged by the fetch is
    /// rebuilt once. The cache stays locked while the caller holds it.
    /// - Throws: ``RegistryError``: fetch errors (`network`, `authentication`, `hostKey`,
    ///   `notFound`), `notFound` offline without a cached copy, `cannotWrite` for the cache.
    public static func remote(
        location: RegistryLocation, directories: XDGDirectories, offline: Bool, timeout: Double, environment: [String: String]
    ) throws(RegistryError) -> (RegistrySnapshot, RegistryCache) {
        let cache = try RegistryCache(location: location, directories: directories, timeout: timeout)
        if offline {
            guard cache.tip != nil else {
                throw RegistryError(.notFound, Localized(en: "there is no cached copy of \(location.displayURL) yet",
                                                         fr: "il n'existe pas encore de copie en cache de \(location.displayURL)"),
                                    hint: Localized(en: "run the command once without --offline", fr: "lancez d'abord la commande une fois sans --offline"))
            }
        } else {
            var options = PublishOptions()
            options.environment = environment
            options.timeout = timeout
            let transfer = Publisher(location: location, directories: directories, options: options).transferOptions(phase: .fetch)
            do {
                try cache.refresh(using: transfer)
            } catch where error.kind == .internalError {
                try cache.rebuild()
                try cache.refresh(using: transfer)
            }
        }
        return (try RegistrySnapshot(repository: cache.repository, revision: RegistryCache.mainReference), cache)
    }
}
