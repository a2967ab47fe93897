import Descriptor
import Foundation
import Git

extension RegistryError {
    /// A fetch or push error as the registry error the user acts on (kind, message naming the
    /// registry without credentials, and a hint). libgit2's or the server's own text is kept as it is.
    /// - Parameters:
    ///   - error: what the `Git` module reported.
    ///   - location: the registry.
    ///   - timeout: the deadline in force, for the timeout message.
    public init(transport error: GitError, location: RegistryLocation, timeout: Double) {
        self = Self.make(transport: error, location: location, timeout: timeout)
    }

    private static func make(transport error: GitError, location: RegistryLocation, timeout: Double) -> RegistryError {
        let registry = location.displayURL
        let reason = error.message
        // The Git module's own sentences (credentials, host keys) come in French too; libgit2's stay as they are.
        let frenchReason = error.frenchText
        switch error.kind {
        case .authentication:
            let hint = location.transport == .ssh
                ? Localized(
                    en: "load your key in ssh-agent, put it at ~/.ssh/id_ed25519, or pass --ssh-key PATH (ed25519 keys; RSA is refused by current OpenSSH through libssh2)",
                    fr: "chargez votre clé dans ssh-agent, placez-la en ~/.ssh/id_ed25519, ou indiquez --ssh-key CHEMIN (clés ed25519 ; les clés RSA sont refusées par les versions actuelles d'OpenSSH via libssh2)")
                : Localized(
                    en: "check the user name and token (CODESOCIAL_USERNAME and CODESOCIAL_TOKEN, or https://user:token@host/… in the URL)",
                    fr: "vérifiez le nom d'utilisateur et le jeton (CODESOCIAL_USERNAME et CODESOCIAL_TOKEN, ou https://utilisateur:jeton@hôte/… dans l'URL)")
            return RegistryError(.authentication, Localized(en: "authentication failed for \(registry): \(reason)",
                                                            fr: "échec de l'authentification auprès de \(registry) : \(frenchReason)"), hint: hint)
        case .unknownHostKey, .hostKeyMismatch, .certificate:
            let what = error.kind == .certificate ? "certificat HTTPS non reconnu"
                : error.kind == .hostKeyMismatch ? "la clé d'hôte SSH a changé" : "clé d'hôte SSH inconnue"
            let french = error.frenchMessage.map { "\(registry) : \($0)" } ?? "\(registry) : \(what) : \(reason)"
            return RegistryError(.hostKey, Localized(en: "\(registry): \(reason)", fr: french),
                                 hint: error.localizedHint ?? Localized(
                                    en: "check the server's host key fingerprint, then add it to ~/.ssh/known_hosts",
                                    fr: "vérifiez l'empreinte de la clé d'hôte du serveur, puis ajoutez-la à ~/.ssh/known_hosts"))
        case .timeout:
            return RegistryError(.network, Localized(en: "timed out after \(Int(timeout)) s talking to \(registry)",
                                                     fr: "délai dépassé : pas de réponse de \(registry) après \(Int(timeout)) s"),
                                 hint: Localized(en: "check the network, or raise --timeout", fr: "vérifiez le réseau, ou augmentez --timeout"))
        case .network, .cancelled:
            return RegistryError(.network, Localized(en: "cannot reach \(registry): \(reason)", fr: "impossible de joindre \(registry) : \(frenchReason)"),
                                 hint: error.localizedHint ?? Localized(
                                    en: "check the address, that the server is up, and your network connection",
                                    fr: "vérifiez l'adresse, que le serveur est démarré, et votre connexion réseau"))
        case .notFound:
            return RegistryError(.notFound, Localized(en: "no registry at \(registry): \(reason)", fr: "aucun registre à l'adresse \(registry) : \(reason)"),
                                 hint: Localized(en: "check the URL (host, port and path)", fr: "vérifiez l'URL (hôte, port et chemin)"))
        case .invalid:
            return RegistryError(.usage, Localized(en: "\(registry): \(reason)", fr: "\(registry) : \(frenchReason)"), hint: error.localizedHint)
        case .corrupt:
            return RegistryError(.internalError, Localized(en: "the cache of \(registry) is damaged: \(reason)",
                                                           fr: "le cache de \(registry) est endommagé : \(reason)"),
                                 hint: Localized(en: "delete the cache under $XDG_CACHE_HOME/codesocial/registries and try again",
                                                 fr: "supprimez le cache sous $XDG_CACHE_HOME/codesocial/registries et réessayez"))
        default:
            return RegistryError(.network, Localized(en: "\(registry): \(reason)", fr: "\(registry) : \(frenchReason)"), hint: error.localizedHint)
        }
    }
}

