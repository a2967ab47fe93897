import Foundation
import Git

extension Publisher {
    /// Publishes into a remote registry through the bare cache (fetch, commit, push a temporary ref).
    func publishRemotely(_ entry: PublishEntry, cache: RegistryCache) throws(RegistryError) -> PublishResult {
        throw RegistryError(.internalError, "publishing over \(location.transport.rawValue) is not available in this build")
    }
}
