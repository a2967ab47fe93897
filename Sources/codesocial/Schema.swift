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
                let reason = Self.reason(writing: output, error: error, in: ui)
                throw CommandFailure(.cannotWrite, ui.pick(fr: "impossible d'écrire \(output) : \(reason)", en: "cannot write \(output): \(reason)"), language: ui)
            }
        }

        /// Why `path` could not be written, in words a person can act on (Foundation's own
        /// messages on Linux are "error 512" or "the file doesn't exist" for a missing folder).
        static func reason(writing path: String, error: any Error, in ui: Language) -> String {
            let manager = FileManager.default
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return ui.pick(fr: "c'est un dossier ; donnez un nom de fichier", en: "it is a folder; give a file name")
            }
            let parent = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
            if !manager.fileExists(atPath: parent, isDirectory: &isDirectory) {
                return ui.pick(fr: "le dossier \(parent) n'existe pas ; créez-le d'abord", en: "the folder \(parent) does not exist; create it first")
            }
            if !isDirectory.boolValue {
                return ui.pick(fr: "\(parent) n'est pas un dossier", en: "\(parent) is not a folder")
            }
            if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
                return String(cString: strerror(posix.code.rawValue))
            }
            return (error as NSError).localizedDescription
        }
    }
}
