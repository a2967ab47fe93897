import Foundation
import Yams

/// The registry's own configuration, `.codesocial-registry.yml` at the root of `main`.
///
/// ```yaml
/// codesocial_registry: 1        # version of this configuration format
/// name: "Registre #CodeSocial"
/// description: "…"              # a text: a string or {fr: …, en: …}
/// layout: sharded-2             # projects/<first two characters>/<id>/codesocial.yml
/// formats: [1]                  # accepted `codesocial:` format versions
/// contact: "mailto:…" or URL
/// allow_removal: false          # may entries be deleted or renamed (checked by `registry check --since`)
/// ```
/// Unknown keys are errors, except extension keys starting with `x-`.
public struct RegistryConfig: Sendable, Equatable {
    /// The configuration format version this tool reads.
    public static let currentVersion = 1

    /// The configuration format version (`codesocial_registry`).
    public var version: Int
    /// The registry's name.
    public var name: String
    /// What the registry is for, per language tag (`""` when written as a plain string).
    public var description: [String: String]
    /// Where entries live.
    public var layout: RegistryLayout
    /// The `codesocial:` format versions the registry accepts.
    public var formats: [Int]
    /// How to reach the registry's maintainers, if given.
    public var contact: String?
    /// Whether entries may be deleted or renamed.
    public var allowRemoval: Bool

    /// Creates a configuration.
    public init(
        name: String,
        description: [String: String] = [:],
        layout: RegistryLayout = .sharded,
        formats: [Int] = [1],
        contact: String? = nil,
        allowRemoval: Bool = false
    ) {
        self.version = Self.currentVersion
        self.name = name
        self.description = description
        self.layout = layout
        self.formats = formats
        self.contact = contact
        self.allowRemoval = allowRemoval
    }

    /// Whether the registry accepts descriptions of format version `version`.
    public func accepts(formatVersion version: Int) -> Bool { formats.contains(version) }

    /// Parses `.codesocial-registry.yml`.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: the name used in messages.
    /// - Throws: ``RegistryError`` of kind `notARegistry`, naming `path:line:column`, what is wrong and how to fix it.
    public static func parse(_ bytes: Data, path: String = RegistryLayout.configPath) throws(RegistryError) -> RegistryConfig {
        func fail(_ mark: Mark?, _ text: String) -> RegistryError {
            let location = mark.map { "\(path):\($0.line):\($0.column)" } ?? path
            return RegistryError(.notARegistry, "\(location): \(text)",
                                 hint: "fix \(path) at the root of the registry's main branch (see docs/registry-format.md)")
        }
        guard bytes.count <= 64 * 1024 else { throw fail(nil, "the file is larger than 64 KiB") }
        guard let text = String(data: bytes, encoding: .utf8) else { throw fail(nil, "the file is not UTF-8") }
        let root: Node?
        // The basic resolver: every value is read as a string below, so YAML 1.1 type tags are never
        // needed, and Yams's default resolver would compile its ICU regexes (~2 ms) on every publish.
        do { root = try Yams.compose(yaml: text, .basic) } catch {
            throw fail(nil, "not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let root, let mapping = root.mapping else { throw fail(root?.mark, "expected a mapping of settings") }

        var version: Int?
        var name: String?
        var description: [String: String] = [:]
        var layout: RegistryLayout?
        var formats: [Int]?
        var contact: String?
        var allowRemoval = false
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail(keyNode.mark, "keys must be plain strings") }
            guard seen.insert(key).inserted else { throw fail(keyNode.mark, "duplicate key `\(key)`") }
            switch key {
            case "codesocial_registry":
                guard let number = value.scalar.flatMap({ Int($0.string) }) else {
                    throw fail(value.mark, "`codesocial_registry` must be an integer (the configuration format version)")
                }
                version = number
            case "name":
                guard let string = value.scalar?.string, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail(value.mark, "`name` must be a non-empty string")
                }
                name = string
            case "description":
                if let string = value.scalar?.string {
                    description = ["": string]
                } else if let texts = value.mapping {
                    for (language, text) in texts {
                        guard let tag = language.scalar?.string, let string = text.scalar?.string else {
                            throw fail(text.mark, "`description` must be a string or a map from language tag to string")
                        }
                        description[tag] = string
                    }
                } else {
                    throw fail(value.mark, "`description` must be a string or a map from language tag to string")
                }
            case "layout":
                guard let string = value.scalar?.string else { throw fail(value.mark, "`layout` must be a string") }
                guard let known = RegistryLayout(name: string) else {
                    throw fail(value.mark, "unknown layout `\(string)`; this version of codesocial knows `\(RegistryLayout.shardedName)`")
                }
                layout = known
            case "formats":
                guard let items = value.sequence, !items.isEmpty else {
                    throw fail(value.mark, "`formats` must be a non-empty list of format versions, e.g. [1]")
                }
                var list: [Int] = []
                for item in items {
                    guard let number = item.scalar.flatMap({ Int($0.string) }), number >= 1 else {
                        throw fail(item.mark, "format versions are positive integers, e.g. 1")
                    }
                    list.append(number)
                }
                formats = list
            case "contact":
                guard let string = value.scalar?.string else { throw fail(value.mark, "`contact` must be a string") }
                contact = string
            case "allow_removal":
                guard let string = value.scalar?.string, string == "true" || string == "false" else {
                    throw fail(value.mark, "`allow_removal` must be true or false")
                }
                allowRemoval = string == "true"
            default:
                if key.hasPrefix("x-") { continue }
                throw fail(keyNode.mark, "unknown key `\(key)` (known: codesocial_registry, name, description, layout, formats, contact, allow_removal; extensions start with `x-`)")
            }
        }
        guard let version else { throw fail(root.mark, "missing `codesocial_registry: 1`") }
        guard version == currentVersion else {
            throw fail(root.mark, "configuration format version \(version) is not supported by this version of codesocial (it reads version \(currentVersion))")
        }
        guard let name else { throw fail(root.mark, "missing `name`") }
        guard let layout else { throw fail(root.mark, "missing `layout: \(RegistryLayout.shardedName)`") }
        guard let formats else { throw fail(root.mark, "missing `formats`, e.g. `formats: [1]`") }
        var config = RegistryConfig(name: name, description: description, layout: layout, formats: formats,
                                    contact: contact, allowRemoval: allowRemoval)
        config.version = version
        return config
    }
}
