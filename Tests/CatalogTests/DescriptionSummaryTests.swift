import JSONSchema
import Testing
@testable import Catalog

@Suite("Description summary")
struct DescriptionSummaryTests {
    let schema = CatalogFixtures.json("""
    {"$defs": {"text": {"anyOf": [{"type": "string"}, {"type": "object"}]},
               "model": {"type": "object", "properties": {
                   "principles": {"title": "Principles", "x-title-fr": "Principes"},
                   "revenue_streams": {"title": "Revenue streams", "x-title-fr": "Flux de revenus"},
                   "not_applicable": {"title": "Not applicable", "x-title-fr": "Non applicable"}}}},
     "properties": {
       "name": {"title": "Name", "x-title-fr": "Nom"},
       "kind": {"title": "Kind", "x-title-fr": "Type"},
       "purpose": {"title": "Purpose", "x-title-fr": "La raison d'être", "properties": {
           "context": {"title": "Context", "x-title-fr": "Contexte", "$ref": "#/$defs/text"}}},
       "models": {"title": "The six systemic models", "x-title-fr": "Les six modèles systémiques", "properties": {
           "artistic_cultural": {"title": "Artistic and cultural model", "x-title-fr": "Modèle artistique et culturel", "$ref": "#/$defs/model"},
           "social_human": {"title": "Social and human model", "x-title-fr": "Modèle social et humain", "$ref": "#/$defs/model"},
           "economic": {"title": "Economic model", "x-title-fr": "Modèle économique", "$ref": "#/$defs/model"}}},
       "actions": {"title": "Actions", "x-title-fr": "Actions", "type": "array"}}}
    """)
    let description = CatalogFixtures.json("""
    {"codesocial": 1, "id": "wemob", "name": "Wemob", "kind": "project",
     "summary": {"fr": "Mobilité partagée.", "en": "Shared mobility."},
     "purpose": {"context": {"fr": "Villages isolés.", "en": "Isolated villages."}},
     "models": {"artistic_cultural": {"principles": ""},
                "social_human": {"not_applicable": "Pas de salariés"},
                "economic": {"revenue_streams": "Adhésions"}},
     "actions": [{"id": "a1", "title": "Atelier vélo", "status": "ongoing"}]}
    """)

    @Test("French: titles from x-title-fr, models marked, texts in French")
    func french() {
        let text = DescriptionSummary(titles: SchemaTitles(schema: schema), language: .french).render(description)
        #expect(text.hasPrefix("Wemob (wemob)\nType: project\n\nMobilité partagée.\n"))
        #expect(text.contains("# La raison d'être\n  Contexte: Villages isolés.\n"))
        #expect(text.contains("# Les six modèles systémiques — 1 décrits, 1 non applicables, 4 vides\n"))
        #expect(text.contains("## Modèle artistique et culturel — vide\n"))
        #expect(text.contains("## Modèle social et humain — non applicable : Pas de salariés\n"))
        #expect(text.contains("## Modèle économique — décrit\n  Flux de revenus: Adhésions\n"))
        #expect(text.contains("# Actions\n  - Atelier vélo (id: a1; status: ongoing)\n"))
    }

    @Test("English: titles from title, texts in English")
    func english() {
        let text = DescriptionSummary(titles: SchemaTitles(schema: schema), language: .english).render(description)
        #expect(text.contains("Shared mobility."))
        #expect(text.contains("# Purpose\n  Context: Isolated villages.\n"))
        #expect(text.contains("## Economic model — described\n  Revenue streams: Adhésions\n"))
        #expect(text.contains("## Social and human model — not applicable : Pas de salariés\n"))
    }

    @Test("model statuses")
    func statuses() {
        let statuses = DescriptionSummary.modelStatuses(of: description)
        #expect(statuses.map(\.status) == [.empty, .notApplicable, .empty, .empty, .described, .empty])
    }
}
