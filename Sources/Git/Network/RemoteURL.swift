import Foundation

/// A remote location as git understands it, parsed just enough to choose credentials and check host keys.
public struct RemoteURL: Sendable, Equatable {
    /// The transport.
    public enum Scheme: String, Sendable {
        /// A path on this machine (plain path or `file://`).
        case local
        /// `git://`.
        case git
        /// `http://`.
        case http
        /// `https://`.
        case https
        /// `ssh://` or `user@host:path`.
        case ssh
    }

    /// The transport.
    public var scheme: Scheme
    /// The host (nil for local).
    public var host: String?
    /// The port, when given.
    public var port: Int?
    /// The user name in the URL, percent-decoded.
    public var username: String?
    /// The password in the URL (HTTP), percent-decoded.
    public var password: String?
    /// The URL to hand to libgit2: credentials removed from HTTP(S) URLs.
    public var sanitized: String

    /// The port actually used: the given one or the scheme's default.
    public var effectivePort: Int? {
        if let port { return port }
        switch scheme {
        case .ssh: return 22
        case .git: return 9418
        case .http: return 80
        case .https: return 443
        case .local: return nil
        }
    }

    /// True for paths and `file://` URLs.
    public var isLocal: Bool { scheme == .local }

    /// Parses `text`.
    /// - Throws: ``GitError/Kind/invalid`` for an unsupported scheme or a URL without a host.
    public init(_ text: String) throws(GitError) {
        if text.hasPrefix("file://") || text.hasPrefix("/") || text.hasPrefix(".") || !Self.looksRemote(text) {
            scheme = .local
            sanitized = text
            return
        }
        if let schemeEnd = text.range(of: "://") {
            let name = text[..<schemeEnd.lowerBound].lowercased()
            let known: [String: Scheme] = ["git": .git, "http": .http, "https": .https, "ssh": .ssh,
                                           "git+ssh": .ssh, "ssh+git": .ssh]
            guard let parsed = known[name] else {
                throw GitError(.invalid, "unsupported URL scheme \"\(name)\" in \(text)",
                               function: "RemoteURL", hint: "use a path, file://, git://, http(s):// or ssh://")
                    .french("schéma d'URL « \(name) » non pris en charge dans \(text)")
            }
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
                throw GitError(.invalid, "\(text) is not a valid URL (no host)", function: "RemoteURL")
                    .french("\(text) n'est pas une URL valide (pas d'hôte)")
            }
            scheme = parsed
            self.host = host
            port = components.port
            username = components.user.map { $0.removingPercentEncoding ?? $0 }
            password = components.password.map { $0.removingPercentEncoding ?? $0 }
            if parsed == .http || parsed == .https, components.password != nil {
                var stripped = components
                stripped.password = nil
                stripped.user = nil
                sanitized = stripped.string ?? text
            } else {
                sanitized = text
            }
            return
        }
        // scp-like: [user@]host:path
        scheme = .ssh
        sanitized = text
        let beforeColon = text[..<(text.firstIndex(of: ":") ?? text.endIndex)]
        if let at = beforeColon.lastIndex(of: "@") {
            username = String(beforeColon[..<at])
            host = String(beforeColon[beforeColon.index(after: at)...])
        } else {
            host = String(beforeColon)
        }
    }

    /// `host:path` without a slash before the colon is SSH; anything else without a scheme is a path.
    private static func looksRemote(_ text: String) -> Bool {
        if text.contains("://") { return true }
        guard let colon = text.firstIndex(of: ":") else { return false }
        return !text[..<colon].contains("/") && colon != text.startIndex
    }
}
