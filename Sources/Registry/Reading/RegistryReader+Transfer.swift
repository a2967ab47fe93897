import Foundation
import Git

extension RegistryReader {
    /// Transfer options for fetching a registry, from the environment as `publish` reads it:
    /// `CODESOCIAL_USERNAME` / `CODESOCIAL_TOKEN` for HTTP(S), the SSH agent when
    /// `SSH_AUTH_SOCK` is set, else `~/.ssh/id_ed25519`, host keys from `~/.ssh/known_hosts`.
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - timeout: the deadline of the fetch, in seconds.
    public static func transferOptions(environment: [String: String], timeout: Double) -> TransferOptions {
        var credentials = Credentials()
        if let user = environment["CODESOCIAL_USERNAME"], !user.isEmpty { credentials.username = user }
        if let token = environment["CODESOCIAL_TOKEN"], !token.isEmpty { credentials.password = token }
        credentials.useSSHAgent = environment["SSH_AUTH_SOCK"].map { !$0.isEmpty } ?? false
        var knownHosts: String?
        if let home = environment["HOME"], !home.isEmpty {
            let key = home + "/.ssh/id_ed25519"
            if FileManager.default.fileExists(atPath: key) { credentials.sshKey = key }
            knownHosts = home + "/.ssh/known_hosts"
        }
        return TransferOptions(credentials: credentials, knownHostsFile: knownHosts, timeout: timeout)
    }
}
