import Descriptor
import Foundation
import Yams

/// Where a registry is, and how it was chosen.
///
/// Resolution order (``resolve(option:environment:currentDirectory:)``): the `--registry` option,
/// then `CODESOCIAL_REGISTRY`, then `registry:` in `$XDG_CONFIG_HOME/codesocial/config.yml`, else the
/// embedded default registry at `$XDG_DATA_HOME/codesocial/registry.git`.
public struct RegistryLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How the registry is reached.
    public enum Transport: String, Sendable, Equatable, Hashable {
        /// A local path (or `file://` URL): updated in place with a compare-and-swap ref update.
        case local
        /// `git://` (git daemon).
        case git
        /// `http://` or `https://` (smart HTTP, basic auth).
        case http
        /// `ssh://` or scp-like `user@host:path`.
        case ssh
    }

    /// Where the choice came from.
    public enum Source: Sendable, Equatable, Hashable {
        /// `--registry`.
        case option
        /// `CODESOCIAL_REGISTRY`.
        case environment
        /// `registry:` in the configuration file at this path.
        case configFile(String)
        /// The embedded default registry.
        case defaultRegistry
    }

    /// The URL or path as the transport needs it (credentials included when the user wrote them).
    public let url: String
    /// The transport.
    public let transport: Transport
    /// Where the choice came from.
    public let source: Source
    /// For local registries, the absolute path of the repository.
    public let localPath: String?

    /// Whether this is the embedded default registry (created from the template on first use).
    public var isDefault: Bool { source == .defaultRegistry }

    /// Parses a `--registry` value: a path, `file://`, `git://`, `http(s)://`, `ssh://` or `user@host:path`.
    /// - Parameters:
    ///   - text: the value.
    ///   - source: where it came from.
    ///   - currentDirectory: the directory relative paths are resolved against.
    /// - Throws: ``RegistryError`` of kind `usage` for an empty value or an unsupported scheme.
    public init(_ text: String, source: Source = .option,
                currentDirectory: String = FileManager.default.currentDirectoryPath) throws(RegistryError) {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
            throw RegistryError(.usage, Localized(en: "the registry location is empty", fr: "l'emplacement du registre est vide"),
                                hint: Localized(en: "pass a path or a URL, e.g. --registry git://host/registry.git",
                                                fr: "indiquez un chemin ou une URL, par exemple --registry git://hôte/registre.git"))
        }
        self.source = source
        let lower = value.lowercased()
        if lower.hasPrefix("file://") {
            guard let path = URL(string: value)?.path, path.hasPrefix("/") else {
                throw RegistryError(.usage, Localized(en: "cannot read the path in `\(value)`", fr: "impossible de lire le chemin dans `\(value)`"),
                                    hint: Localized(en: "write file:///absolute/path/registry.git", fr: "écrivez file:///chemin/absolu/registre.git"))
            }
            url = value; transport = .local; localPath = Self.standardised(path)
        } else if lower.hasPrefix("git://") {
            url = value; transport = .git; localPath = nil
        } else if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            url = value; transport = .http; localPath = nil
        } else if lower.hasPrefix("ssh://") || lower.hasPrefix("git+ssh://") || lower.hasPrefix("ssh+git://") {
            url = value; transport = .ssh; localPath = nil
        } else if let range = value.range(of: "://") {
            let scheme = value[..<range.lowerBound]
            throw RegistryError(.usage, Localized(en: "unsupported registry URL scheme `\(scheme)` in `\(value)`",
                                                  fr: "schéma d'URL de registre `\(scheme)` non pris en charge dans `\(value)`"),
                                hint: Localized(en: "use a path, file://, git://, http(s)://, ssh:// or user@host:path",
                                                fr: "utilisez un chemin, file://, git://, http(s)://, ssh:// ou utilisateur@hôte:chemin"))
        } else if Self.isSCPLike(value) {
            url = value; transport = .ssh; localPath = nil
        } else {
            let absolute = value.hasPrefix("/") ? value : URL(fileURLWithPath: currentDirectory).appendingPathComponent(value).path
            let path = Self.standardised(absolute)
            url = path; transport = .local; localPath = path
        }
    }

    /// The embedded default registry of `directories`.
    public static func defaultRegistry(_ directories: XDGDirectories) -> RegistryLocation {
        let path = standardised(directories.defaultRegistry.path)
        return RegistryLocation(url: path, transport: .local, source: .defaultRegistry, localPath: path)
    }

    private init(url: String, transport: Transport, source: Source, localPath: String?) {
        self.url = url; self.transport = transport; self.source = source; self.localPath = localPath
    }

    /// Resolves the registry to use.
    /// - Parameters:
    ///   - option: the `--registry` value, if given.
    ///   - environment: the process environment (`CODESOCIAL_REGISTRY`, `XDG_*`, `HOME`).
    ///   - currentDirectory: the directory relative paths are resolved against.
    /// - Throws: ``RegistryError`` of kind `usage` when a value or the configuration file is unusable.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) throws(RegistryError) -> RegistryLocation {
        if let option { return try RegistryLocation(option, source: .option, currentDirectory: currentDirectory) }
        if let value = environment["CODESOCIAL_REGISTRY"], !value.isEmpty {
            return try RegistryLocation(value, source: .environment, currentDirectory: currentDirectory)
        }
        let directories = XDGDirectories(environment: environment)
        let configFile = directories.configFile
        if let value = try registrySetting(in: configFile) {
            // Relative paths in the configuration file are relative to the file's directory.
            return try RegistryLocation(value, source: .configFile(configFile.path),
                                        currentDirectory: configFile.deletingLastPathComponent().path)
        }
        return defaultRegistry(directories)
    }

    /// Reads `registry:` from a codesocial configuration file, `nil` when the file or the key is absent.
    static func registrySetting(in file: URL) throws(RegistryError) -> String? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let hint = Localized(en: "the file holds settings such as `registry: https://example.org/registry.git`",
                             fr: "le fichier contient des réglages comme `registry: https://example.org/registre.git`")
        // `path[:line:column]: ` opens the message in both languages, as compilers print it.
        func fail(_ location: String, _ text: Localized) -> RegistryError {
            RegistryError(.usage, text.map { "\(location): \($0)" }, hint: hint)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail(file.path, Localized(en: "the configuration file is not UTF-8", fr: "le fichier de configuration n'est pas en UTF-8"))
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            let reason = String(describing: error).split(separator: "\n").first ?? ""
            throw fail(file.path, Localized(en: "not valid YAML: \(reason)", fr: "YAML invalide : \(reason)"))
        }
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            throw fail("\(file.path):\(node.mark?.line ?? 1):1",
                       Localized(en: "expected a mapping of settings", fr: "une table de réglages est attendue"))
        }
        guard let value = mapping["registry"] else { return nil }
        guard let string = value.scalar?.string else {
            throw fail("\(file.path):\(value.mark?.line ?? 1):\(value.mark?.column ?? 1)",
                       Localized(en: "`registry` must be a path or a URL", fr: "`registry` doit être un chemin ou une URL"))
        }
        return string.isEmpty ? nil : string
    }

    /// The location without user name or password, for messages and JSON output.
    public var displayURL: String {
        guard transport == .http || transport == .git || (transport == .ssh && url.contains("://")),
              var components = URLComponents(string: url) else { return url }
        if components.password != nil { components.password = nil; components.user = components.user.map { $0 + ":***" } }
        return components.string ?? url
    }

    /// The location without credentials, used to derive the cache name.
    var normalised: String {
        if let localPath { return "file://" + localPath }
        var text = url
        if transport != .ssh || url.contains("://"), var components = URLComponents(string: url) {
            components.password = nil
            if transport == .http { components.user = nil }
            text = components.string ?? url
        }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// A stable directory name for this registry's cache: readable host and path plus a hash of the
    /// whole normalised location (`127.0.0.1-9418-registry-1f2e3d4c5b6a7980`).
    public var cacheName: String {
        var readable = normalised
        if let range = readable.range(of: "://") { readable = String(readable[range.upperBound...]) }
        if let at = readable.firstIndex(of: "@"), transport != .local { readable = String(readable[readable.index(after: at)...]) }
        let cleaned = readable.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") ? $0 : "-" }
        var name = String(cleaned).split(separator: "-").joined(separator: "-")
        if name.hasSuffix(".git") { name.removeLast(4) }
        if name.count > 60 { name = String(name.suffix(60)) }
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        return (name.isEmpty ? "registry" : name) + "-" + Self.fnv1a(normalised)
    }

    /// Where the location is, for people.
    public var description: String { displayURL }

    private static func isSCPLike(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":") else { return false }
        if let slash = value.firstIndex(of: "/"), slash < colon { return false }
        return colon != value.startIndex
    }

    private static func standardised(_ path: String) -> String {
        var result = URL(fileURLWithPath: path).standardizedFileURL.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 hexadecimal digits: stable across runs and platforms.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
