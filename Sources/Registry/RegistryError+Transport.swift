import Foundation
import Git

extension RegistryError {
    /// A fetch or push error as the registry error the user acts on (kind, message naming the
    /// registry without credentials, and a hint).
    /// - Parameters:
    ///   - error: what the `Git` module reported.
    ///   - location: the registry.
    ///   - timeout: the deadline in force, for the timeout message.
    public init(transport error: GitError, location: RegistryLocation, timeout: Double) {
        self = Self.make(transport: error, location: location, timeout: timeout)
    }

    private static func make(transport error: GitError, location: RegistryLocation, timeout: Double) -> RegistryError {
        let registry = location.displayURL
        switch error.kind {
        case .authentication:
            let hint = location.transport == .ssh
                ? "load your key in ssh-agent, put it at ~/.ssh/id_ed25519, or pass --ssh-key PATH (ed25519 keys; RSA is refused by current OpenSSH through libssh2)"
                : "check the user name and token (CODESOCIAL_USERNAME and CODESOCIAL_TOKEN, or https://user:token@host/… in the URL)"
            return RegistryError(.authentication, "authentication failed for \(registry): \(error.message)", hint: hint)
        case .unknownHostKey, .hostKeyMismatch, .certificate:
            return RegistryError(.hostKey, "\(registry): \(error.message)",
                                 hint: error.hint ?? "check the server's host key fingerprint, then add it to ~/.ssh/known_hosts")
        case .timeout:
            return RegistryError(.network, "timed out after \(Int(timeout)) s talking to \(registry)",
                                 hint: "check the network, or raise --timeout")
        case .network, .cancelled:
            return RegistryError(.network, "cannot reach \(registry): \(error.message)",
                                 hint: error.hint ?? "check the address, that the server is up, and your network connection")
        case .notFound:
            return RegistryError(.notFound, "no registry at \(registry): \(error.message)",
                                 hint: "check the URL (host, port and path)")
        case .invalid:
            return RegistryError(.usage, "\(registry): \(error.message)", hint: error.hint)
        case .corrupt:
            return RegistryError(.internalError, "the cache of \(registry) is damaged: \(error.message)",
                                 hint: "delete the cache under $XDG_CACHE_HOME/codesocial/registries and try again")
        default:
            return RegistryError(.network, "\(registry): \(error.message)", hint: error.hint)
        }
    }
}
