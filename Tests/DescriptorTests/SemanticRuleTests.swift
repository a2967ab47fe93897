import Descriptor
import Foundation
import JSONSchema
import Testing

@Suite("Semantic rules (CS1xx): each fails on a bad case and passes on a good one")
struct SemanticRuleTests {
    @Test("the complete fixture has no diagnostic at all")
    func completeFixtureIsClean() {
        let report = Fixtures.check(Fixtures.complete)
        #expect(report.diagnostics == [], "\(report.diagnostics.map(\.message))")
        #expect(report.valid)
        #expect(report.id == "atelier-velo")
        #expect(report.formatVersion == 1)
    }

    @Test("CS101 unknown-intention, with a suggestion")
    func unknownIntention() throws {
        let text = Fixtures.complete(replacing: "serves: [social_human/ateliers-ouverts]", with: "serves: [social_human/ateliers-ouvert]")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "CS101").first)
        #expect(diagnostic.ruleName == "unknown-intention")
        #expect(diagnostic.line == Fixtures.line(of: "serves:", in: text))
        #expect(diagnostic.column == 14)
        #expect(diagnostic.instanceLocation.description == "/actions/0/serves/0")
        #expect(diagnostic.message == "`social_human/ateliers-ouvert` names no intention: declare it under `models.social_human.intentions` or fix the reference; did you mean `social_human/ateliers-ouverts`?")
        let french = try #require(Fixtures.diagnostics(Fixtures.check(text, language: .fr), "CS101").first)
        #expect(french.message == "`social_human/ateliers-ouvert` ne désigne aucune intention : déclarez-la dans `models.social_human.intentions` ou corrigez la référence ; vouliez-vous dire `social_human/ateliers-ouverts` ?")
    }

    @Test("CS102 duplicate-intention")
    func duplicateIntention() throws {
        let text = Fixtures.complete(replacing: "        text: Ouvrir l'atelier à tous\n", with: "        text: Ouvrir l'atelier à tous\n      - id: ateliers-ouverts\n        text: Encore\n")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "CS102").first)
        let first = Fixtures.line(of: "- id: ateliers-ouverts", in: text)
        #expect(diagnostic.line == first + 2)
        #expect(diagnostic.column == 13)
        #expect(diagnostic.message == "intention `ateliers-ouverts` already exists in `social_human` (line \(first)); give it another `id`")
        #expect(diagnostic.instanceLocation.description == "/models/social_human/intentions/1/id")
    }

    @Test("CS103 duplicate-action")
    func duplicateAction() throws {
        let text = Fixtures.complete(replacing: "catalogue:\n", with: "  - id: permanences\n    title: Autre\n    serves: [social_human/ateliers-ouverts]\ncatalogue:\n")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "CS103").first)
        #expect(diagnostic.message == "action `permanences` already exists (line \(Fixtures.line(of: "- id: permanences", in: text))); give it another `id`")
        #expect(diagnostic.instanceLocation.description == "/actions/1/id")
        #expect(diagnostic.column == 9)
    }

    @Test("CS104 self-relation and CS105 duplicate-relation")
    func relations() throws {
        let text = Fixtures.complete(replacing: "  - id: maison-des-communs\n    kind: member_of\n", with: "  - id: atelier-velo\n    kind: partner\n  - id: maison-des-communs\n    kind: member_of\n  - {id: maison-des-communs, kind: member_of}\n")
        let report = Fixtures.check(text)
        let selfRelation = try #require(Fixtures.diagnostics(report, "CS104").first)
        #expect(selfRelation.line == Fixtures.line(of: "- id: atelier-velo", in: text))
        #expect(selfRelation.message.hasPrefix("the relation points at this entry itself (`atelier-velo`)"))
        let duplicate = try #require(Fixtures.diagnostics(report, "CS105").first)
        #expect(duplicate.instanceLocation.description == "/relations/2/id")
        #expect(duplicate.message == "the `member_of` relation with `maison-des-communs` is already listed at line \(Fixtures.line(of: "- id: maison-des-communs", in: text)); remove the duplicate")
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete), "CS104").isEmpty)
    }

    @Test("CS106 end-before-start, with partial dates read widely")
    func endBeforeStart() throws {
        let bad = Fixtures.complete(replacing: "    start: 2019-05\n", with: "    start: 2019-05\n    end: 2019-04-30\n")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(bad), "CS106").first)
        #expect(diagnostic.message == "the action ends (`2019-04-30`) before it starts (`2019-05`); fix `start` or `end`")
        #expect(diagnostic.line == Fixtures.line(of: "end: 2019-04-30", in: bad))
        #expect(diagnostic.column == 10)
        let sameYear = Fixtures.complete(replacing: "    start: 2019-05\n", with: "    start: 2019-05\n    end: 2019\n")
        #expect(Fixtures.diagnostics(Fixtures.check(sameYear), "CS106").isEmpty)
    }

    @Test("CS107 unknown-licence with a suggestion; LicenseRef accepted; CS108 deprecated is a warning")
    func licences() throws {
        let unknown = Fixtures.check(Fixtures.complete(replacing: "licence: CC-BY-SA-4.0", with: "licence: CC-BY-SA-4"))
        let diagnostic = try #require(Fixtures.diagnostics(unknown, "CS107").first)
        #expect(diagnostic.message == "`licence`: `CC-BY-SA-4` is not an identifier on the SPDX licence list (https://spdx.org/licenses/); did you mean `CC-BY-SA-4.0`?")
        #expect(diagnostic.line == 12)
        #expect(diagnostic.column == 10)
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "licence: CC-BY-SA-4.0", with: "licence: LicenseRef-maison")), "CS107").isEmpty)
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "licence: CC-BY-SA-4.0", with: "licence: cc-by-sa-4.0")), "CS107").isEmpty)
        let deprecated = Fixtures.check(Fixtures.complete(replacing: "licence: CC-BY-SA-4.0", with: "licence: GPL-3.0"))
        let warning = try #require(Fixtures.diagnostics(deprecated, "CS108").first)
        #expect(warning.severity == .warning)
        #expect(deprecated.valid)
        #expect(!deprecated.passes(strict: true))
    }

    @Test("CS109 invalid-language-tag, in `language` and in translation keys")
    func languageTags() throws {
        let report = Fixtures.check(Fixtures.complete(replacing: "  en: A community", with: "  en-a: A community"))
        let diagnostic = try #require(Fixtures.diagnostics(report, "CS109").first)
        #expect(diagnostic.instanceLocation.description == "/summary/en-a")
        #expect(diagnostic.line == 7)
        #expect(diagnostic.column == 3)
        #expect(diagnostic.message.hasPrefix("`en-a` is not a well-formed BCP 47 language tag"))
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "  en: A community", with: "  en-GB: A community")), "CS109").isEmpty)
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "  en: A community", with: "  zh-Hant-TW: A community")), "CS109").isEmpty)
    }

    @Test("CS110 invalid-email")
    func emails() throws {
        let text = Fixtures.complete(replacing: "      email: ana@atelier-velo.example.org", with: "      email: ana@@atelier-velo")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "CS110").first)
        #expect(diagnostic.instanceLocation.description == "/general/contacts/0/email")
        #expect(diagnostic.message == "`general.contacts[0].email`: `ana@@atelier-velo` is not a well-formed e-mail address (such as `name@example.org`)")
        #expect(diagnostic.line == Fixtures.line(of: "ana@@", in: text))
        #expect(diagnostic.column == 14)
    }

    @Test("CS111 invalid-url (where the schema's shape check passes)")
    func urls() throws {
        let text = Fixtures.complete(replacing: "website: https://atelier-velo.example.org", with: "website: https://atelier velo.org")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "CS111").first)
        #expect(diagnostic.instanceLocation.description == "/links/website")
        #expect(diagnostic.message == "`links.website`: `https://atelier velo.org` is not a well-formed http(s) URL (such as `https://example.org/page`)")
        let port = Fixtures.complete(replacing: "website: https://atelier-velo.example.org", with: "website: https://atelier-velo.example.org:99999/")
        #expect(Fixtures.diagnostics(Fixtures.check(port), "CS111").count == 1)
    }

    @Test("CS112 invalid-date")
    func dates() throws {
        let text = Fixtures.complete(replacing: "- date: 2019-04-12", with: "- date: 2019-02-29")
        let diagnostic = try #require(Fixtures.diagnostics(Fixtures.check(text), "CS112").first)
        #expect(diagnostic.instanceLocation.description == "/story/milestones/0/date")
        #expect(diagnostic.line == Fixtures.line(of: "2019-02-29", in: text))
        #expect(diagnostic.column == 13)
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete(replacing: "- date: 2019-04-12", with: "- date: 2020-02-29")), "CS112").isEmpty)
    }

    @Test("CS113 invalid-duration")
    func durations() throws {
        #expect(Fixtures.diagnostics(Fixtures.check(Fixtures.complete), "CS113").isEmpty)
        // `PT` matches no component: the schema's pattern already rejects it, so the rule stays silent there.
        let report = Fixtures.check(Fixtures.complete(replacing: "every: P6M", with: "every: PT"))
        #expect(report.diagnostics.contains { $0.instanceLocation.description == "/governance/review/every" })
    }
}

