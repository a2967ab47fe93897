/// A check with a stable identifier (`CS101`) and name (`unknown-intention`).
///
/// `CS0xx` are input errors (the file cannot be read as a document), `CS1xx` semantic
/// rules that JSON Schema cannot express, `CS2xx` completeness warnings. Identifiers never
/// change meaning; retired ones are not reused. The list is in docs/rules.md.
public struct Rule: Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier, e.g. `CS101`.
    public let id: String
    /// Stable kebab-case name, e.g. `unknown-intention`.
    public let name: String
    /// Severity of its diagnostics.
    public let severity: Severity

    /// Creates a rule. Other modules define their own rule sets with their own prefix (`RG` for
    /// `registry check`); an identifier is never reused for another meaning.
    public init(_ id: String, _ name: String, _ severity: Severity = .error) {
        self.id = id
        self.name = name
        self.severity = severity
    }

    /// `CS101 unknown-intention`.
    public var description: String { "\(id) \(name)" }

    // MARK: Input (CS0xx)

    /// The file is over the size limit.
    public static let fileTooLarge = Rule("CS001", "file-too-large")
    /// The file is not UTF-8.
    public static let invalidUTF8 = Rule("CS002", "invalid-utf8")
    /// The file holds a NUL byte.
    public static let nulByte = Rule("CS003", "nul-byte")
    /// The file holds several YAML documents.
    public static let severalDocuments = Rule("CS004", "several-documents")
    /// The file holds no document.
    public static let emptyDocument = Rule("CS005", "empty-document")
    /// Nesting deeper than the limit.
    public static let nestingTooDeep = Rule("CS006", "nesting-too-deep")
    /// Too many values once aliases are expanded (alias bomb).
    public static let tooManyValues = Rule("CS007", "too-many-values")
    /// A key appears twice in one mapping, also after normalisation.
    public static let duplicateKey = Rule("CS008", "duplicate-key")
    /// A mapping key that is not a scalar.
    public static let complexKey = Rule("CS009", "complex-key")
    /// A YAML tag outside the core schema, or a tagged scalar that does not fit its tag.
    public static let unsupportedTag = Rule("CS010", "unsupported-tag")
    /// `.inf` / `.nan`, which JSON cannot hold.
    public static let nonFiniteNumber = Rule("CS011", "non-finite-number")
    /// YAML syntax error.
    public static let yamlSyntax = Rule("CS012", "yaml-syntax")
    /// JSON syntax error.
    public static let jsonSyntax = Rule("CS013", "json-syntax")
    /// More schema errors than are worth reporting: the first ones are shown, then this one.
    public static let tooManyErrors = Rule("CS014", "too-many-errors")

    // MARK: Semantic (CS1xx)

    /// `serves` names an intention that does not exist.
    public static let unknownIntention = Rule("CS101", "unknown-intention")
    /// Two intentions of one model share an id.
    public static let duplicateIntention = Rule("CS102", "duplicate-intention")
    /// Two actions share an id.
    public static let duplicateAction = Rule("CS103", "duplicate-action")
    /// A relation points at the entry itself.
    public static let selfRelation = Rule("CS104", "self-relation")
    /// The same relation (id and kind) is listed twice.
    public static let duplicateRelation = Rule("CS105", "duplicate-relation")
    /// An action ends before it starts.
    public static let endBeforeStart = Rule("CS106", "end-before-start")
    /// A licence id is not on the SPDX licence list.
    public static let unknownLicence = Rule("CS107", "unknown-licence")
    /// A licence id is deprecated by SPDX.
    public static let deprecatedLicence = Rule("CS108", "deprecated-licence", .warning)
    /// A language tag is not well-formed BCP 47.
    public static let invalidLanguageTag = Rule("CS109", "invalid-language-tag")
    /// An e-mail address is not well formed.
    public static let invalidEmail = Rule("CS110", "invalid-email")
    /// A URL is not a well-formed absolute http(s) URL.
    public static let invalidURL = Rule("CS111", "invalid-url")
    /// A date does not exist in the calendar.
    public static let invalidDate = Rule("CS112", "invalid-date")
    /// An ISO 8601 duration is not well formed.
    public static let invalidDuration = Rule("CS113", "invalid-duration")

    // MARK: Completeness (CS2xx, warnings)

    /// A section is empty: neither described nor marked not applicable.
    public static let emptySection = Rule("CS201", "empty-section", .warning)
    /// A model is empty: neither described nor marked not applicable.
    public static let emptyModel = Rule("CS202", "empty-model", .warning)
    /// No action serves an intention.
    public static let unservedIntention = Rule("CS203", "unserved-intention", .warning)
    /// An action serves no intention.
    public static let actionServesNothing = Rule("CS204", "action-serves-nothing", .warning)

    /// Every rule, by identifier.
    public static let all: [Rule] = [
        fileTooLarge, invalidUTF8, nulByte, severalDocuments, emptyDocument, nestingTooDeep, tooManyValues,
        duplicateKey, complexKey, unsupportedTag, nonFiniteNumber, yamlSyntax, jsonSyntax, tooManyErrors,
        unknownIntention, duplicateIntention, duplicateAction, selfRelation, duplicateRelation, endBeforeStart,
        unknownLicence, deprecatedLicence, invalidLanguageTag, invalidEmail, invalidURL, invalidDate, invalidDuration,
        emptySection, emptyModel, unservedIntention, actionServesNothing,
    ]
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    /// The file is invalid.
    case error
    /// The file is valid but incomplete or questionable (an error under `--strict`).
    case warning

    /// Errors sort before warnings.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}
