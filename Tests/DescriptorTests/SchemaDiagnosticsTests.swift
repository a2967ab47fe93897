import Descriptor
import Foundation
import JSONSchema
import Testing

@Suite("Schema errors worded for people, placed at the key or value")
struct SchemaDiagnosticsTests {
    @Test("unknown key: did you mean, at the key")
    func unknownKey() throws {
        let text = Fixtures.complete(replacing: "  stakes: Rendre", with: "  stake: Rendre")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "additionalProperties").first)
        #expect(diagnostic.message == "unknown key `stake` in `purpose`; did you mean `stakes`?")
        #expect(diagnostic.line == Fixtures.line(of: "stake: Rendre", in: text))
        #expect(diagnostic.column == 3)
        #expect(diagnostic.instanceLocation.description == "/purpose/stake")
        #expect(diagnostic.keywordLocation?.description == "/properties/purpose/additionalProperties")
        let french = try #require(Fixtures.diagnostics(Fixtures.check(text, language: .fr), "additionalProperties").first)
        #expect(french.message == "clé inconnue `stake` dans `purpose` ; vouliez-vous dire `stakes` ?")
    }

    @Test("unknown top-level key")
    func unknownTopLevelKey() throws {
        let text = Fixtures.complete(replacing: "language: fr\n", with: "language: fr\nlanguages: fr\nx-note: fine\n")
        let diagnostics = Fixtures.diagnostics(Fixtures.check(text), "additionalProperties")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "unknown key `languages` at the top level; did you mean `language`?")
        #expect(diagnostics.first?.line == 9)
        #expect(diagnostics.first?.column == 1)
        let french = Fixtures.diagnostics(Fixtures.check(text, language: .fr), "additionalProperties")
        #expect(french.first?.message == "clé inconnue `languages` au premier niveau ; vouliez-vous dire `language` ?")
    }

    @Test("unknown key with nothing close: the allowed keys are listed; x- keys are allowed")
    func unknownKeyList() throws {
        let text = Fixtures.complete(replacing: "story:\n", with: "story:\n  zzzzzz: 1\n  x-note: fine\n")
        let diagnostics = Fixtures.diagnostics(Fixtures.check(text), "additionalProperties")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "unknown key `zzzzzz` in `story`; expected one of `narrative`, `milestones` (or an `x-…` extension)")
    }

    @Test("missing required key, at the top level and inside a section")
    func required() throws {
        let noSummary = Fixtures.complete(replacing: "summary:\n  fr: Un atelier associatif de réparation de vélos.\n  en: A community bike repair workshop.\n", with: "")
        let top = try #require(Fixtures.diagnostics(Fixtures.check(noSummary), "required").first)
        #expect(top.message == "missing required key `summary`; add it at the top level")
        #expect(top.line == 1)
        #expect(top.column == 1)
        let noName = Fixtures.complete(replacing: "    - name: Ana\n      email: ana", with: "    - email: ana")
        let inner = try #require(Fixtures.diagnostics(Fixtures.check(noName), "required").first)
        #expect(inner.message == "missing required key `name` in `governance.maintainers[0]`")
        #expect(inner.line == Fixtures.line(of: "    - email: ana", in: noName))
        #expect(inner.column == 7)
    }

    @Test("enum: allowed values and a suggestion")
    func enumeration() throws {
        let text = Fixtures.complete(replacing: "kind: organisation", with: "kind: organization")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "enum").first)
        #expect(diagnostic.message == "`kind`: \"organization\" is not allowed; expected one of \"project\", \"organisation\", \"idea\", \"collaboration\"; did you mean `organisation`?")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.column == 7)
        let french = try #require(Fixtures.diagnostics(Fixtures.check(text, language: .fr), "enum").first)
        #expect(french.message == "`kind` : \"organization\" n'est pas une valeur permise ; valeurs possibles : \"project\", \"organisation\", \"idea\", \"collaboration\" ; vouliez-vous dire `organisation` ?")
    }

    @Test("type errors name what was expected and what was found")
    func types() throws {
        let text = Fixtures.complete(replacing: "tags: [mobilité, réemploi]", with: "tags: mobilité")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "type").first)
        #expect(diagnostic.message == "`tags`: expected a list or an empty value, got the string \"mobilité\"")
        #expect(diagnostic.line == 9)
        #expect(diagnostic.column == 7)
    }

    @Test("format version other than 1")
    func version() throws {
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "codesocial: 1", with: "codesocial: 2")), "const").first)
        #expect(diagnostic.message == "unsupported format version 2: this codesocial reads version 1; write `codesocial: 1` or update codesocial")
    }

    @Test("patterns explained by the shape they expect")
    func patterns() throws {
        let id = try #require(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "id: atelier-velo", with: "id: Atelier_Vélo")), "pattern").first)
        #expect(id.message == "`id`: \"Atelier_Vélo\" is not an identifier: lowercase ASCII letters, digits and single hyphens (such as `my-project`)")
        let date = try #require(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "founded: 2019-04", with: "founded: avril 2019")), "pattern").first)
        #expect(date.message == "`general.founded`: \"avril 2019\" is not a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (such as `2024-03-15`)")
        let serves = try #require(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "serves: [social_human/ateliers-ouverts]", with: "serves: [ateliers-ouverts]")), "pattern").first)
        #expect(serves.message == "`actions[0].serves[0]`: \"ateliers-ouverts\" is not of the form `<model>/<intention id>` (such as `economic/open-workshops`)")
        // The semantic rule does not repeat what the schema said about the same value.
        let report = Fixtures.check(Fixtures.complete(replacing: "founded: 2019-04", with: "founded: avril 2019"))
        #expect(Fixtures.diagnostics(report, "CS112").isEmpty)
    }

    @Test("not_applicable beside content: one error per offending key")
    func notApplicableWithContent() throws {
        let text = Fixtures.complete(replacing: "    not_applicable: Pas d'activité artistique.\n", with: "    not_applicable: Pas d'activité artistique.\n    values: Partage\n    x-note: ok\n")
        let report = Fixtures.check(text)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        #expect(errors.first?.message == "`values` cannot sit beside `not_applicable` in `models.artistic_cultural`: a part is either not applicable or described; remove one of them")
        #expect(errors.first?.line == Fixtures.line(of: "    values: Partage", in: text))
        #expect(errors.first?.column == 5)
    }

    @Test("summary longer than 300 characters")
    func summaryLength() throws {
        let long = String(repeating: "é", count: 301)
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "  fr: Un atelier associatif de réparation de vélos.", with: "  fr: \(long)")), "maxLength").first)
        #expect(diagnostic.message == "`summary.fr` is 301 characters long, more than the 300 allowed; shorten it")
        #expect(diagnostic.instanceLocation.description == "/summary/fr")
    }

    @Test("a list section may be not applicable, with a reason")
    func listNotApplicable() {
        let text = Fixtures.complete(replacing: "relations:\n  - id: maison-des-communs\n    kind: member_of\n", with: "relations:\n  not_applicable: Aucune relation pour l'instant.\n")
        let report = Fixtures.check(text)
        #expect(report.diagnostics == [])
        #expect(report.completeness?.sections.notApplicable == 1)
    }
}

