import ArgumentParser
import Catalog
import Descriptor
import Foundation
import JSONSchema
import Registry

extension Codesocial {
    /// `codesocial show ID [--format yaml|json|text]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one entry of a registry: as stored (yaml), as JSON, or as a readable summary of every section (text)."
        )

        /// The formats of `show`.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case yaml, json, text
        }

        @Argument(help: "The entry's id.")
        var id: String

        @Option(help: "yaml (the file as published), json, or text (a readable summary; models marked described, not applicable or empty).")
        var format: Format = .text

        @OptionGroup var source: RegistryReadingOptions
        @OptionGroup var languageOptions: LanguageOptions

        func run() async throws {
            let language = languageOptions.language
            let data: Data
            do throws(RegistryError) {
                let reader = try source.open()
                guard let found = try reader.entryData(id) else { throw Reading.missingEntry(id, in: reader) }
                data = found
            } catch {
                throw report(error, format: format == .json ? .json : .text, language: language)
            }
            switch format {
            case .yaml:
                FileHandle.standardOutput.write(data)
            case .json, .text:
                let value: JSONValue
                do {
                    value = try DocumentLoader.load(data, syntax: .yaml).value
                } catch {
                    throw report(RegistryError(.invalidDescription,
                                               Localized(en: "the registry's copy of `\(id)` cannot be read: \(error.message(in: .en))",
                                                         fr: "la copie de `\(id)` dans le registre est illisible : \(error.message(in: .fr))"),
                                               hint: Localized(en: "`codesocial show \(id) --format yaml` prints it as stored",
                                                               fr: "`codesocial show \(id) --format yaml` l'affiche telle qu'elle est enregistrée")),
                                 format: .text, language: language)
                }
                if format == .json {
                    Reading.printJSON(value)
                } else {
                    Terminal.write(DescriptionSummary(titles: SchemaTitles(schema: DescriptionSchema.value), language: language.display).render(value))
                }
            }
        }
    }
}
