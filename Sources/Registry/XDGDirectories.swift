import Foundation

/// The XDG base directories codesocial uses, resolved from an environment.
///
/// `XDG_CONFIG_HOME`, `XDG_DATA_HOME` and `XDG_CACHE_HOME` are honoured when set to an
/// absolute path (the specification says relative values are ignored); otherwise the
/// defaults under `$HOME` apply (`~/.config`, `~/.local/share`, `~/.cache`).
public struct XDGDirectories: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/codesocial`.
    public var config: URL
    /// `$XDG_DATA_HOME/codesocial`.
    public var data: URL
    /// `$XDG_CACHE_HOME/codesocial`.
    public var cache: URL

    /// Resolves the directories from an environment.
    /// - Parameter environment: usually `ProcessInfo.processInfo.environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(fallback, isDirectory: true)
        }
        config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("codesocial", isDirectory: true)
        data = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("codesocial", isDirectory: true)
        cache = base("XDG_CACHE_HOME", ".cache").appendingPathComponent("codesocial", isDirectory: true)
    }

    /// `config.yml` in the configuration directory.
    public var configFile: URL { config.appendingPathComponent("config.yml") }
    /// The embedded default registry: `$XDG_DATA_HOME/codesocial/registry.git`.
    public var defaultRegistry: URL { data.appendingPathComponent("registry.git", isDirectory: true) }
    /// Where the bare caches of registries live: `$XDG_CACHE_HOME/codesocial/registries`.
    public var registryCaches: URL { cache.appendingPathComponent("registries", isDirectory: true) }
}
