import ArgumentParser
import Catalog
import Foundation
import JSONSchema
import Registry

extension Codesocial {
    /// `codesocial list [--kind K] [--tag T] [--format text|json]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the entries of a registry, optionally of one kind or with one tag."
        )

        @Option(help: "Only entries of this kind: project, organisation, idea or collaboration.")
        var kind: String?

        @Option(help: "Only entries with this tag (case and accents ignored).")
        var tag: String?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var source: RegistryReadingOptions
        @OptionGroup var languageOptions: LanguageOptions

        func run() async throws {
            let language = languageOptions.language
            let reader: RegistryReader
            let entries: [CatalogEntry]
            do throws(RegistryError) {
                reader = try source.open()
                let index = try Reading.index(reader)
                entries = try Reading.catalog { () throws(CatalogError) in
                    try index.entries(matching: SearchQuery(text: "", kind: kind, tag: tag))
                }
            } catch {
                throw report(error, format: format, language: language)
            }
            switch format {
            case .json:
                Reading.printJSON(.object(JSONObject([
                    ("registry", .string(reader.location.displayURL)),
                    ("commit", .string(reader.snapshot.commit.hex)),
                    ("entries", .array(entries.map { .object(JSONObject(Reading.entryValue($0, language: language))) })),
                ])))
            case .text:
                let idWidth = min(40, entries.map(\.id.count).max() ?? 0)
                let kindWidth = entries.map(\.kind.count).max() ?? 0
                var text = ""
                for entry in entries {
                    let name = entry.name.resolved(preferring: language.rawValue)
                    let summary = Reading.oneLine(entry.summary.resolved(preferring: language.rawValue))
                    text += entry.id.padding(toLength: max(idWidth, entry.id.count), withPad: " ", startingAt: 0) + "  "
                        + entry.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  "
                        + name + (summary.isEmpty ? "" : " — " + summary) + "\n"
                }
                text += language.pick(
                    fr: "\(entries.count) entrée(s) dans \(reader.location.displayURL) (\(reader.snapshot.commit.abbreviated()))",
                    en: "\(entries.count) entr\(entries.count == 1 ? "y" : "ies") in \(reader.location.displayURL) (\(reader.snapshot.commit.abbreviated()))") + "\n"
                Terminal.write(text)
            }
        }
    }
}
