import Testing
@testable import Catalog

@Suite("Text folding")
struct TextFoldingTests {
    @Test("keys fold case, accents and ligatures", arguments: [
        ("Mobilité", "mobilite"), ("ŒUVRE", "oeuvre"), ("l’Œuvre", "l'oeuvre"), ("Ex æquo", "ex aequo"),
        ("ﬁlière", "filiere"), ("Straße", "strasse"), ("Çà et là", "ca et la"),
    ])
    func keys(input: String, expected: String) {
        #expect(TextFolding.key(input) == expected)
    }

    @Test("index text keeps accents and case but rewrites ligatures and apostrophes")
    func forIndex() {
        #expect(TextFolding.forIndex("L’Œuvre d‘art") == "L'OEuvre d'art")
        #expect(TextFolding.forIndex("Mobilité") == "Mobilité")
    }

    @Test("significant words drop stop words and short words and reduce plurals")
    func significant() {
        #expect(TextFolding.significantWords("Un lieu pour nos ateliers de réparation") == ["lieu", "atelier", "reparation"])
        #expect(TextFolding.significantWords("We need a room for the workshops") == ["room", "workshop"])
    }
}
