import Foundation

/// An OpenSSH `known_hosts` file: plain, `[host]:port`, wildcard, negated and hashed (`|1|…`) host
/// patterns, `@revoked` markers (`@cert-authority` lines are ignored).
public struct KnownHosts: Sendable {
    /// The result of looking a host key up.
    public enum Verdict: Sendable, Equatable {
        /// A line lists this host with exactly this key.
        case known
        /// The host is not listed with a key of this type.
        case unknown
        /// The host is listed with a different key of the same type, or this key is revoked.
        case mismatch
    }

    struct Entry: Sendable {
        var patterns: [String]
        var hashed: (salt: [UInt8], hash: [UInt8])?
        var keyType: String
        var key: [UInt8]
        var revoked: Bool
    }

    private var entries: [Entry] = []

    /// Parses the text of a known_hosts file; malformed lines are skipped, as OpenSSH does.
    public init(text: String) {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var revoked = false
            if let marker = fields.first, marker.hasPrefix("@") {
                if marker == "@revoked" { revoked = true } else { continue }
                fields.removeFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { continue }
            var entry = Entry(patterns: [], hashed: nil, keyType: fields[1], key: Array(key), revoked: revoked)
            if fields[0].hasPrefix("|1|") {
                let parts = fields[0].split(separator: "|")
                guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
                      let hash = Data(base64Encoded: String(parts[2])) else { continue }
                entry.hashed = (Array(salt), Array(hash))
            } else {
                entry.patterns = fields[0].split(separator: ",").map { String($0).lowercased() }
            }
            entries.append(entry)
        }
    }

    /// Reads a known_hosts file; a missing file is an empty list.
    public init(contentsOf path: String) {
        self.init(text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    /// Looks up `key` (the raw SSH public key blob) for `host`:`port`.
    public func verdict(host: String, port: Int, keyType: String, key: [UInt8]) -> Verdict {
        let name = Self.hostName(host, port: port)
        var sameTypeMismatch = false
        for entry in entries where matches(entry, name) {
            if entry.revoked {
                if entry.key == key { return .mismatch }
                continue
            }
            if entry.key == key { return .known }
            if entry.keyType == keyType { sameTypeMismatch = true }
        }
        return sameTypeMismatch ? .mismatch : .unknown
    }

    /// How OpenSSH names a host in known_hosts: `host` on port 22, `[host]:port` otherwise.
    public static func hostName(_ host: String, port: Int) -> String {
        port == 22 ? host.lowercased() : "[\(host.lowercased())]:\(port)"
    }

    private func matches(_ entry: Entry, _ name: String) -> Bool {
        if let (salt, hash) = entry.hashed {
            return SHA1.hmac(key: salt, message: Array(name.utf8)) == hash
        }
        var matched = false
        for pattern in entry.patterns {
            if pattern.hasPrefix("!") {
                if Self.glob(String(pattern.dropFirst()), name) { return false }
            } else if Self.glob(pattern, name) {
                matched = true
            }
        }
        return matched
    }

    /// `*` and `?` wildcards, as OpenSSH host patterns.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == UInt8(ascii: "?") || p[pi] == t[ti]) {
                pi += 1; ti += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
