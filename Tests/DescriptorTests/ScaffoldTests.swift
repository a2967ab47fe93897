import Foundation
import JSONSchema
import Testing
@testable import Descriptor

@Suite("Slug")
struct SlugTests {
    @Test("suggests an id from a name", arguments: [
        ("Assemblée Virtuelle", "assemblee-virtuelle"),
        ("L'Œuvre Commune", "l-oeuvre-commune"),
        ("  Straße & Co. ", "strasse-co"),
        ("Ærø Fjord", "aero-fjord"),
        ("ﬁnance ﬂuide", "finance-fluide"),
        ("Café—Bar 2.0", "cafe-bar-2-0"),
        ("WeMob", "wemob"),
        ("la Myne", "la-myne"),
        ("Łódź Tiers-Lieu", "lodz-tiers-lieu"),
        ("ab", "ab"),
        ("Ωmega Ωmega", "omega-omega"),
        ("Ελληνικά", "ellenika"),
        ("Кооператив Заря", "kooperativ-zara"),
        ("Tokyo 東京", "tokyo"),
    ])
    func suggests(name: String, expected: String) {
        #expect(Slug.suggest(from: name) == expected)
    }

    @Test("gives no id when the name has fewer than two letters or digits", arguments: ["", "!!!", "A", "東京", "— · —"])
    func noSuggestion(name: String) {
        #expect(Slug.suggest(from: name) == nil)
    }

    @Test("cuts a long name at a hyphen, within 64 characters")
    func longName() throws {
        let name = String(repeating: "commun ", count: 20)  // 140 characters
        let slug = try #require(Slug.suggest(from: name))
        #expect(slug.count <= 64)
        #expect(slug.count == 62)  // nine "commun" joined by hyphens
        #expect(!slug.hasSuffix("-"))
        #expect(Slug.isValid(slug))
        let unbroken = String(repeating: "a", count: 80)
        #expect(Slug.suggest(from: unbroken) == String(repeating: "a", count: 64))
    }

    @Test("checks ids", arguments: [
        ("assemblee-virtuelle", true), ("a1", true), ("x", false), ("-ab", false), ("ab-", false),
        ("a--b", false), ("Ab", false), ("é-a", false), ("a b", false), (String(repeating: "a", count: 64), true),
        (String(repeating: "a", count: 65), false),
    ])
    func validity(id: String, valid: Bool) {
        #expect(Slug.isValid(id) == valid)
    }
}

@Suite("Init answers")
struct InitAnswerTests {
    @Test("reads kinds in English and French", arguments: [
        ("project", ScaffoldOptions.Kind.project), ("Projet", .project), ("idée", .idea), ("IDEE", .idea),
        ("organization", .organisation), ("orga", .organisation), ("collab", .collaboration), ("3", .idea),
    ])
    func kinds(text: String, kind: ScaffoldOptions.Kind) {
        #expect(ScaffoldOptions.Kind(userInput: text) == kind)
    }

    @Test("rejects unknown kinds", arguments: ["", "p", "5", "projects", "association"])
    func unknownKinds(text: String) {
        #expect(ScaffoldOptions.Kind(userInput: text) == nil)
    }

    @Test("reads maintainers as Name <email>")
    func maintainers() {
        #expect(ScaffoldOptions.Maintainer(parsing: "Marie Curie <marie@example.org>") == .init(name: "Marie Curie", email: "marie@example.org"))
        #expect(ScaffoldOptions.Maintainer(parsing: " Équipe ") == .init(name: "Équipe"))
        #expect(ScaffoldOptions.Maintainer(parsing: "<x@example.org>") == nil)
        #expect(ScaffoldOptions.Maintainer(parsing: "  ") == nil)
    }

