import Foundation
import Testing
import TestSupport

@Suite("codesocial init")
struct InitTests {
    @Test("--yes writes a commented scaffold named after the folder and says what to do next")
    func yes() throws {
        let folder = try TemporaryDirectory()
        let result = try CodesocialCLI.run(["init", "Café Commun", "--yes"], in: folder.path)
        #expect(result.status == 0, "\(result)")
        let file = folder.path("Café Commun/codesocial.yml")
        #expect(result.stdout == "Created \(file) (id \"cafe-commun\"). Fill it in, then check it with: codesocial validate \(file)\n")
        #expect(result.stderr == "")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "# yaml-language-server: $schema=https://codesocial.org/schema/v1/codesocial.schema.json")
        #expect(lines.contains("id: cafe-commun"))
        #expect(lines.contains("name: Café Commun"))
        #expect(lines.contains("kind: project"))
        #expect(lines.contains("language: en"))
        #expect(lines.contains("summary: \"Café Commun: summary to rewrite in one or two sentences (what it is, for whom, why).\""))
        #expect(lines.contains("    - name: Camille Test"))
        #expect(lines.contains("      email: camille@example.org"))
    }

    @Test("a fresh scaffold passes codesocial validate with warnings only, in French and in English")
    func validates() throws {
        let folder = try TemporaryDirectory()
        for language in ["fr", "en"] {
            #expect(try CodesocialCLI.run(["init", language, "--yes", "--name", "Atelier partagé", "--lang", language], in: folder.path).status == 0)
            let result = try CodesocialCLI.run(["validate", "--format", "json", "\(language)/codesocial.yml"], in: folder.path)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("\"valid\": true") || result.stdout.contains("\"valid\":true"), "\(result.stdout)")
            #expect(result.stdout.contains("\"severity\": \"warning\"") || result.stdout.contains("\"severity\":\"warning\""))
            #expect(!result.stdout.contains("\"severity\": \"error\"") && !result.stdout.contains("\"severity\":\"error\""))
            let strict = try CodesocialCLI.run(["validate", "--strict", "\(language)/codesocial.yml"], in: folder.path)
            #expect(strict.status == 1, "warnings fail under --strict")
        }
    }

    @Test("the examples pass codesocial validate without a warning, even with --strict")
    func examples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try CodesocialCLI.run(["validate", "--strict", "examples"], in: root.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("2 files: 2 valid, 0 invalid; 0 errors, 0 warnings"), "\(result.stdout)")
    }

    @Test("uses the flags")
    func flags() throws {
        let folder = try TemporaryDirectory()
        let result = try CodesocialCLI.run([
            "init", "--yes", "--name", "WeMob", "--id", "wemob-commun", "--kind", "collaboration", "--lang", "fr",
            "--summary", "Communs de la mobilité : outils et données partagés.", "--maintainer", "Équipe WeMob <contact@example.org>",
        ], in: folder.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("\(folder.path("codesocial.yml")) créé (identifiant « wemob-commun »)."))
        let lines = try String(contentsOfFile: folder.path("codesocial.yml"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("id: wemob-commun"))
        #expect(lines.contains("kind: collaboration"))
        #expect(lines.contains("summary: \"Communs de la mobilité : outils et données partagés.\""))
        #expect(lines.contains("    - name: Équipe WeMob"))
    }

    @Test("writes French comments under a French locale, English ones otherwise, and --lang overrides the locale")
    func languages() throws {
        let folder = try TemporaryDirectory()
        #expect(try CodesocialCLI.run(["init", "fr", "--yes", "--name", "Atelier"], in: folder.path, locale: "fr_FR.UTF-8").status == 0)
        #expect(try CodesocialCLI.run(["init", "en", "--yes", "--name", "Atelier"], in: folder.path, locale: "en_GB.UTF-8").status == 0)
        #expect(try CodesocialCLI.run(["init", "forced", "--yes", "--name", "Atelier", "--lang", "en"], in: folder.path, locale: "fr_FR.UTF-8").status == 0)
        let french = try String(contentsOfFile: folder.path("fr/codesocial.yml"), encoding: .utf8)
        let english = try String(contentsOfFile: folder.path("en/codesocial.yml"), encoding: .utf8)
        let forced = try String(contentsOfFile: folder.path("forced/codesocial.yml"), encoding: .utf8)
        #expect(french.contains("\n# L'histoire et le récit — Comment le projet est né et les grandes étapes de son histoire.\n"))
        #expect(french.contains("\nlanguage: fr\n"))
        #expect(english.contains("\n# Story and narrative — How the project came to be and the milestones of its history.\n"))
        #expect(english.contains("\nlanguage: en\n"))
        #expect(forced == english)
    }

    @Test("never overwrites an existing description without --force")
    func noOverwrite() throws {
        let folder = try TemporaryDirectory()
        let existing = try folder.write("id: mine\n", to: "codesocial.yml")
        let refused = try CodesocialCLI.run(["init", "--yes", "--name", "Autre"], in: folder.path)
        #expect(refused.status == 74)
        #expect(refused.stdout == "")
        #expect(refused.stderr.contains("\(existing) already exists and was left untouched: add --force to overwrite it, or choose another folder"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "id: mine\n")

        let json = try TemporaryDirectory()
        _ = try json.write("{}", to: "codesocial.json")
        let refusedJSON = try CodesocialCLI.run(["init", "--yes", "--name", "Autre"], in: json.path, locale: "fr_FR.UTF-8")
        #expect(refusedJSON.status == 74)
        #expect(refusedJSON.stderr.contains("\(json.path("codesocial.json")) existe déjà : il n'est pas remplacé ; ajoutez --force pour l'écraser"))
        #expect(!FileManager.default.fileExists(atPath: json.path("codesocial.yml")))

        let forced = try CodesocialCLI.run(["init", "--yes", "--name", "Autre", "--force"], in: folder.path)
        #expect(forced.status == 0, "\(forced)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8).contains("\nid: autre\n"))
    }

    @Test("refuses an existing description before asking any question")
    func refusesBeforeAsking() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("id: mine\n", to: "codesocial.yaml")
        let result = try CodesocialCLI.run(["init", "--interactive"], in: folder.path, input: Data("Nom\n".utf8))
        #expect(result.status == 74)
        #expect(result.stdout == "", "no question was asked")
    }

    @Test("--help and help SUBCOMMAND print the usage and exit 0 (never an internal error)",
          arguments: [["--help"], ["init", "--help"], ["help", "init"], ["-h"], ["validate", "--help"]])
    func help(_ arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        let result = try CodesocialCLI.run(arguments, in: folder.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: codesocial"), "\(result.stdout)")
        #expect(result.stderr == "", "\(result.stderr)")
    }

    @Test("rejects invalid flags with exit 64 and says how to fix them")
    func invalidFlags() throws {
        let folder = try TemporaryDirectory()
        let kind = try CodesocialCLI.run(["init", "--yes", "--kind", "association"], in: folder.path)
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("unknown kind \"association\": choose project, organisation, idea or collaboration"))
        let id = try CodesocialCLI.run(["init", "--yes", "--name", "Atelier", "--id", "Mon Atelier"], in: folder.path)
        #expect(id.status == 64)
        #expect(id.stderr.contains("invalid id \"Mon Atelier\": use lowercase ASCII letters, digits and single hyphens between words, 2 to 64 characters; for example \"mon-atelier\""))
        let noID = try CodesocialCLI.run(["init", "x", "--yes"], in: folder.path)
        #expect(noID.status == 64)
        #expect(noID.stderr.contains("cannot derive an id from \"x\": give one with --id"))
        let language = try CodesocialCLI.run(["init", "--yes", "--lang", "de"], in: folder.path)
        #expect(language.status == 64)
        #expect(language.stderr.contains("unsupported language \"de\": choose fr or en"))
        let control = try CodesocialCLI.run(["init", "--yes", "--name", "Atelier\u{1}bois"], in: folder.path)
        #expect(control.status == 64)
        #expect(control.stderr.contains("the name contains a control character (U+0001): remove it"), "\(control)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
    }

    @Test("without a terminal and without --yes, uses the flags and defaults")
    func noTerminal() throws {
        let folder = try TemporaryDirectory()
        let result = try CodesocialCLI.run(["init", "atelier-bois"], in: folder.path)  // standard input is /dev/null
        #expect(result.status == 0, "\(result)")
        #expect(try String(contentsOfFile: folder.path("atelier-bois/codesocial.yml"), encoding: .utf8).contains("\nid: atelier-bois\n"))
    }

    @Test("--interactive asks on piped input; the end of input stops it with exit 66")
    func pipedQuestions() throws {
        let folder = try TemporaryDirectory()
        let answers = "Assemblée Virtuelle\norga\n\nfr\nOutils libres pour relier les communautés.\n"
        let result = try CodesocialCLI.run(["init", "av", "--interactive"], in: folder.path, input: Data(answers.utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Name of the project or organisation [av]: Kind (project, organisation, idea, collaboration) [project]: Registry id [assemblee-virtuelle]: "))
        let lines = try String(contentsOfFile: folder.path("av/codesocial.yml"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("id: assemblee-virtuelle"))
        #expect(lines.contains("kind: organisation"))
        #expect(lines.contains("language: fr"))
        #expect(lines.contains("summary: Outils libres pour relier les communautés."))

        let ended = try CodesocialCLI.run(["init", "cut", "--interactive"], in: folder.path, input: Data("Nom\n".utf8))
        #expect(ended.status == 66)
        #expect(ended.stderr.contains("the input ended before every question was answered: run again with --yes to use the defaults"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("cut/codesocial.yml")))
    }

    @Test("asks its questions on a terminal (a pseudo-terminal made by script(1))")
    func terminal() throws {
        let folder = try TemporaryDirectory()
        let binary = try CLIRunner.executablePath()
        let answers = "Tiers-Lieu des Communs\nidée\n\n\nUn lieu ouvert pour fabriquer ensemble.\n"
        // script(1) runs the command on a pseudo-terminal fed with our standard input.
        let result = try Shell.run(
            ["script", "--quiet", "--return", "--command", "'\(binary)' init tl", "/dev/null"],
            in: folder.path, environment: CLIRunner.pinnedEnvironment.merging(CodesocialCLI.environment(locale: "fr_FR.UTF-8")) { $1 }, input: Data(answers.utf8), check: false)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Nom du projet ou de l'organisation [tl]: "))
        #expect(result.stdout.contains("Identifiant dans le registre [tiers-lieu-des-communs]: "))
        #expect(result.stdout.contains("créé (identifiant « tiers-lieu-des-communs »)"))
        let lines = try String(contentsOfFile: folder.path("tl/codesocial.yml"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("kind: idea"))
        #expect(lines.contains("language: fr"))
        #expect(lines.contains("summary: Un lieu ouvert pour fabriquer ensemble."))
    }
}

/// `codesocial` run as a user would, with a locale and a known author (so that git's configuration
/// does not leak into the scaffold).
enum CodesocialCLI {
    static func environment(locale: String) -> [String: String] {
        ["LANG": locale, "NO_COLOR": "1", "CODESOCIAL_AUTHOR": "Camille Test <camille@example.org>"]
    }

    static func run(_ arguments: [String], in directory: String, locale: String = "C.UTF-8", input: Data? = nil) throws -> Shell.Output {
        try CLIRunner.run(arguments, in: directory, environment: environment(locale: locale), input: input)
    }
}
