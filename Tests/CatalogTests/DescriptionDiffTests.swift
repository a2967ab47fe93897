import JSONSchema
import Testing
@testable import Catalog

@Suite("Semantic diff")
struct DescriptionDiffTests {
    let old = CatalogFixtures.json("""
    {"codesocial": 1, "id": "wemob", "name": "Wemob", "summary": {"fr": "Mobilité", "en": "Mobility"},
     "tags": ["vélo", "rural"],
     "models": {"economic": {"revenue_streams": "Adhésions", "principles": "Sobriété"},
                "social_human": {"principles": "Coopération"}},
     "actions": [{"id": "a1", "title": "Atelier", "status": "planned"}],
     "catalogue": {"offers": [{"kind": "tool", "text": "Logiciel"}]}}
    """)
    let new = CatalogFixtures.json("""
    {"codesocial": 1, "id": "wemob", "name": "Wemob", "summary": {"fr": "Mobilité douce", "en": "Mobility"},
     "tags": ["vélo", "covoiturage"],
     "models": {"economic": {"revenue_streams": "Adhésions et dons", "principles": "Sobriété"},
                "social_human": {"not_applicable": "Pas de salariés"}},
     "actions": [{"id": "a1", "title": "Atelier", "status": "ongoing"},
                 {"id": "a2", "title": "Carte"}, {"id": "a3", "title": "Fête"}],
     "catalogue": {"offers": [{"kind": "tool", "text": "Logiciel"}, {"kind": "place", "text": "Garage"}]},
     "licence": "CC-BY-SA-4.0"}
    """)

    @Test("names the changed sections, in English")
    func english() {
        let messages = DescriptionDiff(from: old, to: new).messages(in: .english)
        #expect(messages == [
            "summary changed",
            "1 tag added (covoiturage)",
            "1 tag removed (rural)",
            "models.economic.revenue_streams changed",
            "model social_human now not applicable (Pas de salariés)",
            "2 actions added (a2, a3)",
            "actions[a1].status changed",
            "catalogue.offers: 1 added (Garage)",
            "licence added",
        ])
    }

    @Test("names the changed sections, in French")
    func french() {
        let messages = DescriptionDiff(from: old, to: new).messages(in: .french)
        #expect(messages.contains("models.economic.revenue_streams modifié"))
        #expect(messages.contains("modèle social_human désormais non applicable (Pas de salariés)"))
        #expect(messages.contains("actions : 2 ajouts (a2, a3)"))
    }

    @Test("identical descriptions have no change; a created entry is one change")
    func edges() {
        #expect(DescriptionDiff(from: old, to: old).isEmpty)
        #expect(DescriptionDiff(from: nil, to: new).messages(in: .english) == ["description added"])
        let back = DescriptionDiff(from: new, to: old).messages(in: .english)
        #expect(back.contains("model social_human applicable again (now described)"))
    }
}