    @Test("completes a draft with defaults")
    func defaults() throws {
        let options = try InitDraft().completed(folderName: "Café Commun", localeLanguage: .fr)
        #expect(options == ScaffoldOptions(
            name: "Café Commun", id: "cafe-commun", kind: .project, language: .fr,
            summary: "Café Commun : résumé à réécrire en une ou deux phrases (ce que c'est, pour qui, pourquoi).",
            maintainer: .init(name: "Équipe Café Commun")))
        let english = try InitDraft(name: "WeMob", kind: .collaboration, language: .en).completed(folderName: "x", localeLanguage: .fr)
        #expect(english.id == "wemob")
        #expect(english.kind == .collaboration)
        #expect(english.maintainer == .init(name: "WeMob team"))
    }

    @Test("a long name gets a placeholder summary without it, instead of a refused summary")
    func longName() throws {
        let name = String(repeating: "é", count: 250)
        let options = try InitDraft(name: name, id: "long", language: .en).completed(folderName: "x", localeLanguage: .en)
        #expect(options.summary == "Summary to rewrite in one or two sentences (what it is, for whom, why).")
        let french = try InitDraft(name: name, id: "long", language: .fr).completed(folderName: "x", localeLanguage: .fr)
        #expect(french.summary == "Résumé à réécrire en une ou deux phrases (ce que c'est, pour qui, pourquoi).")
    }

    @Test("refuses control characters in the name and the summary (YAML cannot hold them raw)")
    func controlCharacters() throws {
        #expect(throws: ScaffoldError.controlCharacter(field: "name", scalar: 1)) {
            try InitDraft(name: "a\u{1}b").completed(folderName: "x", localeLanguage: .en)
        }
        #expect(throws: ScaffoldError.controlCharacter(field: "name", scalar: 0x9B)) {
            try InitDraft(name: "ab\u{9B}").completed(folderName: "x", localeLanguage: .en)
        }
        #expect(throws: ScaffoldError.controlCharacter(field: "summary", scalar: 0x7F)) {
            try InitDraft(name: "ab", summary: "one\u{7F}two").completed(folderName: "x", localeLanguage: .en)
        }
        #expect(ScaffoldError.controlCharacter(field: "name", scalar: 1).message(in: .en)
            == "the name contains a control character (U+0001): remove it")
        #expect(ScaffoldError.controlCharacter(field: "summary", scalar: 0x7F).message(in: .fr)
            == "le résumé contient un caractère de contrôle (U+007F) : retirez-le")
        // A tab is no control character for YAML: the scaffold holds it and reads back.
        let tabbed = try InitDraft(name: "Atelier\tbois", id: "atelier").completed(folderName: "x", localeLanguage: .en)
        let text = try Scaffold(schema: DescriptionSchema.value).render(tabbed)
        let report = try DescriptionChecker(language: .en).check(Data(text.utf8), path: "codesocial.yml")
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
    }

    @Test("refuses invalid flags with a message that says how to fix them")
    func invalidDraft() {
        #expect(throws: ScaffoldError.noIdForName("x")) { try InitDraft().completed(folderName: "x", localeLanguage: .en) }
        #expect(throws: ScaffoldError.invalidId("Mon Projet", suggestion: "mon-projet")) {
            try InitDraft(name: "p", id: "Mon Projet").completed(folderName: "x", localeLanguage: .en)
        }
        #expect(throws: ScaffoldError.summaryTooLong(301)) {
            try InitDraft(name: "pp", summary: String(repeating: "é", count: 301)).completed(folderName: "x", localeLanguage: .en)
        }
        #expect(throws: ScaffoldError.emptyName) { try InitDraft(name: "  ").completed(folderName: "x", localeLanguage: .en) }
        #expect(throws: ScaffoldError.multilineName) { try InitDraft(name: "a\nb").completed(folderName: "x", localeLanguage: .en) }
        #expect(throws: ScaffoldError.emptySummary) { try InitDraft(name: "ab", summary: " ").completed(folderName: "x", localeLanguage: .en) }
        #expect(throws: ScaffoldError.unsupportedSchema("the schema is not an object with properties")) { try Scaffold(schema: .null) }
        #expect(throws: ScaffoldError.unsupportedSchema("the schema is not an object with properties")) { try FieldReference(schema: ["type": "object"]) }
        #expect(ScaffoldError.invalidId("Mon Projet", suggestion: "mon-projet").message(in: .fr)
            == "identifiant invalide « Mon Projet » : lettres minuscules sans accent, chiffres et tirets simples entre les mots, 2 à 64 caractères ; par exemple « mon-projet »")
    }
}

