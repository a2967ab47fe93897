import Descriptor
import Git

extension GitError {
    /// The Git module's hint in English and French. The Git module speaks English only; the hints it
    /// gives to users who publish or read a registry are translated here. A hint not in the table
    /// (a new one) stays in English in both languages rather than being lost.
    var localizedHint: Localized? { hint.map(Localized.init(gitHint:)) }

    /// The message to quote in a French sentence: the Git module's French when it wrote one, else
    /// the message as it is (libgit2's words).
    var frenchText: String { frenchMessage ?? message }
}

extension Localized {
    /// A hint of the `Git` module (``Git/GitError/hint``) with its French translation; a hint the
    /// table does not know is kept in English in both languages.
    public init(gitHint hint: String) {
        if let french = Self.gitHints[hint] {
            self.init(en: hint, fr: french)
            return
        }
        for (prefix, french) in Self.gitHintPrefixes where hint.hasPrefix(prefix) {
            self.init(en: hint, fr: french + hint.dropFirst(prefix.count))
            return
        }
        if hint.hasPrefix("if the administrator confirms the change, run "), hint.hasSuffix(" and add the new key") {
            let command = hint.dropFirst("if the administrator confirms the change, run ".count).dropLast(" and add the new key".count)
            self.init(en: hint, fr: "si l'administrateur confirme le changement, lancez \(command) et ajoutez la nouvelle clé")
            return
        }
        self.init(verbatim: hint)
    }

    /// Hints that end with a command or an address, kept as they are after the translated start.
    private static let gitHintPrefixes: [(String, String)] = [
        ("check the fingerprint with the server's administrator, then add the key: ",
         "vérifiez l'empreinte auprès de l'administrateur du serveur, puis ajoutez la clé : "),
        ("check the URL: ", "vérifiez l'URL : "),
    ]

    /// The Git module's fixed hints.
    private static let gitHints: [String: String] = [
        "add your public key to the server, or pass another key":
            "ajoutez votre clé publique sur le serveur, ou indiquez une autre clé",
        "check that the URL points to a git server": "vérifiez que l'URL mène à un serveur git",
        "check the URL and your access rights": "vérifiez l'URL et vos droits d'accès",
        "check the network and the server, or raise the timeout":
            "vérifiez le réseau et le serveur, ou augmentez le délai",
        "check the path of the registry": "vérifiez le chemin du registre",
        "check the path, or create the repository first": "vérifiez le chemin, ou créez d'abord le dépôt",
        "check the user name and the password or token": "vérifiez le nom d'utilisateur et le mot de passe ou le jeton",
        "delete the repository and fetch it again": "supprimez le dépôt et récupérez-le de nouveau",
        "fetch to see whether the registry was updated, then try again":
            "récupérez le registre (fetch) pour voir s'il a été mis à jour, puis réessayez",
        "pass them in the URL (https://USER:TOKEN@host/…) or as options":
            "indiquez-les dans l'URL (https://UTILISATEUR:JETON@hôte/…) ou en options",
        "point GIT_SSL_CAINFO or SSL_CERT_FILE at a PEM file of certificates":
            "faites pointer GIT_SSL_CAINFO ou SSL_CERT_FILE vers un fichier PEM de certificats",
        "read the reference again and retry": "relisez la référence et réessayez",
        "read the server's reason above; a server-side hook or branch protection refused the update":
            "lisez la raison donnée par le serveur ci-dessus ; un hook côté serveur ou une protection de branche a refusé la mise à jour",
        "read the server's reason; fetch to see whether the registry was updated":
            "lisez la raison donnée par le serveur ; récupérez le registre (fetch) pour voir s'il a été mis à jour",
        "the connection may be corrupted; try again": "la connexion est peut-être corrompue ; réessayez",
        "the connection was cut; try again": "la connexion a été coupée ; réessayez",
        "the push may not have happened; fetch to see the remote's state":
            "le push n'a peut-être pas eu lieu ; récupérez le dépôt distant (fetch) pour voir son état",
        "the remote moved: fetch, merge and push again":
            "le dépôt distant a changé : récupérez-le (fetch), fusionnez, puis poussez de nouveau",
        "the remote moved since the last fetch: fetch, merge and push again":
            "le dépôt distant a changé depuis la dernière récupération : récupérez-le (fetch), fusionnez, puis poussez de nouveau",
        "the server may be out of space or refuse objects; ask its maintainers":
            "le serveur manque peut-être de place ou refuse des objets ; demandez à ses responsables",
        "check that the server is up and reachable": "vérifiez que le serveur est démarré et joignable",
        "the server's TLS certificate is not trusted: check the URL; for a private certificate authority, point GIT_SSL_CAINFO (or SSL_CERT_FILE) at its PEM file":
            "le certificat TLS du serveur n'est pas reconnu : vérifiez l'URL ; pour une autorité de certification privée, faites pointer GIT_SSL_CAINFO (ou SSL_CERT_FILE) vers son fichier PEM",
        "check the credentials": "vérifiez les identifiants",
        "use a git server from after 2007 (git daemon, git http-backend, Forgejo, GitLab, GitHub)":
            "utilisez un serveur git postérieur à 2007 (git daemon, git http-backend, Forgejo, GitLab, GitHub)",
        "use a path, file://, git://, http(s):// or ssh://": "utilisez un chemin, file://, git://, http(s):// ou ssh://",
        "check the signing key and its agent": "vérifiez la clé de signature et son agent",
        // Misuses of the Git module's API (a bug in codesocial if a user ever sees them).
        "build the commit on the remote's current tip": "construisez le commit sur la pointe actuelle du dépôt distant",
        "update local repositories with a compare-and-swap reference update":
            "mettez à jour les dépôts locaux par une mise à jour de référence avec comparaison (compare-and-swap)",
        "use updateReference(_:to:expected:message:) on the repository itself":
            "utilisez updateReference(_:to:expected:message:) sur le dépôt lui-même",
    ]
}
