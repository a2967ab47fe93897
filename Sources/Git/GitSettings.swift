import Foundation
internal import CLibGit2

/// Process-wide libgit2 settings (through the C shim: `git_libgit2_opts` is variadic).
///
/// They affect every repository of the process: set them once at start-up, before any transfer.
public enum GitSettings {
    /// The configuration levels whose file location can be changed.
    public enum ConfigurationLevel: Sendable {
        /// `/etc/gitconfig`.
        case system
        /// `$XDG_CONFIG_HOME/git/config`.
        case xdg
        /// `~/.gitconfig`.
        case global

        var rawValue: Int32 {
            switch self {
            case .system: return Int32(GIT_CONFIG_LEVEL_SYSTEM.rawValue)
            case .xdg: return Int32(GIT_CONFIG_LEVEL_XDG.rawValue)
            case .global: return Int32(GIT_CONFIG_LEVEL_GLOBAL.rawValue)
            }
        }
    }

    /// Where libgit2 looks for the configuration file of `level`; an empty string hides that level,
    /// nil restores the default.
    public static func setConfigurationSearchPath(_ path: String?, for level: ConfigurationLevel) throws(GitError) {
        try check("git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH)") { codesocial_git_set_search_path(level.rawValue, path) }
    }

    /// Flushes written objects, packs and references to disk (`fsync`) before renaming them into place:
    /// slower, but a power loss cannot leave a reference pointing at an object that was never written.
    public static func setFsync(_ enabled: Bool) throws(GitError) {
        try check("git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR)") { codesocial_git_enable_fsync(enabled ? 1 : 0) }
    }

    /// Checks the hash of every object read (detects on-disk corruption; slower reads).
    public static func setStrictHashVerification(_ enabled: Bool) throws(GitError) {
        try check("git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION)") {
            codesocial_git_enable_strict_hash_verification(enabled ? 1 : 0)
        }
    }

    /// The User-Agent sent to HTTP(S) servers (`git/2.0 (codesocial 0.1)`…).
    public static func setUserAgent(_ agent: String) throws(GitError) {
        try check("git_libgit2_opts(GIT_OPT_SET_USER_AGENT)") { codesocial_git_set_user_agent(agent) }
    }

    /// Trusts the certificate authorities in `file` (PEM, one or more certificates) and/or `directory`
    /// (hashed PEM files, as `c_rehash` makes them) for HTTPS, instead of the system's store.
    ///
    /// Applied once per process for a given pair (later calls with the same values do nothing): HTTPS
    /// servers of a private certificate authority (a self-hosted Forgejo) need it.
    /// - Throws: ``GitError/Kind/invalid`` when libgit2 cannot load them (the message names the file).
    public static func setCertificateAuthorities(file: String?, directory: String?) throws(GitError) {
        ensureLibGit2()
        let key = "\(file ?? "")\u{0}\(directory ?? "")"
        certificateLock.lock()
        defer { certificateLock.unlock() }
        if appliedCertificateLocations == key { return }
        do {
            try check("git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)") { codesocial_git_set_ssl_cert_locations(file, directory) }
        } catch {
            let named = [file, directory].compactMap { $0 }.joined(separator: " and ")
            throw GitError(.invalid, "cannot load the certificate authorities from \(named): \(error.message)",
                           function: error.function, hint: "point GIT_SSL_CAINFO or SSL_CERT_FILE at a PEM file of certificates")
                .french("impossible de charger les autorités de certification depuis \([file, directory].compactMap { $0 }.joined(separator: " et ")) : \(error.message)")
        }
        appliedCertificateLocations = key
    }

    private static let certificateLock = NSLock()
    nonisolated(unsafe) private static var appliedCertificateLocations: String?
}
