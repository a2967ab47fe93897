import Foundation
internal import CLibGit2

/// The libgit2 remote callbacks, all reading their ``TransferContext`` from the payload.
enum TransferCallbacks {
    static func make(for context: TransferContext) throws(GitError) -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        try check("git_remote_init_callbacks") { git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)) }
        callbacks.payload = context.unretained
        callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            if let code = context.stopCode() { return code }
            return TransferCallbacks.credentials(out, usernameFromURL.map { String(cString: $0) }, allowed, context)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            if let code = context.stopCode() { return code }
            return TransferCallbacks.certificate(cert, valid != 0, host.map { String(cString: $0) } ?? "", context)
        }
        callbacks.sideband_progress = { text, length, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            if let text, length > 0 {
                let message = String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)), as: UTF8.self)
                context.record(serverMessage: message)
                context.options.serverMessages?(message)
            }
            return context.stopCode() ?? 0
        }
        callbacks.transfer_progress = { stats, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            if let stats = stats?.pointee {
                context.record(received: Int(stats.received_objects), bytes: stats.received_bytes)
                context.options.progress?(TransferProgress(
                    phase: .receiving, completedObjects: Int(stats.received_objects), totalObjects: Int(stats.total_objects),
                    indexedObjects: Int(stats.indexed_objects), bytes: stats.received_bytes))
            }
            return context.stopCode() ?? 0
        }
        callbacks.update_tips = { name, old, new, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            if let name, let new {
                let oldID = old.map { ObjectID($0) }
                context.record(update: FetchResult.Update(
                    name: String(cString: name), old: oldID.flatMap { $0.bytes.allSatisfy { $0 == 0 } ? nil : $0 },
                    new: ObjectID(new)))
            }
            return 0
        }
        callbacks.pack_progress = { _, current, total, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            context.options.progress?(TransferProgress(phase: .packing, completedObjects: Int(current), totalObjects: Int(total)))
            return context.stopCode() ?? 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            context.options.progress?(TransferProgress(phase: .sending, completedObjects: Int(current),
                                                       totalObjects: Int(total), bytes: bytes))
            return context.stopCode() ?? 0
        }
        callbacks.push_update_reference = { name, status, payload in
            guard let context = TransferContext.from(payload) else { return GIT_EUSER.rawValue }
            context.record(pushStatus: name.map { String(cString: $0) } ?? "", status.map { String(cString: $0) })
            return 0
        }
        return callbacks
    }

    // MARK: credentials

    private static func credentials(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?,
        _ usernameFromURL: String?,
        _ allowed: UInt32,
        _ context: TransferContext
    ) -> Int32 {
        let supplied = context.options.credentials
        let username = supplied.username ?? usernameFromURL ?? context.remote.username
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            guard let user = username ?? (supplied.password != nil || context.remote.password != nil ? "" : nil),
                  let password = supplied.password ?? context.remote.password else {
                return context.fail(authenticationError("the server at \(context.remote.sanitized) asks for a user name and password or token",
                                                        hint: "pass them in the URL (https://USER:TOKEN@host/…) or as options")
                                        .french("le serveur \(context.remote.sanitized) demande un nom d'utilisateur et un mot de passe ou un jeton"),
                                    code: GIT_EAUTH.rawValue)
            }
            guard context.firstAttempt("userpass") else {
                return context.fail(authenticationError("the server at \(context.remote.sanitized) refused the credentials of \(user.isEmpty ? "the token" : "user \"\(user)\"")",
                                                        hint: "check the user name and the password or token")
                                        .french("le serveur \(context.remote.sanitized) a refusé \(user.isEmpty ? "le jeton" : "les identifiants de l'utilisateur « \(user) »")"),
                                    code: GIT_EAUTH.rawValue)
            }
            return git_credential_userpass_plaintext_new(out, user, password)
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            guard context.firstAttempt("username") else {
                return context.fail(authenticationError("the server refused the user name \"\(username ?? "git")\"")
                                        .french("le serveur a refusé le nom d'utilisateur « \(username ?? "git") »"), code: GIT_EAUTH.rawValue)
            }
            return git_credential_username_new(out, username ?? "git")
        }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            let user = username ?? "git"
            let agentSocket = ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"]
            if supplied.useSSHAgent, let agentSocket, !agentSocket.isEmpty, context.firstAttempt("ssh-agent") {
                return git_credential_ssh_key_from_agent(out, user)
            }
            let key = supplied.sshKey ?? defaultKeyPath()
            if FileManager.default.fileExists(atPath: key), context.firstAttempt("key:" + key) {
                let publicKey = key + ".pub"
                let publicPath: String? = FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil
                return git_credential_ssh_key_new(out, user, publicPath, key, supplied.sshKeyPassphrase)
            }
            let tried = context.attemptedMethods.compactMap { method -> String? in
                if method == "ssh-agent" { return "ssh-agent" }
                if method.hasPrefix("key:") { return String(method.dropFirst(4)) }
                return nil
            }.sorted()
            let message: String
            let french: String
            if tried.isEmpty {
                let agent = supplied.useSSHAgent ? "ssh-agent is not running" : "ssh-agent is not used"
                message = "no SSH key to offer \(context.remote.host ?? "the server"): \(agent) and \(key) does not exist"
                let agentFR = supplied.useSSHAgent ? "ssh-agent n'est pas démarré" : "ssh-agent n'est pas utilisé"
                french = "aucune clé SSH à présenter à \(context.remote.host ?? "au serveur") : \(agentFR) et \(key) n'existe pas"
            } else {
                message = "the SSH server \(context.remote.host ?? "") refused the key(s) of user \"\(user)\" (tried \(tried.joined(separator: ", ")))"
                french = "le serveur SSH \(context.remote.host ?? "") a refusé la ou les clés de l'utilisateur « \(user) » (essayées : \(tried.joined(separator: ", ")))"
            }
            return context.fail(authenticationError(message, hint: "add your public key to the server, or pass another key").french(french),
                                code: GIT_EAUTH.rawValue)
        }
        return context.fail(authenticationError("the server asks for an authentication method codesocial does not support (types \(allowed))")
                                .french("le serveur demande une méthode d'authentification que codesocial ne prend pas en charge (types \(allowed))"),
                            code: GIT_EAUTH.rawValue)
    }

    private static func defaultKeyPath() -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.ssh/id_ed25519"
    }

    private static func authenticationError(_ message: String, hint: String? = nil) -> GitError {
        GitError(.authentication, message, code: GIT_EAUTH.rawValue, function: "credentials", hint: hint)
    }

    // MARK: host keys

    private static func certificate(_ cert: UnsafeMutablePointer<git_cert>?, _ valid: Bool, _ host: String,
                                    _ context: TransferContext) -> Int32 {
        guard let cert, cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
            // TLS: libgit2 and the system's CA store decide.
            return GIT_PASSTHROUGH.rawValue
        }
        let hostKey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let port = context.remote.effectivePort ?? 22
        let name = KnownHosts.hostName(host, port: port)
        // Like OpenSSH: the user's file (or the one given), then the system-wide one when none was given.
        let file = context.options.knownHostsFile
            ?? ((ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.ssh/known_hosts")
        var files = [file]
        if context.options.knownHostsFile == nil { files.append("/etc/ssh/ssh_known_hosts") }
        guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey, hostKey.hostkey_len > 0 else {
            return context.fail(GitError(.certificate, "libgit2 did not provide the SSH host key of \(name)", function: "certificate_check")
                                    .french("libgit2 n'a pas fourni la clé d'hôte SSH de \(name)"),
                                code: GIT_ECERTIFICATE.rawValue)
        }
        let key = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
        let keyType = sshKeyType(key) ?? "ssh-unknown"
        var fingerprint = ""
        if hostKey.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
            var sha = hostKey.hash_sha256
            let bytes = withUnsafeBytes(of: &sha) { Data($0) }
            fingerprint = "SHA256:" + bytes.base64EncodedString().replacingOccurrences(of: "=", with: "")
        }
        let verdicts = files.map { KnownHosts(contentsOf: $0).verdict(host: host, port: port, keyType: keyType, key: key) }
        let verdict: KnownHosts.Verdict = verdicts.contains(.mismatch) ? .mismatch : (verdicts.contains(.known) ? .known : .unknown)
        switch verdict {
        case .known:
            return 0
        case .unknown:
            let scan = port == 22 ? "ssh-keyscan \(host) >> \(file)" : "ssh-keyscan -p \(port) \(host) >> \(file)"
            return context.fail(GitError(
                .unknownHostKey,
                "the SSH host \(name) is not in \(file) (its \(keyType) key fingerprint is \(fingerprint.isEmpty ? "unknown" : fingerprint))",
                code: GIT_ECERTIFICATE.rawValue, function: "certificate_check",
                hint: "check the fingerprint with the server's administrator, then add the key: \(scan)")
                .french("l'hôte SSH \(name) n'est pas dans \(file) (empreinte de sa clé \(keyType) : \(fingerprint.isEmpty ? "inconnue" : fingerprint))"),
                code: GIT_ECERTIFICATE.rawValue)
        case .mismatch:
            return context.fail(GitError(
                .hostKeyMismatch,
                "the SSH host key of \(name) (\(keyType) \(fingerprint)) does not match the one recorded in \(file): the connection may be intercepted, or the server's key changed",
                code: GIT_ECERTIFICATE.rawValue, function: "certificate_check",
                hint: "if the administrator confirms the change, run ssh-keygen -R '\(name)' -f \(file) and add the new key")
                .french("la clé d'hôte SSH de \(name) (\(keyType) \(fingerprint)) ne correspond pas à celle enregistrée dans \(file) : la connexion est peut-être interceptée, ou la clé du serveur a changé"),
                code: GIT_ECERTIFICATE.rawValue)
        }
    }

    /// The key type written at the start of an SSH public key blob (`ssh-ed25519`…).
    private static func sshKeyType(_ blob: [UInt8]) -> String? {
        guard blob.count >= 4 else { return nil }
        let length = Int(blob[0]) << 24 | Int(blob[1]) << 16 | Int(blob[2]) << 8 | Int(blob[3])
        guard length > 0, length < 64, blob.count >= 4 + length else { return nil }
        return String(decoding: blob[4..<(4 + length)], as: UTF8.self)
    }
}