@Suite("Value checkers")
struct FormatsTests {
    @Test("dates", arguments: [("2024", true), ("2024-02", true), ("2024-02-29", true), ("2023-02-29", false), ("2024-13", false), ("2024-00-10", false), ("2024-04-31", false), ("24", false), ("2024-1-1", false), ("1900-02-29", false), ("2000-02-29", true)])
    func dates(text: String, valid: Bool) { #expect(Formats.isDate(text) == valid, "\(text)") }

    @Test("durations", arguments: [("P6M", true), ("P1Y2M3D", true), ("PT12H", true), ("P2W", true), ("P1DT2H30M", true), ("PT0.5S", true), ("P", false), ("PT", false), ("P1H", false), ("P1M1Y", false), ("6M", false), ("P1.5Y2M", false)])
    func durations(text: String, valid: Bool) { #expect(Formats.isDuration(text) == valid, "\(text)") }

    @Test("BCP 47 language tags", arguments: [("fr", true), ("en-GB", true), ("zh-Hant-TW", true), ("sl-rozaj-biske", true), ("de-CH-1901", true), ("x-private", true), ("i-klingon", true), ("en-a-bbb-x-ccc", true), ("fr-", false), ("e", false), ("english-uk", true), ("fr-1", false), ("en-a", false), ("fr_FR", false), ("en-GB-", false), ("a-DE", false), ("toolongtag", false)])
    func languageTags(text: String, valid: Bool) { #expect(Formats.isLanguageTag(text) == valid, "\(text)") }

    @Test("e-mail addresses", arguments: [("a@b.org", true), ("prénom.nom@exemple.fr", true), ("a+tag@sub.example.org", true), ("a@b", false), ("@b.org", false), ("a@@b.org", false), ("a.@b.org", false), ("a b@c.org", false), ("a@-b.org", false)])
    func emails(text: String, valid: Bool) { #expect(Formats.isEmail(text) == valid, "\(text)") }

    @Test("web URLs", arguments: [("https://example.org", true), ("http://localhost:8080/x?y#z", true), ("https://[::1]/", true), ("https://exemple.fr/éé", true), ("ftp://example.org", false), ("https://", false), ("https://a b.org", false), ("https://example.org:70000", false), ("example.org", false)])
    func urls(text: String, valid: Bool) { #expect(Formats.isWebURL(text) == valid, "\(text)") }

    @Test("SPDX identifiers")
    func spdx() {
        #expect(SPDXLicences.status(of: "MIT") == .current(canonical: "MIT"))
        #expect(SPDXLicences.status(of: "apache-2.0") == .current(canonical: "Apache-2.0"))
        #expect(SPDXLicences.status(of: "GPL-2.0") == .deprecated(canonical: "GPL-2.0"))
        #expect(SPDXLicences.status(of: "LicenseRef-local") == .reference)
        #expect(SPDXLicences.status(of: "NotALicence") == .unknown)
        #expect(SPDXLicences.current.count > 500)
    }

    @Test("did you mean")
    func suggestions() {
        #expect(Suggestions.closest(to: "stake", among: ["context", "stakes", "objectives"]) == "stakes")
        #expect(Suggestions.closest(to: "objectifs", among: ["context", "stakes", "objectives"]) == "objectives")
        #expect(Suggestions.closest(to: "zzz", among: ["context", "stakes"]) == nil)
        #expect(Suggestions.closest(to: "projet", among: ["project", "organisation", "idea", "collaboration"]) == "project")
    }
}
