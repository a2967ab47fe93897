import Foundation
import Git

extension RegistrySnapshot {
    /// Opens a remote registry's `main` from its bare cache, fetching it first unless `offline`.
    ///
    /// Used by `registry check URL` and the reading commands. This build reads local
    /// registries (paths, `file://`, the default registry) only: fetching over `git://`,
    /// `http(s)://` and `ssh://` arrives with remote publishing, which owns the transport layer.
    /// - Throws: ``RegistryError`` `usage` naming the way around (a local clone).
    public static func remote(
        location: RegistryLocation, directories: XDGDirectories, offline: Bool, timeout: Double, environment: [String: String]
    ) throws(RegistryError) -> (RegistrySnapshot, RegistryCache) {
        throw RegistryError(
            .usage, "this build reads local registries only; fetching \(location.displayURL) over \(location.transport.rawValue) is not available yet",
            hint: "clone it (`git clone --bare \(location.displayURL) registry.git`) and pass the clone's path")
    }
}
