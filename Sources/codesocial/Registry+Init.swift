import ArgumentParser
import Descriptor
import Foundation
import Registry

extension Codesocial.Registry {
    /// `codesocial registry init PATH [--bare] [--name NAME] [--format text|json] [--lang fr|en]`.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a registry from the template (README fr/en, governance, CI, projects/), with a first commit on main."
        )

        @Argument(help: "Where to create the registry (a new or empty directory).")
        var path: String

        @Flag(help: "Create a bare repository (for a server, or to publish into directly).")
        var bare = false

        @Option(help: "The registry's name in .codesocial-registry.yml.")
        var name: String?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var languageOptions: LanguageOptions

        func run() async throws {
            let language = languageOptions.language
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            let target = URL(fileURLWithPath: absolute).standardizedFileURL.path
            let result: RegistryInitializer.Result
            do {
                result = try RegistryInitializer.create(at: target, bare: bare, name: name)
            } catch {
                throw failure(error, format: format, language: language)
            }
            switch format {
            case .json:
                printJSON(["status": "created", "path": result.path, "bare": result.bare, "commit": result.commit.hex,
                           "files": result.files, "name": name ?? RegistryTemplate.defaultName])
            case .text:
                let registryName = name ?? RegistryTemplate.defaultName
                if language == .fr {
                    print("""
                    registre \(registryName) créé en \(result.path)\(bare ? " (dépôt nu)" : "")
                      commit \(result.commit.hex) sur main, \(result.files.count) fichiers issus du modèle de registre
                    ensuite : publiez une description avec `codesocial publish --registry \(result.path)`\(bare ? "" : ",\n          ou poussez ce dépôt sur une forge et publiez à son URL")
                    """)
                } else {
                    print("""
                    created the registry \(registryName) at \(result.path)\(bare ? " (bare)" : "")
                      commit \(result.commit.hex) on main, \(result.files.count) files from the registry template
                    next: publish a description with `codesocial publish --registry \(result.path)`\(bare ? "" : ",\n      or push this repository to a forge and publish to its URL")
                    """)
                }
            }
        }
    }
}
