import JSONSchema

/// Why a file could not be read as a description document: each hostile or malformed
/// input gets one of these, with where it happened when that is known.
public struct LoadError: Error, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file is larger than ``Limits/maxBytes``; `size` is its real size when known (nil: only the first `limit + 1` bytes were read).
        case fileTooLarge(size: Int?, limit: Int)
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A NUL byte (U+0000).
        case nulByte
        /// More than one YAML document (`---`) in the file.
        case severalDocuments
        /// The file holds no document at all (empty, or only comments).
        case emptyDocument
        /// Mappings and sequences nested deeper than ``Limits/maxDepth``.
        case tooDeep(limit: Int)
        /// More values than ``Limits/maxNodes`` once aliases are expanded.
        case tooManyValues(limit: Int)
        /// The same key twice in one mapping (also `a` and `"a"`); `first` is where it first appeared.
        case duplicateKey(String, first: SourcePosition?)
        /// A mapping key that is not a scalar (`? [a, b]`).
        case complexKey
        /// A tag outside the YAML 1.2 core schema (`!!binary`, `!custom`, …).
        case unsupportedTag(String)
        /// A scalar whose explicit tag does not fit its text (`!!int abc`).
        case invalidTaggedScalar(tag: String, text: String)
        /// `.inf`, `-.inf` or `.nan`, which JSON cannot represent.
        case nonFiniteNumber(String)
        /// A YAML syntax error reported by the parser (its problem text, in English).
        case yamlSyntax(String)
        /// A JSON syntax error (a `.json` file), with the parser's message.
        case jsonSyntax(String)
    }

    /// What went wrong.
    public let kind: Kind
    /// Where it happened, when known.
    public let position: SourcePosition?

    /// Creates an error.
    public init(_ kind: Kind, at position: SourcePosition?) {
        self.kind = kind
        self.position = position
    }

    /// The stable rule that names this error.
    public var rule: Rule {
        switch kind {
        case .fileTooLarge: .fileTooLarge
        case .invalidUTF8: .invalidUTF8
        case .nulByte: .nulByte
        case .severalDocuments: .severalDocuments
        case .emptyDocument: .emptyDocument
        case .tooDeep: .nestingTooDeep
        case .tooManyValues: .tooManyValues
        case .duplicateKey: .duplicateKey
        case .complexKey: .complexKey
        case .unsupportedTag, .invalidTaggedScalar: .unsupportedTag
        case .nonFiniteNumber: .nonFiniteNumber
        case .yamlSyntax: .yamlSyntax
        case .jsonSyntax: .jsonSyntax
        }
    }

    /// What is wrong and how to fix it, in `language`.
    public func message(in language: Language) -> String {
        let fr = language == .fr
        switch kind {
        case .fileTooLarge(let size, let limit):
            let unit = limit % (1 << 20) == 0 ? " (\(limit >> 20) MiB)" : limit % 1024 == 0 ? " (\(limit >> 10) KiB)" : ""
            let frUnit = limit % (1 << 20) == 0 ? " (\(limit >> 20) Mio)" : limit % 1024 == 0 ? " (\(limit >> 10) Kio)" : ""
            let frSize = size.map { " (\($0) octets)" } ?? ""
            let enSize = size.map { " (\($0) bytes)" } ?? ""
            return fr
                ? "le fichier\(frSize) dépasse la limite de \(limit) octets\(frUnit) ; une description tient en quelques dizaines de Kio : vérifiez que c'est le bon fichier, ou relevez la limite avec `validate --max-size` si c'est voulu"
                : "the file\(enSize) is larger than \(limit) bytes\(unit); a description takes a few tens of KiB: check that this is the right file, or raise the limit with `validate --max-size` if intended"
        case .invalidUTF8:
            return fr
                ? "octets qui ne sont pas de l'UTF-8 ; enregistrez le fichier en UTF-8"
                : "bytes that are not UTF-8; save the file as UTF-8"
        case .nulByte:
            return fr
                ? "caractère NUL (octet 0) : ce n'est pas un fichier texte ; retirez-le ou enregistrez le fichier en UTF-8"
                : "NUL character (byte 0): this is not a text file; remove it or save the file as UTF-8"
        case .severalDocuments:
            return fr
                ? "plusieurs documents YAML (séparés par `---`) ; un fichier décrit un seul projet : gardez un seul document"
                : "several YAML documents (separated by `---`); a file describes one project: keep a single document"
        case .emptyDocument:
            return fr
                ? "le fichier est vide ; créez une description avec `codesocial init`"
                : "the file is empty; create a description with `codesocial init`"
        case .tooDeep(let limit):
            return fr
                ? "imbrication trop profonde (plus de \(limit) niveaux) ; une description en compte moins de 10"
                : "nesting too deep (more than \(limit) levels); a description needs fewer than 10"
        case .tooManyValues(let limit):
            return fr
                ? "le document compte plus de \(limit) valeurs (en comptant ce que répètent les alias YAML `*nom`) ; une description en compte quelques centaines : retirez les alias en cascade ou vérifiez que c'est le bon fichier"
                : "the document holds more than \(limit) values (counting what YAML aliases `*name` repeat); a description holds a few hundred: remove nested aliases or check that this is the right file"
        case .duplicateKey(let key, let first):
            let whereFirst = first.map { fr ? " (déjà présente ligne \($0.line))" : " (already at line \($0.line))" } ?? ""
            return fr
                ? "clé `\(key)` en double\(whereFirst) ; `a` et `\"a\"` sont la même clé : gardez-en une seule"
                : "duplicate key `\(key)`\(whereFirst); `a` and `\"a\"` are the same key: keep only one"
        case .complexKey:
            return fr
                ? "une clé doit être un texte simple, pas une liste ni une table"
                : "a key must be a plain text, not a list or a mapping"
        case .unsupportedTag(let tag):
            return fr
                ? "étiquette YAML `\(tag)` non prise en charge ; seules celles du schéma de base YAML 1.2 le sont (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`) : retirez-la"
                : "unsupported YAML tag `\(tag)`; only the YAML 1.2 core schema tags are accepted (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`): remove it"
        case .invalidTaggedScalar(let tag, let text):
            return fr
                ? "`\(text)` ne correspond pas à l'étiquette `\(tag)` ; corrigez la valeur ou retirez l'étiquette"
                : "`\(text)` does not match its tag `\(tag)`; fix the value or remove the tag"
        case .nonFiniteNumber(let text):
            return fr
                ? "`\(text)` (infini ou NaN) n'existe pas en JSON ; mettez-le entre guillemets si c'est un texte"
                : "`\(text)` (infinity or NaN) has no JSON equivalent; quote it if you meant text"
        case .yamlSyntax(let problem):
            return YAMLProblems.message(problem, in: language)
        case .jsonSyntax(let problem):
            return fr ? "JSON invalide : \(problem)" : "invalid JSON: \(problem)"
        }
    }
}
