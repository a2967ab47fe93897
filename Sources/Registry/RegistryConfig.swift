import Descriptor
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
        // `path:line:column: ` opens the message in both languages, as compilers print it.
        func fail(_ mark: Mark?, _ text: Localized) -> RegistryError {
            let location = mark.map { "\(path):\($0.line):\($0.column)" } ?? path
            return RegistryError(.notARegistry, text.map { "\(location): \($0)" },
                                 hint: Localized(en: "fix \(path) at the root of the registry's main branch (see docs/registry-format.md)",
                                                 fr: "corrigez \(path) à la racine de la branche main du registre (voir docs/registry-format.md)"))
        }
        guard bytes.count <= 64 * 1024 else {
            throw fail(nil, Localized(en: "the file is larger than 64 KiB", fr: "le fichier dépasse 64 Kio"))
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw fail(nil, Localized(en: "the file is not UTF-8", fr: "le fichier n'est pas en UTF-8"))
        }
        let root: Node?
        // The basic resolver: every value is read as a string below, so YAML 1.1 type tags are never
        // needed, and Yams's default resolver would compile its ICU regexes (~2 ms) on every publish.
        do { root = try Yams.compose(yaml: text, .basic) } catch {
            let reason = String(describing: error).split(separator: "\n").first ?? ""
            throw fail(nil, Localized(en: "not valid YAML: \(reason)", fr: "YAML invalide : \(reason)"))
        }
        guard let root, let mapping = root.mapping else { throw fail(root?.mark, Localized(en: "expected a mapping of settings", fr: "une table de réglages est attendue")) }

        var version: Int?
        var name: String?
        var description: [String: String] = [:]
        var layout: RegistryLayout?
        var formats: [Int]?
        var contact: String?
        var allowRemoval = false
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail(keyNode.mark, Localized(en: "keys must be plain strings", fr: "les clés doivent être des textes simples")) }
            guard seen.insert(key).inserted else { throw fail(keyNode.mark, Localized(en: "duplicate key `\(key)`", fr: "clé `\(key)` en double")) }
            switch key {
            case "codesocial_registry":
                guard let number = value.scalar.flatMap({ Int($0.string) }) else {
                    throw fail(value.mark, Localized(en: "`codesocial_registry` must be an integer (the configuration format version)",
                                                     fr: "`codesocial_registry` doit être un entier (la version du format de configuration)"))
                }
                version = number
            case "name":
                guard let string = value.scalar?.string, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail(value.mark, Localized(en: "`name` must be a non-empty string", fr: "`name` doit être un texte non vide"))
                }
                name = string
            case "description":
                if let string = value.scalar?.string {
                    description = ["": string]
                } else if let texts = value.mapping {
                    for (language, text) in texts {
                        guard let tag = language.scalar?.string, let string = text.scalar?.string else {
                            throw fail(text.mark, Self.descriptionShape)
                        }
                        description[tag] = string
                    }
                } else {
                    throw fail(value.mark, Self.descriptionShape)
                }
            case "layout":
                guard let string = value.scalar?.string else { throw fail(value.mark, Localized(en: "`layout` must be a string", fr: "`layout` doit être un texte")) }
                guard let known = RegistryLayout(name: string) else {
                    throw fail(value.mark, Localized(en: "unknown layout `\(string)`; this version of codesocial knows `\(RegistryLayout.shardedName)`",
                                                     fr: "organisation `\(string)` inconnue ; cette version de codesocial connaît `\(RegistryLayout.shardedName)`"))
                }
                layout = known
            case "formats":
                guard let items = value.sequence, !items.isEmpty else {
                    throw fail(value.mark, Localized(en: "`formats` must be a non-empty list of format versions, e.g. [1]",
                                                     fr: "`formats` doit être une liste non vide de versions de format, par exemple [1]"))
                }
                var list: [Int] = []
                for item in items {
                    guard let number = item.scalar.flatMap({ Int($0.string) }), number >= 1 else {
                        throw fail(item.mark, Localized(en: "format versions are positive integers, e.g. 1",
                                                        fr: "les versions de format sont des entiers positifs, par exemple 1"))
                    }
                    list.append(number)
                }
                formats = list
            case "contact":
                guard let string = value.scalar?.string else { throw fail(value.mark, Localized(en: "`contact` must be a string", fr: "`contact` doit être un texte")) }
                contact = string
            case "allow_removal":
                guard let string = value.scalar?.string, string == "true" || string == "false" else {
                    throw fail(value.mark, Localized(en: "`allow_removal` must be true or false", fr: "`allow_removal` doit valoir true ou false"))
                }
                allowRemoval = string == "true"
            default:
                if key.hasPrefix("x-") { continue }
                throw fail(keyNode.mark, Localized(
                    en: "unknown key `\(key)` (known: codesocial_registry, name, description, layout, formats, contact, allow_removal; extensions start with `x-`)",
                    fr: "clé `\(key)` inconnue (clés connues : codesocial_registry, name, description, layout, formats, contact, allow_removal ; les extensions commencent par `x-`)"))
            }
        }
        guard let version else { throw fail(root.mark, Localized(en: "missing `codesocial_registry: 1`", fr: "`codesocial_registry: 1` manque")) }
        guard version == currentVersion else {
            throw fail(root.mark, Localized(
                en: "configuration format version \(version) is not supported by this version of codesocial (it reads version \(currentVersion))",
                fr: "la version \(version) du format de configuration n'est pas prise en charge par cette version de codesocial (elle lit la version \(currentVersion))"))
        }
        guard let name else { throw fail(root.mark, Localized(en: "missing `name`", fr: "`name` manque")) }
        guard let layout else {
            throw fail(root.mark, Localized(en: "missing `layout: \(RegistryLayout.shardedName)`", fr: "`layout: \(RegistryLayout.shardedName)` manque"))
        }
        guard let formats else {
            throw fail(root.mark, Localized(en: "missing `formats`, e.g. `formats: [1]`", fr: "`formats` manque, par exemple `formats: [1]`"))
        }
        var config = RegistryConfig(name: name, description: description, layout: layout, formats: formats,
                                    contact: contact, allowRemoval: allowRemoval)
        config.version = version
        return config
    }

    /// The message for a `description` that is neither a string nor a map of strings.
    private static let descriptionShape = Localized(
        en: "`description` must be a string or a map from language tag to string",
        fr: "`description` doit être un texte ou une table associant une étiquette de langue à un texte")
}
