import ArgumentParser
import Descriptor
import Foundation

extension Codesocial {
    /// `codesocial schema`: prints or writes the bundled schema, or the field reference made from it.
    struct Schema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print or write the bundled JSON Schema of codesocial.yml, or its field reference.",
            discussion: """
                Without options, prints schema/codesocial.schema.json as bundled in this binary (for \
                offline editors: point `# yaml-language-server: $schema=` at the written file). \
                With --reference, prints the field reference in Markdown instead; the repository's \
                docs/format.md and docs/format.fr.md are made with:
                  codesocial schema --reference --lang en --output docs/format.md
                  codesocial schema --reference --lang fr --output docs/format.fr.md
                Exit codes: 0 done; 64 invalid option; 74 the output file cannot be written.
                """
        )

        @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
        var output: String?

        @Flag(help: "Print the field reference (Markdown) generated from the schema.")
        var reference = false

        @Option(name: .customLong("lang"), help: "The language of the field reference: fr or en (default: the locale's).")
        var language: String?

        func validate() throws {
            if let language, Language(userInput: language) == nil {
                throw ValidationError("unsupported language \"\(language)\": choose fr or en")
            }
            if language != nil && !reference {
                throw ValidationError("--lang applies to --reference only: the schema itself carries both languages")
            }
        }

        func run() async throws {
            let ui = Language.detect(environment: ProcessInfo.processInfo.environment)
            let text: String
            if reference {
                let referenceLanguage = language.flatMap(Language.init(userInput:)) ?? ui
                text = try FieldReference(schema: DescriptionSchema.value).markdown(in: referenceLanguage)
            } else {
                text = DescriptionSchema.text
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                let reason = (error as NSError).localizedDescription
                throw CommandFailure(.cannotWrite, ui.pick(fr: "impossible d'écrire \(output) : \(reason)", en: "cannot write \(output): \(reason)"))
            }
        }
    }
}
