import ArgumentParser
import Catalog
import Foundation
import JSONSchema
import Registry

extension Codesocial {
    /// `codesocial match ID`.
    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Find who could work with an entry: offers meeting its needs, needs its offers meet, shared commons and tags, relations.",
            discussion: "Ranked; each result says why it matched."
        )

        @Argument(help: "The entry's id.")
        var id: String

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
            let matches: [Catalog.Match]
            do throws(RegistryError) {
                let reader = try source.open()
                let index = try Reading.index(reader)
                guard let entry = try Reading.catalog({ () throws(CatalogError) in try index.entry(id: id) }) else {
                    throw Reading.missingEntry(id, in: reader)
                }
                let all = try Reading.catalog { () throws(CatalogError) in try index.entries() }
                matches = Matcher().matches(for: entry, among: all, limit: limit)
            } catch {
                throw report(error, format: format, language: language)
            }
            switch format {
            case .json:
                Reading.printJSON(.object(JSONObject([
                    ("id", .string(id)),
                    ("matches", .array(matches.map { match in
                        .object(JSONObject(Reading.entryValue(match.entry, language: language) + [
                            ("score", .number(JSONNumber(match.score))),
                            ("reasons", .array(match.reasons.map { reason in
                                .object(JSONObject([("code", .string(reason.code)), ("message", .string(reason.message(in: language.display)))]))
                            })),
                        ]))
                    })),
                ])))
            case .text:
                var out = ""
                for (rank, match) in matches.enumerated() {
                    let name = match.entry.name.resolved(preferring: language.rawValue)
                    out += "\(rank + 1). \(match.entry.id) (\(match.entry.kind)) — \(name)  [score \(match.score)]\n"
                    for reason in match.reasons { out += "   - \(reason.message(in: language.display))\n" }
                }
                if matches.isEmpty {
                    out += language.pick(fr: "aucune correspondance pour `\(id)`", en: "no match for `\(id)`") + "\n"
                }
                Terminal.write(out)
            }
        }
    }
}
