import JSONSchema

/// The rules JSON Schema cannot express (`CS1xx`): references between parts of the
/// description, and the validity of dates, URLs, e-mails, language tags, durations and
/// licence ids whose shape the schema only sketches.
struct SemanticRules {
    let document: JSONValue
    let sourceMap: SourcePositions
    let formats: FormatWalk
    let language: Language

    private var fr: Bool { language == .fr }

    func check() -> [Diagnostic] {
        guard document.objectValue != nil else { return [] }
        let description = Description(document)
        var result: [Diagnostic] = []
        checkIntentions(description, into: &result)
        checkActions(description, into: &result)
        checkRelations(description, into: &result)
        checkValues(into: &result)
        return result
    }

    private func at(_ pointer: JSONPointer, key: Bool = false) -> SourcePosition? {
        (key ? sourceMap.keyPosition(of: pointer) : nil) ?? sourceMap.position(of: pointer) ?? sourceMap.nearestPosition(of: pointer)
    }

    private func make(_ rule: Rule, _ message: String, _ pointer: JSONPointer, key: Bool = false) -> Diagnostic {
        Diagnostic(rule, message, at: at(pointer, key: key), instanceLocation: pointer)
    }

    // MARK: References

    private func checkIntentions(_ description: Description, into result: inout [Diagnostic]) {
        var seen: [String: JSONPointer] = [:]
        for intention in description.intentions {
            if let first = seen[intention.reference] {
                let line = at(first).map { String($0.line) } ?? "?"
                result.append(make(.duplicateIntention, fr
                    ? "l'intention `\(intention.id)` existe déjà dans `\(intention.model.rawValue)` (ligne \(line)) ; donnez-lui un autre `id`"
                    : "intention `\(intention.id)` already exists in `\(intention.model.rawValue)` (line \(line)); give it another `id`",
                    intention.pointer.appending("id")))
            } else {
                seen[intention.reference] = intention.pointer
            }
        }
    }

    private func checkActions(_ description: Description, into result: inout [Diagnostic]) {
        let known = Set(description.intentions.map(\.reference))
        var seen: [String: JSONPointer] = [:]
        for action in description.actions {
            if let id = action.id {
                if let first = seen[id] {
                    let line = at(first).map { String($0.line) } ?? "?"
                    result.append(make(.duplicateAction, fr
                        ? "l'action `\(id)` existe déjà (ligne \(line)) ; donnez-lui un autre `id`"
                        : "action `\(id)` already exists (line \(line)); give it another `id`",
                        action.pointer.appending("id")))
                } else {
                    seen[id] = action.pointer.appending("id")
                }
            }
            let serves = document[action.pointer.appending("serves")]?.arrayValue ?? []
            for (index, element) in serves.enumerated() {
                guard let reference = element.stringValue, reference.contains("/") else { continue }
                guard !known.contains(reference) else { continue }
                let pointer = action.pointer.appending("serves").appending(index: index)
                var message = fr
                    ? "`\(reference)` ne désigne aucune intention : déclarez-la dans `models.\(reference.split(separator: "/").first ?? "").intentions` ou corrigez la référence"
                    : "`\(reference)` names no intention: declare it under `models.\(reference.split(separator: "/").first ?? "").intentions` or fix the reference"
                if let suggestion = Suggestions.closest(to: reference, among: known) {
                    message += fr ? " ; vouliez-vous dire `\(suggestion)` ?" : "; did you mean `\(suggestion)`?"
                }
                result.append(make(.unknownIntention, message, pointer))
            }
            if let start = action.start, let end = action.end, Formats.isDate(start), Formats.isDate(end),
               Formats.expand(end, latest: true) < Formats.expand(start, latest: false) {
                result.append(make(.endBeforeStart, fr
                    ? "l'action finit (`\(end)`) avant de commencer (`\(start)`) ; corrigez `start` ou `end`"
                    : "the action ends (`\(end)`) before it starts (`\(start)`); fix `start` or `end`",
                    action.pointer.appending("end")))
            }
        }
    }

    private func checkRelations(_ description: Description, into result: inout [Diagnostic]) {
        let ownID = description.id
        var seen: [String: JSONPointer] = [:]
        for relation in description.relations {
            guard let id = relation.id else { continue }
            if id == ownID {
                result.append(make(.selfRelation, fr
                    ? "la relation désigne la fiche elle-même (`\(id)`) ; une relation relie à une autre fiche du registre"
                    : "the relation points at this entry itself (`\(id)`); a relation links to another registry entry",
                    relation.pointer.appending("id")))
            }
            let key = "\(id)|\(relation.kind ?? "")"
            if let first = seen[key] {
                let line = at(first).map { String($0.line) } ?? "?"
                result.append(make(.duplicateRelation, fr
                    ? "la relation `\(relation.kind ?? "")` avec `\(id)` figure déjà ligne \(line) ; retirez le doublon"
                    : "the `\(relation.kind ?? "")` relation with `\(id)` is already listed at line \(line); remove the duplicate",
                    relation.pointer.appending("id")))
            } else {
                seen[key] = relation.pointer
            }
        }
    }

    // MARK: Values typed by the schema

    /// The `$defs` shapes whose values these rules check.
    static let checkedDefinitions: Set<String> = ["date", "url", "email", "language_tag", "spdx_id", "duration", "text", "required_text", "summary_text", "texts"]