@Suite("Completeness figures and warnings (CS2xx)")
struct CompletenessTests {
    @Test("the complete fixture: every section described, one model not applicable")
    func complete() throws {
        let figures = try #require(Fixtures.check(Fixtures.complete).completeness)
        #expect(figures == Completeness(
            models: .init(described: 5, notApplicable: 1, empty: 0), sections: .init(described: 8, notApplicable: 0, empty: 0),
            intentions: 1, actions: 1, unservedIntentions: 0, actionsServingNothing: 0))
        #expect(figures.summary(in: .en) == "models: 5 described, 1 not applicable, 0 empty; 1 intention, 1 action")
        #expect(figures.summary(in: .fr) == "modèles : 5 décrits, 1 non applicable, 0 vide ; 1 intention, 1 action")
    }

    @Test("CS201 empty section, CS202 empty model, CS203 unserved intention, CS204 action serving nothing")
    func warnings() throws {
        var text = Fixtures.complete(replacing: "story:\n  narrative: Né d'un garage partagé.\n  milestones:\n    - date: 2019-04-12\n      text: Ouverture\n", with: "story:\n  narrative: \"\"\n")
        text = text.replacingOccurrences(of: "  technological:\n    principles: Outils libres\n", with: "  technological:\n")
        text = text.replacingOccurrences(of: "    serves: [social_human/ateliers-ouverts]\n", with: "")
        let report = Fixtures.check(text)
        #expect(report.valid)
        #expect(!report.passes(strict: true))
        let section = try #require(Fixtures.diagnostics(report, "CS201").first)
        #expect(section.message == "section `story` is empty: describe it, or mark it `not_applicable: <reason>`")
        #expect(section.line == Fixtures.line(of: "story:", in: text))
        #expect(section.severity == .warning)
        let model = try #require(Fixtures.diagnostics(report, "CS202").first)
        #expect(model.message == "model `technological` (Technological model) is neither described nor marked not applicable: describe it, or write `not_applicable: <reason>`")
        #expect(model.line == Fixtures.line(of: "  technological:", in: text))
        let unserved = try #require(Fixtures.diagnostics(report, "CS203").first)
        #expect(unserved.message == "no action serves intention `social_human/ateliers-ouverts`: add an action with `serves: [social_human/ateliers-ouverts]`")
        let idle = try #require(Fixtures.diagnostics(report, "CS204").first)
        #expect(idle.message == "action `permanences` serves no intention: list them in `serves` (`<model>/<intention id>`)")
        #expect(idle.line == Fixtures.line(of: "- id: permanences", in: text))
        let figures = try #require(report.completeness)
        #expect(figures.models == .init(described: 4, notApplicable: 1, empty: 1))
        #expect(figures.sections.empty == 1)
        #expect(figures.summary(in: .en) == "models: 4 described, 1 not applicable, 1 empty; 1 intention, 1 action, 1 intention not yet served, 1 action serving no intention")
    }

    @Test("an absent section has no position and sorts last")
    func absentSection() throws {
        let text = Fixtures.complete(replacing: "knowledge_seeds:\n  - question: Comment financer un local ?\n    resources: [https://example.org/guide]\n    people: [Ana]\n", with: "")
        let report = Fixtures.check(text)
        let last = try #require(report.diagnostics.last)
        #expect(last.rule == "CS201")
        #expect(last.line == nil)
        #expect(last.instanceLocation.description == "/knowledge_seeds")
    }
}
