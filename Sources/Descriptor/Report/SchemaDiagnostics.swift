import JSONSchema

/// Turns the engine's schema errors into diagnostics worded for people, in French or
/// English, placed at the key or value they are about, with "did you mean" hints.
struct SchemaDiagnostics {
    let document: JSONValue
    let sourceMap: SourcePositions
    let schema: JSONValue
    let language: Language

    private var fr: Bool { language == .fr }

    func diagnostics(for errors: [ValidationError]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen = Set<String>()
        for error in errors {
            for diagnostic in diagnostics(for: error) {
                let key = "\(diagnostic.rule)|\(diagnostic.instanceLocation)|\(diagnostic.message)"
                if seen.insert(key).inserted { result.append(diagnostic) }
            }
        }
        return result
    }

    private func diagnostic(_ error: ValidationError, _ message: String, at pointer: JSONPointer, preferKey: Bool) -> Diagnostic {
        let position = preferKey
            ? (sourceMap.keyPosition(of: pointer) ?? sourceMap.nearestPosition(of: pointer))
            : (sourceMap.position(of: pointer) ?? sourceMap.nearestPosition(of: pointer))
        return Diagnostic(
            severity: .error, rule: error.keyword, message: message,
            line: position?.line ?? 1, column: position?.column ?? 1,
            instanceLocation: pointer, keywordLocation: error.keywordLocation)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func diagnostics(for error: ValidationError) -> [Diagnostic] {
        let at = error.instanceLocation
        let tokens = error.keywordLocation.tokens
        if let index = tokens.firstIndex(of: "dependentSchemas"), index + 1 < tokens.count, tokens[index + 1] == "not_applicable" {
            return notApplicableConflicts(error)
        }
        let field = ValueText.field(at)
        switch error.kind {
        case .additionalPropertyNotAllowed(let name, let allowed), .unevaluatedPropertyNotAllowed(let name, let allowed):
            let pointer = document[at.appending(name)] != nil ? at.appending(name) : at
            var message = fr ? "clé inconnue `\(name)`" : "unknown key `\(name)`"
            let container = pointer == at ? at.parent : at
            if container.isRoot {
                message += fr ? " au premier niveau" : " at the top level"
            } else {
                message += fr ? " dans \(ValueText.field(container))" : " in \(ValueText.field(container))"
            }
            let names = allowed.isEmpty ? allowedNames(at: error) : allowed
            if let suggestion = Suggestions.closest(to: name, among: names) {
                message += fr ? " ; vouliez-vous dire `\(suggestion)` ?" : "; did you mean `\(suggestion)`?"
            } else if !names.isEmpty {
                let list = names.filter { $0 != "not_applicable" }.map { "`\($0)`" }.joined(separator: ", ")
                message += fr
                    ? " ; clés possibles : \(list) (ou une extension `x-…`)"
                    : "; expected one of \(list) (or an `x-…` extension)"
            }
            return [diagnostic(error, message, at: pointer, preferKey: true)]
        case .missingProperty(let property):
            let message: String
            if at.isRoot {
                message = fr
                    ? "clé obligatoire `\(property)` absente ; ajoutez-la au premier niveau"
                    : "missing required key `\(property)`; add it at the top level"
            } else {
                message = fr
                    ? "clé obligatoire `\(property)` absente de \(field)"
                    : "missing required key `\(property)` in \(field)"
            }
            return [diagnostic(error, message, at: at, preferKey: true)]
        case .type(let expected, let actual):
            let wanted = ValueText.typeList(expected, language)
            let message = fr
                ? "\(field) : attendu \(wanted), trouvé \(ValueText.describe(actual, language))"
                : "\(field): expected \(wanted), got \(ValueText.describe(actual, language))"
            return [diagnostic(error, message, at: at, preferKey: false)]
        case .notInEnum(let allowed, let actual):
            let list = allowed.map { ValueText.short($0) }.joined(separator: ", ")
            var message = fr
                ? "\(field) : \(ValueText.short(actual)) n'est pas une valeur permise ; valeurs possibles : \(list)"
                : "\(field): \(ValueText.short(actual)) is not allowed; expected one of \(list)"
            if let text = actual.stringValue,
               let suggestion = Suggestions.closest(to: text, among: allowed.compactMap(\.stringValue), caseInsensitive: true) {
                message += fr ? " ; vouliez-vous dire `\(suggestion)` ?" : "; did you mean `\(suggestion)`?"
            }
            return [diagnostic(error, message, at: at, preferKey: false)]
        case .notConst(let expected, let actual):
            let message: String
            if at == JSONPointer(tokens: ["codesocial"]) {
                message = fr
                    ? "version de format \(ValueText.short(actual)) non prise en charge : cette version de codesocial lit la version \(ValueText.short(expected)) ; mettez `codesocial: \(ValueText.short(expected))` ou mettez à jour codesocial"
                    : "unsupported format version \(ValueText.short(actual)): this codesocial reads version \(ValueText.short(expected)); write `codesocial: \(ValueText.short(expected))` or update codesocial"
            } else {
                message = fr
                    ? "\(field) : attendu \(ValueText.short(expected)), trouvé \(ValueText.short(actual))"
                    : "\(field): expected \(ValueText.short(expected)), got \(ValueText.short(actual))"
            }
            return [diagnostic(error, message, at: at, preferKey: false)]
        case .patternMismatch(_, let actual):
            return [diagnostic(error, patternMessage(error, field: field, actual: actual), at: at, preferKey: false)]
        case .tooShort(let limit, _):
            let message = limit <= 1
                ? (fr ? "\(field) est vide ; écrivez-le, ou retirez la clé" : "\(field) is empty; write it, or remove the key")
                : (fr ? "\(field) : au moins \(limit) caractères attendus" : "\(field): expected at least \(limit) characters")
            return [diagnostic(error, message, at: at, preferKey: false)]
        case .tooLong(let limit, let actual):
            let message = fr
                ? "\(field) fait \(actual) caractères, plus que les \(limit) permis ; raccourcissez-le"
                : "\(field) is \(actual) characters long, more than the \(limit) allowed; shorten it"
            return [diagnostic(error, message, at: at, preferKey: false)]
        case .tooFewItems(let limit, _):
            let message = fr
                ? "\(field) : au moins \(limit) élément\(limit == 1 ? "" : "s") attendu\(limit == 1 ? "" : "s")"
                : "\(field): expected at least \(limit) item\(limit == 1 ? "" : "s")"
            return [diagnostic(error, message, at: at, preferKey: true)]
        case .tooFewProperties(let limit, _):
            let message = fr
                ? "\(field) est vide : au moins \(limit) entrée\(limit == 1 ? "" : "s") attendue\(limit == 1 ? "" : "s") (par exemple `fr: …`)"
                : "\(field) is empty: expected at least \(limit) entr\(limit == 1 ? "y" : "ies") (such as `fr: …`)"
            return [diagnostic(error, message, at: at, preferKey: false)]
        case .belowMinimum(let limit, let exclusive, let actual):
            let message = fr
                ? "\(field) : \(actual) est trop petit (\(exclusive ? "plus de" : "au moins") \(limit) attendu)"
                : "\(field): \(actual) is too small (expected \(exclusive ? "more than" : "at least") \(limit))"
            return [diagnostic(error, message, at: at, preferKey: false)]
        default:
            let message = fr ? "\(field) : \(Self.french(error.kind))" : "\(field): \(error.message)"
            return [diagnostic(error, message, at: at, preferKey: false)]
        }
    }

    /// Keys beside `not_applicable` in a section: one diagnostic per offending key.
    private func notApplicableConflicts(_ error: ValidationError) -> [Diagnostic] {
        var section = error.instanceLocation
        while !(document[section]?.objectValue?.keys.contains("not_applicable") ?? false), !section.isRoot {
            section = section.parent
        }
        guard let object = document[section]?.objectValue else { return [] }
        return object.keys.filter { $0 != "not_applicable" && !$0.hasPrefix("x-") }.map { key in
            let pointer = section.appending(key)
            let message = fr
                ? "`\(key)` ne peut pas être à côté de `not_applicable` dans \(ValueText.field(section)) : une partie est soit non applicable, soit décrite ; retirez l'un des deux"
                : "`\(key)` cannot sit beside `not_applicable` in \(ValueText.field(section)): a part is either not applicable or described; remove one of them"
            return diagnostic(error, message, at: pointer, preferKey: true)
        }
    }

    private func patternMessage(_ error: ValidationError, field: String, actual: String) -> String {
        let shown = ValueText.short(.string(actual))
        switch SchemaWalk.lastDefinition(along: error.keywordLocation, in: schema) {
        case "slug":
            return fr
                ? "\(field) : \(shown) n'est pas un identifiant : lettres minuscules sans accent, chiffres et tirets simples (par exemple `mon-projet`)"
                : "\(field): \(shown) is not an identifier: lowercase ASCII letters, digits and single hyphens (such as `my-project`)"
        case "date":
            return fr
                ? "\(field) : \(shown) n'est pas une date `AAAA`, `AAAA-MM` ou `AAAA-MM-JJ` (par exemple `2024-03-15`)"
                : "\(field): \(shown) is not a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (such as `2024-03-15`)"
        case "duration":
            return fr
                ? "\(field) : \(shown) n'est pas une durée ISO 8601 (par exemple `P6M` pour six mois, `P1Y` pour un an)"
                : "\(field): \(shown) is not an ISO 8601 duration (such as `P6M` for six months, `P1Y` for a year)"
        case "url":
            return fr
                ? "\(field) : \(shown) n'est pas une URL http(s) (par exemple `https://exemple.org`)"
                : "\(field): \(shown) is not an http(s) URL (such as `https://example.org`)"
        case "language_tag":
            return fr
                ? "\(field) : \(shown) n'est pas une étiquette de langue BCP 47 (par exemple `fr`, `en`, `fr-BE`)"
                : "\(field): \(shown) is not a BCP 47 language tag (such as `fr`, `en`, `fr-BE`)"
        case "spdx_id":
            return fr
                ? "\(field) : \(shown) n'est pas un identifiant de licence SPDX (par exemple `CC-BY-SA-4.0`)"
                : "\(field): \(shown) is not an SPDX licence identifier (such as `CC-BY-SA-4.0`)"
        default:
            if error.instanceLocation.tokens.contains("serves") {
                return fr
                    ? "\(field) : \(shown) n'a pas la forme `<modèle>/<id d'intention>` (par exemple `economic/ateliers-ouverts`)"
                    : "\(field): \(shown) is not of the form `<model>/<intention id>` (such as `economic/open-workshops`)"
            }
            return fr ? "\(field) : \(Self.french(error.kind))" : "\(field): \(error.message)"
        }
    }

    /// The property names the schema object holding the failing keyword declares.
    private func allowedNames(at error: ValidationError) -> [String] {
        let parentPath = JSONPointer(tokens: Array(error.keywordLocation.tokens.dropLast()))
        guard let parent = SchemaWalk.resolve(parentPath, in: schema), let properties = parent["properties"]?.objectValue else { return [] }
        return properties.keys
    }
}
