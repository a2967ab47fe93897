import JSONSchema

/// Completeness figures and their warnings (`CS2xx`): empty sections, models neither
/// described nor marked not applicable, intentions no action serves, actions serving no
/// intention.
struct CompletenessCheck {
    let document: JSONValue
    let sourceMap: SourcePositions
    let language: Language

    private var fr: Bool { language == .fr }

    func check() -> (Completeness, [Diagnostic]) {
        let description = Description(document)
        var figures = Completeness()
        var warnings: [Diagnostic] = []
        for section in SectionName.allCases {
            switch description.state(of: section) {
            case .described: figures.sections.described += 1
            case .notApplicable: figures.sections.notApplicable += 1
            case .empty:
                figures.sections.empty += 1
                let pointer = JSONPointer(tokens: [section.rawValue])
                warnings.append(Diagnostic(.emptySection, fr
                    ? "la section `\(section.rawValue)` est vide : décrivez-la, ou marquez-la `not_applicable: <raison>`"
                    : "section `\(section.rawValue)` is empty: describe it, or mark it `not_applicable: <reason>`",
                    at: sourceMap.keyPosition(of: pointer), instanceLocation: pointer))
            }
        }
        for model in ModelName.allCases {
            switch description.state(of: model) {
            case .described: figures.models.described += 1
            case .notApplicable: figures.models.notApplicable += 1
            case .empty:
                figures.models.empty += 1
                let pointer = JSONPointer(tokens: ["models", model.rawValue])
                warnings.append(Diagnostic(.emptyModel, fr
                    ? "le modèle `\(model.rawValue)` (\(model.title(in: .fr))) n'est ni décrit ni marqué non applicable : décrivez-le, ou écrivez `not_applicable: <raison>`"
                    : "model `\(model.rawValue)` (\(model.title(in: .en))) is neither described nor marked not applicable: describe it, or write `not_applicable: <reason>`",
                    at: sourceMap.keyPosition(of: pointer) ?? sourceMap.keyPosition(of: JSONPointer(tokens: ["models"])),
                    instanceLocation: pointer))
            }
        }
        let intentions = description.intentions
        let actions = description.actions
        figures.intentions = intentions.count
        figures.actions = actions.count
        let served = Set(actions.flatMap(\.serves))
        for intention in intentions where !served.contains(intention.reference) {
            figures.unservedIntentions += 1
            warnings.append(Diagnostic(.unservedIntention, fr
                ? "aucune action ne sert l'intention `\(intention.reference)` : ajoutez une action avec `serves: [\(intention.reference)]`"
                : "no action serves intention `\(intention.reference)`: add an action with `serves: [\(intention.reference)]`",
                at: sourceMap.position(of: intention.pointer), instanceLocation: intention.pointer))
        }
        for action in actions where action.serves.isEmpty {
            figures.actionsServingNothing += 1
            let name = action.id.map { "`\($0)`" } ?? ValueText.field(action.pointer)
            warnings.append(Diagnostic(.actionServesNothing, fr
                ? "l'action \(name) ne sert aucune intention : indiquez lesquelles dans `serves` (`<modèle>/<id d'intention>`)"
                : "action \(name) serves no intention: list them in `serves` (`<model>/<intention id>`)",
                at: sourceMap.position(of: action.pointer), instanceLocation: action.pointer))
        }
        return (figures, warnings)
    }
}
