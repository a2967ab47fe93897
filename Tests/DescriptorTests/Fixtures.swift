import Descriptor
import Foundation
import JSONSchema

/// Descriptions used across the tests.
enum Fixtures {
    /// A complete, valid description: no error, no warning.
    static let complete = """
    codesocial: 1
    id: atelier-velo
    name: L'Atelier Vélo
    kind: organisation
    summary:
      fr: Un atelier associatif de réparation de vélos.
      en: A community bike repair workshop.
    language: fr
    tags: [mobilité, réemploi]
    links:
      website: https://atelier-velo.example.org
    licence: CC-BY-SA-4.0
    general:
      legal_form: association loi 1901
      founded: 2019-04
      contacts:
        - name: Ana
          role: coordination
          email: ana@atelier-velo.example.org
    story:
      narrative: Né d'un garage partagé.
      milestones:
        - date: 2019-04-12
          text: Ouverture
    purpose:
      stakes: Rendre la mobilité douce accessible.
      missions:
        - Réparer
        - Former
    models:
      artistic_cultural:
        not_applicable: Pas d'activité artistique.
      social_human:
        principles: Entraide
        intentions:
          - id: ateliers-ouverts
            text: Ouvrir l'atelier à tous
      ecological:
        principles: Réemploi
      technological:
        principles: Outils libres
      economic:
        principles: Prix libre
      legal_financial:
        structure: Association
    governance:
      maintainers:
        - name: Ana
          email: ana@atelier-velo.example.org
      review:
        every: P6M
        last: 2024-01-15
    actions:
      - id: permanences
        title: Permanences du samedi
        status: ongoing
        serves: [social_human/ateliers-ouverts]
        start: 2019-05
    catalogue:
      offers:
        - kind: skill
          text: Mécanique vélo
    commons:
      - name: OpenStreetMap
        role: uses
        licence: ODbL-1.0
        url: https://www.openstreetmap.org
    relations:
      - id: maison-des-communs
        kind: member_of
    knowledge_seeds:
      - question: Comment financer un local ?
        resources: [https://example.org/guide]
        people: [Ana]

    """

    /// The complete description with `old` replaced by `new` (which must occur).
    static func complete(replacing old: String, with new: String) -> String {
        precondition(complete.contains(old), "fixture does not contain \(old)")
        return complete.replacingOccurrences(of: old, with: new)
    }

    /// The line number (1-based) of the first line containing `text`.
    static func line(of text: String, in source: String = complete) -> Int {
        (source.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    /// A shared English checker.
    static let english: DescriptionChecker = {
        do { return try DescriptionChecker(language: .en) } catch { fatalError("checker: \(error)") }
    }()

    /// A shared French checker.
    static let french: DescriptionChecker = {
        do { return try DescriptionChecker(language: .fr) } catch { fatalError("checker: \(error)") }
    }()

    /// Checks YAML text.
    static func check(_ text: String, language: Language = .en, path: String = "codesocial.yml") -> FileReport {
        (language == .en ? english : french).check(Data(text.utf8), path: path)
    }

    /// Loads YAML text without checking it.
    static func load(_ text: String, limits: Limits = .default) throws(LoadError) -> LoadedDocument {
        try DocumentLoader.load(Data(text.utf8), syntax: .yaml, limits: limits)
    }

    /// The diagnostics of `report` for `rule`.
    static func diagnostics(_ report: FileReport, _ rule: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule == rule }
    }
}
