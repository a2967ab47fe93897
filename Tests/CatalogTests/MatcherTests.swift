import Testing
@testable import Catalog

@Suite("Reliance matching")
struct MatcherTests {
    let seeker = CatalogFixtures.entry(
        id: "repair-cafe", name: "Repair Café", tags: ["réemploi", "Quartier"],
        offers: [("skill", "Réparation d'appareils électriques")],
        needs: [("place", "Un lieu pour nos ateliers de réparation le samedi")],
        commons: ["OpenStreetMap"], relations: [("fablab", "partner")]
    )
    let host = CatalogFixtures.entry(
        id: "tiers-lieu", name: "Le Tiers-Lieu", kind: "organisation", tags: ["quartier"],
        offers: [("place", "Salle équipée pour des ateliers, disponible le week-end")],
        needs: [("skill", "Bénévoles pour la réparation de vélos")]
    )
    let unrelated = CatalogFixtures.entry(id: "choir", name: "Chorale", offers: [("time", "Concerts")])
    let fablab = CatalogFixtures.entry(id: "fablab", name: "FabLab", commons: ["openstreetmap"], relations: [("repair-cafe", "hosts")])

    @Test("a place offered meets a place needed, and the reasons say why")
    func complementaryPair() throws {
        let results = Matcher().matches(for: seeker, among: [seeker, unrelated, fablab, host])
        let first = try #require(results.first)
        #expect(first.entry.id == "tiers-lieu")
        #expect(first.reasons.contains(.theyOfferWhatYouNeed(
            kind: "place", offer: "Salle équipée pour des ateliers, disponible le week-end",
            need: "Un lieu pour nos ateliers de réparation le samedi", sharedWords: ["atelier"]
        )))
        #expect(first.reasons.contains(.youOfferWhatTheyNeed(
            kind: "skill", offer: "Réparation d'appareils électriques",
            need: "Bénévoles pour la réparation de vélos", sharedWords: ["reparation"]
        )))
        #expect(first.reasons.contains(.sharedTags(["Quartier"])))
        #expect(first.reasons[0].message(in: .english).contains("offers place “Salle équipée"))
        #expect(first.reasons[0].message(in: .french).contains("pour votre besoin « Un lieu pour nos ateliers"))
        #expect(!results.contains { $0.entry.id == "choir" || $0.entry.id == "repair-cafe" })
    }

    @Test("shared commons and relations in both directions count")
    func commonsAndRelations() throws {
        let results = Matcher().matches(for: seeker, among: [fablab])
        let match = try #require(results.first)
        #expect(Set(match.reasons) == [
            .sharedCommon(name: "OpenStreetMap", yourRole: "uses", theirRole: "uses"),
            .relationTo(kind: "partner"), .relationFrom(kind: "hosts"),
        ])
        #expect(match.score == 3 + 4 + 4)
    }

    @Test("the same kind with no shared word still matches, except for kind other")
    func otherNeedsWords() {
        let a = CatalogFixtures.entry(id: "aa", name: "A", needs: [("other", "Un regard extérieur")])
        let b = CatalogFixtures.entry(id: "bb", name: "B", offers: [("other", "Des chaises pliantes")])
        #expect(Matcher().matches(for: a, among: [b]).isEmpty)
    }
}