@Suite("Init questions")
struct InitQuestionnaireTests {
    /// Runs the questions on scripted answers; returns the result and everything written.
    func run(_ answers: [String], draft: InitDraft = InitDraft(), ui: Language = .en) -> (Result<ScaffoldOptions, ScaffoldError>, String) {
        var remaining = answers[...]
        var transcript = ""
        let questions = InitQuestionnaire(ui: ui, readLine: { remaining.popFirst() }, write: { transcript += $0 })
        let result = Result { () throws(ScaffoldError) -> ScaffoldOptions in
            try questions.ask(draft, folderName: "atelier", localeLanguage: .fr)
        }
        return (result, transcript)
    }

    @Test("asks name, kind, id suggested from the name, language and summary")
    func asksEverything() throws {
        let (result, transcript) = run(["Assemblée Virtuelle", "organisation", "", "", "Outils libres pour les communs."])
        let options = try result.get()
        #expect(options.name == "Assemblée Virtuelle")
        #expect(options.kind == .organisation)
        #expect(options.id == "assemblee-virtuelle")
        #expect(options.language == .fr)
        #expect(options.summary == "Outils libres pour les communs.")
        #expect(transcript == """
            Name of the project or organisation [atelier]: \
            Kind (project, organisation, idea, collaboration) [project]: \
            Registry id [assemblee-virtuelle]: \
            Language of the description (fr, en) [fr]: \
            Summary in one or two sentences (at most 300 characters) [Assemblée Virtuelle : résumé à réécrire en une ou deux phrases (ce que c'est, pour qui, pourquoi).]: 
            """)
    }

    @Test("explains an invalid answer and asks again")
    func asksAgain() throws {
        let (result, transcript) = run(["", "association", "orga", "Bad Id", "bon-id", "de", "en", "Short."], ui: .fr)
        let options = try result.get()
        #expect(options.name == "atelier")
        #expect(options.id == "bon-id")
        #expect(options.language == .en)
        #expect(transcript.contains("Nature (projet, organisation, idée, collaboration) [projet]: nature inconnue « association » : choisissez projet, organisation, idée ou collaboration\n"))
        #expect(transcript.contains("Identifiant dans le registre [atelier]: identifiant invalide « Bad Id »"))
        #expect(transcript.contains("langue non prise en charge « de » : choisissez fr ou en\n"))
    }

    @Test("skips the questions answered by flags")
    func skipsFlags() throws {
        let (result, transcript) = run(["", "Résumé."], draft: InitDraft(name: "La Myne", kind: .organisation, language: .fr))
        let options = try result.get()
        #expect(options.id == "la-myne")
        #expect(options.summary == "Résumé.")
        #expect(transcript == "Registry id [la-myne]: Summary in one or two sentences (at most 300 characters) [La Myne : résumé à réécrire en une ou deux phrases (ce que c'est, pour qui, pourquoi).]: ")
    }

    @Test("stops when the input ends")
    func inputEnds() {
        let (result, transcript) = run(["Nom"])
        #expect(throws: ScaffoldError.inputEnded) { try result.get() }
        #expect(transcript.hasSuffix("[project]: \n"))
    }
}

@Suite("YAML scalars")
struct YAMLTextTests {
    @Test("writes plain scalars only when they read back as the same string", arguments: [
        ("Assemblée Virtuelle", "Assemblée Virtuelle"),
        ("yes", "\"yes\""), ("off", "\"off\""), ("null", "\"null\""), ("~", "\"~\""),
        ("2015", "\"2015\""), ("0x1F", "\"0x1F\""), ("1.5e3", "\"1.5e3\""), (".inf", "\".inf\""),
        ("a: b", "\"a: b\""), ("a #b", "\"a #b\""), ("#CodeSocial", "\"#CodeSocial\""), ("- x", "\"- x\""),
        ("Résumé : deux-points", "\"Résumé : deux-points\""), ("ends:", "\"ends:\""), (" lead", "\" lead\""),
        ("say \"hi\"\\", "say \"hi\"\\"), ("\"hi\" \\", "\"\\\"hi\\\" \\\\\""), ("two\nlines\t", "\"two\\nlines\\t\""), ("bell\u{7}", "\"bell\\u0007\""),
        ("", "\"\""),
    ])
    func scalars(text: String, expected: String) {
        #expect(YAMLText.scalar(text) == expected)
    }
}

@Suite("Scaffold")
struct ScaffoldTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let options = ScaffoldOptions(
        name: "Atelier: partagé", id: "atelier-partage", kind: .collaboration, language: .fr,
        summary: "Un atelier #commun", maintainer: .init(name: "Marie", email: "marie@example.org"))

    static func render(_ language: Language) throws -> String {
        var options = options
        options.language = language
        return try Scaffold(schema: DescriptionSchema.value).render(options)
    }

    /// Every property path of the schema (`general.territory.area`), following `$ref`s and list items.
    static func propertyPaths() throws -> [(path: [String], title: String, frenchTitle: String)] {
        let root = SchemaNode(root: try #require(DescriptionSchema.value.objectValue))
        var paths: [(path: [String], title: String, frenchTitle: String)] = []
        func walk(_ node: SchemaNode, _ prefix: [String]) {
            for (name, child) in node.properties where name != "not_applicable" {
                paths.append((prefix + [name], child.title(.en) ?? "", child.title(.fr) ?? ""))
                walk(child, prefix + [name])
                if let item = child.items { walk(item, prefix + [name]) }
            }
        }
        walk(root, [])
        return paths
    }

    @Test("starts with the yaml-language-server line naming the schema's $id")
    func firstLine() throws {
        let text = try Self.render(.fr)
        #expect(text.split(separator: "\n").first == "# yaml-language-server: $schema=https://codesocial.org/schema/v1/codesocial.schema.json")
        #expect(text.hasSuffix("\n"))
    }

    @Test("holds the answers, quoted where YAML needs it")
    func answers() throws {
        let lines = try Self.render(.en).split(separator: "\n").map(String.init)
        #expect(lines.contains("codesocial: 1"))
        #expect(lines.contains("id: atelier-partage"))
        #expect(lines.contains("name: \"Atelier: partagé\""))
        #expect(lines.contains("kind: collaboration"))
        #expect(lines.contains("summary: \"Un atelier #commun\""))
        #expect(lines.contains("language: en"))
        let maintainers = try #require(lines.firstIndex(of: "  maintainers:"))
        #expect(lines[maintainers + 1] == "    - name: Marie")
        #expect(lines[maintainers + 2] == "      email: marie@example.org")
    }

    @Test("writes every key of the schema, in schema order, each with its title in the chosen language")
    func wholeGrid() throws {
        for language in Language.allCases {
            let lines = try Self.render(language).split(separator: "\n").map(String.init)
            var searchFrom = 0
            for (path, title, frenchTitle) in try Self.propertyPaths() where path.count <= 3 && !path.contains("horizons") {
                // Top-level and section keys appear in order; list item keys appear in the commented example.
                let key = path.last ?? ""
                let found = lines[searchFrom...].firstIndex { line in
                    if path.count == 1 { return line.hasPrefix(key + ":") || line.hasPrefix("# " + key + ":") }
                    let trimmed = line.drop { $0 == " " || $0 == "#" || $0 == "-" }.drop { $0 == " " || $0 == "-" }
                    return trimmed.hasPrefix(key + ":")
                }
                let index = try #require(found, "\(path.joined(separator: ".")) missing after line \(searchFrom) in \(language)")
                let expectedTitle = language == .fr ? frenchTitle : title
                let trimmed = lines[index].drop { $0 == " " }
                if trimmed.hasPrefix("- ") {
                    // A key of the maintainer filled in: no comment of its own.
                } else if trimmed.hasPrefix("# - ") || trimmed.hasPrefix("#   ") {
                    // A key of a commented example item: its title follows it on the line.
                    #expect(lines[index].hasSuffix("# \(expectedTitle)"), "\(path.joined(separator: ".")): \(lines[index])")
                } else if path.count <= 2, !expectedTitle.isEmpty {
                    #expect(lines[..<index].suffix(6).contains { $0.contains("# \(expectedTitle) — ") },
                            "\(path.joined(separator: ".")) has no comment with its title \(expectedTitle)")
                }
                if path.count == 1 { searchFrom = index }
            }
        }
    }

    @Test("explains sections in French or in English")
    func languages() throws {
        let french = try Self.render(.fr)
        let english = try Self.render(.en)
        #expect(french.contains("# Modèle écologique — Les flux, le partage et le lien à l'écosystème vivant.\n"))
        #expect(french.contains("  # Sans objet ? Remplacez le contenu par `not_applicable: <raison>`.\n  ecological:\n"))
        #expect(english.contains("# Ecological model — "))
        #expect(english.contains("  # Does not apply? Replace the content with `not_applicable: <reason>`.\n  ecological:\n"))
        #expect(!english.contains("Modèle écologique"))
        #expect(french.contains("# #CodeSocial — Atelier: partagé\n"))
    }

    @Test("leaves optional keys empty or commented with an example")
    func emptyValues() throws {
        let text = try Self.render(.en)
        #expect(text.contains("\nstory:\n"))
        #expect(text.contains("  narrative:\n"))
        #expect(text.contains("  milestones:\n    # - date: 2024-01  # Date\n    #   text:          # Text\n"))
        #expect(text.contains("# licence: CC-BY-SA-4.0\n"))
        #expect(text.contains("links:\n  # website: https://example.org\n"))
        #expect(text.contains("\nactions:\n  # - id: example     # Identifier\n  #   title:          # Title\n  #   status: idea    # Status\n"))
        #expect(!text.contains("not_applicable:\n"), "not_applicable is explained, never written as a key")
    }

    @Test("wraps comments within 100 columns")
    func width() throws {
        for line in try Self.render(.fr).split(separator: "\n") where line.contains("# ") && !line.hasPrefix("# yaml-language-server") {
            #expect(line.count <= 100 || !line.dropFirst(line.firstIndex(of: "#").map { line.distance(from: line.startIndex, to: $0) + 2 } ?? 0).contains(" "),
                    "too long: \(line)")
        }
    }
}

@Suite("Scaffold writer")
struct ScaffoldWriterTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("creates the folder and the file, and leaves no temporary file")
    func writes() throws {
        let folder = try temporaryFolder().appendingPathComponent("new/nested")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let written = try ScaffoldWriter.write("a: 1\n", into: folder, force: false)
        #expect(written.lastPathComponent == "codesocial.yml")
        #expect(try String(contentsOf: written, encoding: .utf8) == "a: 1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["codesocial.yml"])
    }

    @Test("never replaces a description without force", arguments: ["codesocial.yml", "codesocial.yaml", "codesocial.json"])
    func refuses(existing: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(existing)
        try Data("keep: me\n".utf8).write(to: path)
        #expect(throws: ScaffoldError.alreadyExists(path: path.path)) { try ScaffoldWriter.write("new\n", into: folder, force: false) }
        #expect(try String(contentsOf: path, encoding: .utf8) == "keep: me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [existing])
    }

    @Test("says so when the folder given is a file, with or without force", arguments: [false, true])
    func fileInsteadOfFolder(force: Bool) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        try Data("keep\n".utf8).write(to: file)
        #expect(throws: ScaffoldError.notAFolder(path: file.path)) { try ScaffoldWriter.write("new\n", into: file, force: force) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep\n")
        #expect(ScaffoldError.notAFolder(path: "/x/notes.txt").message(in: .en)
            == "/x/notes.txt is not a folder: give the folder where codesocial.yml should be written")
    }

    @Test("replaces codesocial.yml with force")
    func force() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("codesocial.yml")
        try Data("old\n".utf8).write(to: path)
        try ScaffoldWriter.write("new\n", into: folder, force: true)
        #expect(try String(contentsOf: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["codesocial.yml"])
    }

    @Test("reports a folder it cannot write into")
    func unwritable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        // A folder below a file cannot be created (a file given as the folder is `notAFolder`).
        let unreachable = blocker.appendingPathComponent("sub")
        let target = unreachable.appendingPathComponent("codesocial.yml")
        #expect(throws: ScaffoldError.self) { try ScaffoldWriter.write("x\n", into: unreachable, force: false) }
        do {
            try ScaffoldWriter.write("x\n", into: unreachable, force: false)
        } catch {
            guard case .cannotWrite(let path, let reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == target.path)
            #expect(!reason.isEmpty)
        }
    }
}
