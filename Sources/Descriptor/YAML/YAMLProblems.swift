/// libyaml's most frequent problems, explained in French and English with how to fix them
/// (people who write descriptions are rarely YAML experts).
enum YAMLProblems {
    private struct Entry {
        let problem: String
        let en: String
        let fr: String
    }

    private static let entries: [Entry] = [
        Entry(problem: "mapping values are not allowed in this context",
              en: "a `: ` inside a value starts a new key: put the value in quotes (`name: \"Atelier: vélo\"`)",
              fr: "deux-points inattendu : un `: ` dans une valeur commence une nouvelle clé ; mettez la valeur entre guillemets (`name: \"Atelier : vélo\"`)"),
        Entry(problem: "did not find expected key",
              en: "check the indentation: the keys of one mapping start in the same column, and a `- ` item cannot follow a key at the same level",
              fr: "clé attendue : vérifiez l'indentation, les clés d'une même table commencent à la même colonne et un élément `- ` ne peut pas suivre une clé au même niveau"),
        Entry(problem: "did not find expected ',' or ']'",
              en: "a `[` list is not closed: add the missing `]` (or a `,` between items)",
              fr: "liste `[` non fermée : ajoutez le `]` manquant (ou une `,` entre les éléments)"),
        Entry(problem: "did not find expected ',' or '}'",
              en: "a `{` mapping is not closed: add the missing `}` (or a `,` between entries)",
              fr: "table `{` non fermée : ajoutez l'accolade `}` manquante (ou une `,` entre les entrées)"),
        Entry(problem: "found unexpected end of stream",
              en: "the file ends inside a value: a quote, a bracket or a brace is not closed",
              fr: "le fichier se termine au milieu d'une valeur : un guillemet, un crochet ou une accolade n'est pas fermé"),
        Entry(problem: "could not find expected ':'",
              en: "a key needs a `:` after it",
              fr: "il manque `:` après une clé"),
        Entry(problem: "block sequence entries are not allowed in this context",
              en: "a `- ` list item is not allowed here: check the indentation",
              fr: "un élément de liste `- ` n'est pas permis ici : vérifiez l'indentation"),
        Entry(problem: "found character that cannot start any token",
              en: "this character cannot start a value: quote the value (`@`, `` ` `` and `%` must be quoted)",
              fr: "ce caractère ne peut pas commencer une valeur : mettez la valeur entre guillemets (`@`, `` ` `` et `%` doivent l'être)"),
        Entry(problem: "control characters are not allowed",
              en: "control characters are not allowed: remove them",
              fr: "caractères de contrôle interdits : retirez-les"),
    ]

    /// The message for libyaml's `text` (its problem, possibly followed by its context).
    static func message(_ text: String, in language: Language) -> String {
        let tab = text.hasSuffix("; indent with spaces, not tabs")
        guard let entry = entries.first(where: { text.hasPrefix($0.problem) }) else {
            return language == .fr ? "YAML invalide : \(text)" : "invalid YAML: \(text)"
        }
        if tab {
            return language == .fr
                ? "YAML invalide : tabulation dans l'indentation ; indentez avec des espaces"
                : "invalid YAML: a tab in the indentation; indent with spaces, not tabs"
        }
        if language == .fr { return "YAML invalide : \(entry.fr)" }
        return entry.en.hasPrefix(entry.problem) ? "invalid YAML: \(entry.en)" : "invalid YAML: \(text); \(entry.en)"
    }
}
