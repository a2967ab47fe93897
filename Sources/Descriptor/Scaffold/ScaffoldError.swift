/// Why a scaffold could not be made or written, with a message a person can act on.
public enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    /// The name is empty.
    case emptyName
    /// The name spans several lines.
    case multilineName
    /// No id can be derived from the name (too few letters or digits): an id must be given.
    case noIdForName(String)
    /// The id is not a lowercase ASCII slug of 2–64 characters; a corrected suggestion if any.
    case invalidId(String, suggestion: String?)
    /// The kind is not one of `project`, `organisation`, `idea`, `collaboration`.
    case invalidKind(String)
    /// The language is neither French nor English.
    case invalidLanguage(String)
    /// The summary is empty.
    case emptySummary
    /// The summary is longer than 300 characters (its length is given).
    case summaryTooLong(Int)
    /// The name (`field` "name") or the summary (`field` "summary") holds a control character
    /// (U+0000–U+001F, U+007F–U+009F other than line breaks), which YAML cannot hold unescaped.
    case controlCharacter(field: String, scalar: UInt32)
    /// The input ended before every question was answered.
    case inputEnded
    /// A description already exists at this path and `--force` was not given.
    case alreadyExists(path: String)
    /// The folder given to `init` is a file (or something else that is not a folder).
    case notAFolder(path: String)
    /// The file could not be written (the system's reason is given).
    case cannotWrite(path: String, reason: String)
    /// The schema has no usable shape at a location the generator needs (a bug in the schema).
    case unsupportedSchema(String)

    /// The message in English.
    public var description: String { message(in: .en) }

    /// The message in `language`: what is wrong and how to fix it.
    public func message(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .emptyName:
            return fr ? "le nom est vide : donnez le nom du projet ou de l'organisation"
                      : "the name is empty: give the project's or organisation's name"
        case .multilineName:
            return fr ? "le nom doit tenir sur une ligne" : "the name must fit on one line"
        case .noIdForName(let name):
            return fr ? "impossible de déduire un identifiant de « \(name) » : donnez-en un avec --id (lettres minuscules sans accent, chiffres et tirets, 2 à 64 caractères)"
                      : "cannot derive an id from \"\(name)\": give one with --id (lowercase ASCII letters, digits and hyphens, 2 to 64 characters)"
        case .invalidId(let id, let suggestion):
            let hint = suggestion.map { fr ? " ; par exemple « \($0) »" : "; for example \"\($0)\"" } ?? ""
            return fr ? "identifiant invalide « \(id) » : lettres minuscules sans accent, chiffres et tirets simples entre les mots, 2 à 64 caractères\(hint)"
                      : "invalid id \"\(id)\": use lowercase ASCII letters, digits and single hyphens between words, 2 to 64 characters\(hint)"
        case .invalidKind(let kind):
            return fr ? "nature inconnue « \(kind) » : choisissez projet, organisation, idée ou collaboration"
                      : "unknown kind \"\(kind)\": choose project, organisation, idea or collaboration"
        case .invalidLanguage(let language):
            return fr ? "langue non prise en charge « \(language) » : choisissez fr ou en"
                      : "unsupported language \"\(language)\": choose fr or en"
        case .emptySummary:
            return fr ? "le résumé est vide : une ou deux phrases suffisent" : "the summary is empty: one or two sentences are enough"
        case .summaryTooLong(let count):
            return fr ? "le résumé fait \(count) caractères : 300 au plus ; les détails vont dans general.description"
                      : "the summary has \(count) characters: 300 at most; details belong in general.description"
        case .controlCharacter(let field, let scalar):
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(scalar, radix: 16).count)) + String(scalar, radix: 16, uppercase: true)
            let what = field == "summary" ? (fr ? "le résumé" : "the summary") : (fr ? "le nom" : "the name")
            return fr ? "\(what) contient un caractère de contrôle (\(code)) : retirez-le"
                      : "\(what) contains a control character (\(code)): remove it"
        case .inputEnded:
            return fr ? "l'entrée s'est terminée avant la fin des questions : relancez avec --yes pour utiliser les valeurs par défaut"
                      : "the input ended before every question was answered: run again with --yes to use the defaults"
        case .alreadyExists(let path):
            return fr ? "\(path) existe déjà : il n'est pas remplacé ; ajoutez --force pour l'écraser, ou choisissez un autre dossier"
                      : "\(path) already exists and was left untouched: add --force to overwrite it, or choose another folder"
        case .notAFolder(let path):
            return fr ? "\(path) n'est pas un dossier : donnez le dossier où écrire codesocial.yml"
                      : "\(path) is not a folder: give the folder where codesocial.yml should be written"
        case .cannotWrite(let path, let reason):
            return fr ? "impossible d'écrire \(path) : \(reason)" : "cannot write \(path): \(reason)"
        case .unsupportedSchema(let detail):
            return fr ? "schéma inattendu : \(detail)" : "unexpected schema: \(detail)"
        }
    }
}
