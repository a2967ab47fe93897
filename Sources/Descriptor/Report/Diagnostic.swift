import JSONSchema

/// One finding about a file: an error or a warning, where it is, and what to do.
public struct Diagnostic: Sendable, Hashable {
    /// Error (the file is invalid) or warning.
    public var severity: Severity
    /// The rule id (`CS101`) for codesocial's own checks, or the JSON Schema keyword
    /// (`additionalProperties`) for schema errors.
    public var rule: String
    /// The rule's name (`unknown-intention`); nil for schema keywords.
    public var ruleName: String?
    /// What is wrong and how to fix it, in the report's language.
    public var message: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column in Unicode scalars, when known.
    public var column: Int?
    /// Where in the document (JSON Pointer).
    public var instanceLocation: JSONPointer
    /// For schema errors, the keyword's path through the schema (JSON Pointer); nil otherwise.
    public var keywordLocation: JSONPointer?

    /// Creates a diagnostic.
    public init(
        severity: Severity, rule: String, ruleName: String? = nil, message: String,
        line: Int?, column: Int?, instanceLocation: JSONPointer, keywordLocation: JSONPointer? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.ruleName = ruleName
        self.message = message
        self.line = line
        self.column = column
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
    }

    /// A diagnostic for one of codesocial's rules, placed at `position`.
    public init(_ rule: Rule, _ message: String, at position: SourcePosition?, instanceLocation: JSONPointer = .root) {
        self.init(
            severity: rule.severity, rule: rule.id, ruleName: rule.name, message: message,
            line: position?.line, column: position?.column, instanceLocation: instanceLocation)
    }

    /// `CS101 unknown-intention` or the keyword.
    public var ruleLabel: String {
        if let ruleName { return "\(rule) \(ruleName)" }
        return rule
    }

    /// Document order: by line, then column; diagnostics without a position last, in the
    /// order they were found (grid order for missing sections).
    static func inDocumentOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? Int.max, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? Int.max, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
