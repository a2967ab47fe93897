import ArgumentParser
import Catalog
import Foundation
import Git
import JSONSchema
import Registry

extension Codesocial {
    /// `codesocial diff ID [REV [REV]]`.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show what changed in an entry, section by section (\"models.economic.revenue_streams changed\", \"2 actions added\").",
            discussion: "With no revision: the entry's last change. With one: from that revision to the registry's tip. With two: between them."
        )

        @Argument(help: "The entry's id.")
        var id: String

        @Argument(help: "Revisions (commit ids, HEAD~2, tags): none, the old one, or the old and the new one.")
        var revisions: [String] = []

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var source: RegistryReadingOptions
        @OptionGroup var languageOptions: LanguageOptions

        func validate() throws {
            if revisions.count > 2 {
                throw ValidationError(languageOptions.language.pick(fr: "indiquez au plus deux révisions", en: "give at most two revisions"))
            }
        }

        func run() async throws {
            let language = languageOptions.language
            let from: ObjectID?
            let to: ObjectID
            let diff: DescriptionDiff
            do throws(RegistryError) {
                let reader = try source.open()
                switch revisions.count {
                case 0:
                    guard let last = try reader.history(of: id, limit: 1).first else { throw Reading.missingEntry(id, in: reader) }
                    to = last.id
                    from = last.parents.first
                case 1:
                    from = try reader.resolve(revisions[0])
                    to = reader.snapshot.commit
                default:
                    from = try reader.resolve(revisions[0])
                    to = try reader.resolve(revisions[1])
                }
                let old = try from.flatMap { commit throws(RegistryError) in try reader.description(id, at: commit) }
                let new = try reader.description(id, at: to)
                if old == nil && new == nil { throw Reading.missingEntry(id, in: reader) }
                diff = DescriptionDiff(from: old, to: new)
            } catch {
                throw report(error, format: format, language: language)
            }
            let range = "\(from?.abbreviated() ?? "∅")..\(to.abbreviated())"
            switch format {
            case .json:
                Reading.printJSON(.object(JSONObject([
                    ("id", .string(id)),
                    ("from", from.map { .string($0.hex) } ?? .null),
                    ("to", .string(to.hex)),
                    ("changes", .array(diff.changes.map { change in
                        .object(JSONObject([
                            ("path", .string(change.path.description)),
                            ("change", .string(change.code)),
                            ("message", .string(change.message(in: language.display))),
                        ]))
                    })),
                ])))
            case .text:
                var out = "\(id) \(range)\n"
                if diff.isEmpty {
                    out += "  " + language.pick(fr: "aucun changement", en: "no change") + "\n"
                }
                for message in diff.messages(in: language.display) { out += "  - \(message)\n" }
                Terminal.write(out)
            }
        }
    }
}
