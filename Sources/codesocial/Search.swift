import ArgumentParser
import Catalog
import Foundation
import JSONSchema
import Registry

extension Codesocial {
    /// `codesocial search QUERY [--kind K] [--tag T] [--offers KIND] [--needs KIND] [--format text|json]`.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search a registry: names, summaries, tags, purpose, models, offers and needs, in French and English.",
            discussion: "Case, accents and ligatures are ignored (\"mobilite\" finds \"mobilité\", \"oeuvre\" finds \"œuvre\"); the last word matches as a prefix; results are ranked (name, then tags, then summary, then the rest) with the passage that matched."
        )

        @Argument(help: "What to look for (any words; no query syntax).")
        var query: [String]

        @Option(help: "Only entries of this kind: project, organisation, idea or collaboration.")
        var kind: String?

        @Option(help: "Only entries with this tag.")
        var tag: String?

        @Option(help: ArgumentHelp("Only entries offering something of this kind (skill, resource, service, funding, knowledge, place, tool, time, other).", valueName: "kind"))
        var offers: String?

        @Option(help: ArgumentHelp("Only entries needing something of this kind.", valueName: "kind"))
        var needs: String?

        @Option(help: "At most this many results.")
        var limit: Int = 20

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var source: RegistryReadingOptions
        @OptionGroup var languageOptions: LanguageOptions

        func validate() throws {
            try validateLimit(limit, language: languageOptions.language)
        }

        func run() async throws {
            let language = languageOptions.language
            let text = query.joined(separator: " ")
            let search = SearchQuery(text: text, kind: kind, tag: tag, offers: offers, needs: needs, limit: limit)
            let hits: [SearchHit]
            do throws(RegistryError) {
                let reader = try source.open()
                let index = try Reading.index(reader)
                hits = try Reading.catalog { () throws(CatalogError) in try index.search(search) }
            } catch {
                throw report(error, format: format, language: language)
            }
            switch format {
            case .json:
                Reading.printJSON(.object(JSONObject([
                    ("query", .string(text)),
                    ("hits", .array(hits.map { hit in
                        .object(JSONObject(Reading.entryValue(hit.entry, language: language) + [
                            ("relevance", .number(JSONNumber(String(format: "%.6g", hit.relevance)) ?? JSONNumber(0))),
                            ("snippet", .string(hit.snippet.plainText)),
                            ("matches", .array(hit.snippet.segments.filter(\.isMatch).map { .string($0.text) })),
                        ]))
                    })),
                ])))
            case .text:
                let colour = Terminal.wantsColour(environment: ProcessInfo.processInfo.environment)
                var out = ""
                for (rank, hit) in hits.enumerated() {
                    let name = hit.entry.name.resolved(preferring: language.rawValue)
                    out += "\(rank + 1). \(hit.entry.id) (\(hit.entry.kind)) — \(name)\n"
                    let snippet = colour ? hit.snippet.rendered(open: "\u{1B}[1m", close: "\u{1B}[0m") : hit.snippet.rendered(open: "[", close: "]")
                    out += "   \(snippet)\n"
                }
                if hits.isEmpty {
                    out += language.pick(fr: "aucun résultat pour « \(text) »", en: "no result for “\(text)”") + "\n"
                }
                Terminal.write(out)
            }
        }
    }
}
