import ArgumentParser
import Catalog
import Descriptor
import Foundation
import Git
import JSONSchema
import Registry

/// `--registry`, `--offline`, `--timeout`: where the reading commands (`list`, `show`, `search`,
/// `log`, `diff`, `match`) read from.
struct RegistryReadingOptions: ParsableArguments {
    @Option(help: "The registry: a path or a URL (default: CODESOCIAL_REGISTRY, then `registry:` in config.yml, then the default registry).")
    var registry: String?

    @Flag(help: "Read the cached copy of a remote registry without fetching.")
    var offline = false

    @Option(help: "Network timeout in seconds.")
    var timeout: Double = 60

    /// Opens the registry (fetching it unless offline).
    func open() throws(RegistryError) -> RegistryReader {
        let environment = ProcessInfo.processInfo.environment
        let location = try RegistryLocation.resolve(option: registry, environment: environment)
        return try RegistryReader(
            location: location, directories: XDGDirectories(environment: environment), offline: offline,
            timeout: timeout, environment: environment)
    }
}

/// `--format text|json` of the reading commands.
extension Language {
    /// The catalog's language for this one.
    var display: DisplayLanguage { self == .fr ? .french : .english }
}

/// Helpers shared by the reading commands.
enum Reading {
    /// Fails with exit 66 when the registry has no entry `id`.
    static func missingEntry(_ id: String, in reader: RegistryReader) -> RegistryError {
        RegistryError(.unreadableInput, Localized(en: "there is no entry `\(id)` in \(reader.location.displayURL)",
                                                  fr: "il n'y a pas d'entrée `\(id)` dans \(reader.location.displayURL)"),
                      hint: Localized(en: "`codesocial list` and `codesocial search` show the entries",
                                      fr: "`codesocial list` et `codesocial search` affichent les entrées"))
    }

    /// Prints a JSON value, pretty, with a final newline.
    static func printJSON(_ value: JSONValue) {
        Terminal.write(value.serialized(pretty: true) + "\n")
    }

    /// An entry as JSON for `list`, `search` and `match`.
    static func entryValue(_ entry: CatalogEntry, language: Language) -> [(String, JSONValue)] {
        [
            ("id", .string(entry.id)),
            ("kind", .string(entry.kind)),
            ("name", .string(entry.name.resolved(preferring: language.rawValue))),
            ("summary", .string(entry.summary.resolved(preferring: language.rawValue))),
            ("tags", .array(entry.tags.map(JSONValue.string))),
        ]
    }

    /// The first line of a text, cut to `limit` characters.
    static func oneLine(_ text: String, limit: Int = 100) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    /// Opens the search index at the registry's tip, mapping errors.
    static func index(_ reader: RegistryReader) throws(RegistryError) -> SearchIndex {
        try reader.searchIndex().index
    }

    /// Maps catalog errors.
    static func catalog<T>(_ body: () throws(CatalogError) -> T) throws(RegistryError) -> T {
        do {
            return try body()
        } catch {
            throw RegistryError(.cannotWrite, Localized(catalog: error),
                                hint: Localized(en: "the search index is a cache: delete it and try again",
                                                fr: "l'index de recherche est un cache : supprimez-le et réessayez"))
        }
    }
}