    private func checkValues(into result: inout [Diagnostic]) {
        formats.walk(document) { definition, value, path in
            switch definition {
            case "text", "required_text", "summary_text":
                checkLanguageKeys(value, path, into: &result)
            case "texts":
                if let list = value.arrayValue {
                    for (index, element) in list.enumerated() { checkLanguageKeys(element, path + [String(index)], into: &result) }
                } else {
                    checkLanguageKeys(value, path, into: &result)
                }
            default:
                guard let text = value.stringValue else { return }
                if let diagnostic = checkFormat(definition, text, path) { result.append(diagnostic) }
            }
        }
    }

    private func checkLanguageKeys(_ value: JSONValue, _ path: [String], into result: inout [Diagnostic]) {
        guard let object = value.objectValue else { return }
        for key in object.keys where !Formats.isLanguageTag(key) {
            let pointer = JSONPointer(tokens: path)
            result.append(make(.invalidLanguageTag, fr
                ? "`\(key)` n'est pas une étiquette de langue BCP 47 bien formée ; une traduction se note par sa langue (`fr`, `en`, `fr-BE`…)"
                : "`\(key)` is not a well-formed BCP 47 language tag; a translation is keyed by its language (`fr`, `en`, `fr-BE`…)",
                pointer.appending(key), key: true))
        }
    }

    // swiftlint:disable:next cyclomatic_complexity
    /// Whether a value of a `$defs` shape needs no diagnostic (the common case, checked
    /// before any message is built).
    private static func isFine(_ definition: String, _ text: String) -> Bool {
        switch definition {
        case "date": return Formats.isDate(text)
        case "url": return Formats.isWebURL(text)
        case "email": return Formats.isEmail(text)
        case "language_tag": return Formats.isLanguageTag(text)
        case "duration": return Formats.isDuration(text)
        case "spdx_id":
            switch SPDXLicences.status(of: text) {
            case .current, .reference: return true
            case .deprecated, .unknown: return false
            }
        default: return true
        }
    }

    private func checkFormat(_ definition: String, _ text: String, _ path: [String]) -> Diagnostic? {
        guard !SemanticRules.isFine(definition, text) else { return nil }
        let pointer = JSONPointer(tokens: path)
        let field = ValueText.field(pointer)
        switch definition {
        case "date":
            guard !Formats.isDate(text) else { return nil }
            return make(.invalidDate, fr
                ? "\(field) : `\(text)` n'est pas une date qui existe (`AAAA`, `AAAA-MM` ou `AAAA-MM-JJ`, mois de 01 à 12, jour valide pour le mois)"
                : "\(field): `\(text)` is not a date that exists (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, month 01 to 12, a valid day for the month)", pointer)
        case "url":
            guard !Formats.isWebURL(text) else { return nil }
            return make(.invalidURL, fr
                ? "\(field) : `\(text)` n'est pas une URL http(s) bien formée (par exemple `https://exemple.org/page`)"
                : "\(field): `\(text)` is not a well-formed http(s) URL (such as `https://example.org/page`)", pointer)
        case "email":
            guard !Formats.isEmail(text) else { return nil }
            return make(.invalidEmail, fr
                ? "\(field) : `\(text)` n'est pas une adresse électronique bien formée (par exemple `nom@exemple.org`)"
                : "\(field): `\(text)` is not a well-formed e-mail address (such as `name@example.org`)", pointer)
        case "language_tag":
            guard !Formats.isLanguageTag(text) else { return nil }
            return make(.invalidLanguageTag, fr
                ? "\(field) : `\(text)` n'est pas une étiquette de langue BCP 47 bien formée (par exemple `fr`, `en`, `fr-BE`)"
                : "\(field): `\(text)` is not a well-formed BCP 47 language tag (such as `fr`, `en`, `fr-BE`)", pointer)
        case "duration":
            guard !Formats.isDuration(text) else { return nil }
            return make(.invalidDuration, fr
                ? "\(field) : `\(text)` n'est pas une durée ISO 8601 (par exemple `P6M` pour six mois, `P1Y` pour un an)"
                : "\(field): `\(text)` is not an ISO 8601 duration (such as `P6M` for six months, `P1Y` for a year)", pointer)
        case "spdx_id":
            switch SPDXLicences.status(of: text) {
            case .current, .reference:
                return nil
            case .deprecated(let canonical):
                return make(.deprecatedLicence, fr
                    ? "\(field) : l'identifiant SPDX `\(canonical)` est obsolète ; utilisez son remplaçant (par exemple `-only` ou `-or-later` pour les licences GNU)"
                    : "\(field): the SPDX identifier `\(canonical)` is deprecated; use its replacement (such as `-only` or `-or-later` for GNU licences)", pointer)
            case .unknown:
                var message = fr
                    ? "\(field) : `\(text)` n'est pas un identifiant de la liste des licences SPDX (https://spdx.org/licenses/)"
                    : "\(field): `\(text)` is not an identifier on the SPDX licence list (https://spdx.org/licenses/)"
                if let suggestion = SPDXLicences.suggestion(for: text) {
                    message += fr ? " ; vouliez-vous dire `\(suggestion)` ?" : "; did you mean `\(suggestion)`?"
                } else {
                    message += fr ? " ; pour une autre licence, écrivez `LicenseRef-<nom>`" : "; for another licence, write `LicenseRef-<name>`"
                }
                return make(.unknownLicence, message, pointer)
            }
        default:
            return nil
        }
    }
}
