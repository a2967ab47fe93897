import Foundation
import JSONSchema

/// Checks description files: reads them under ``Limits`` (YAML 1.2 core or JSON), validates
/// them against the bundled schema, runs the semantic rules and the completeness checks,
/// and returns one ``FileReport`` per file. Never throws for a bad file: every problem
/// becomes a diagnostic.
///
/// Immutable and `Sendable`: build one and call ``check(_:path:)`` from any thread.
public final class DescriptionChecker: Sendable {
    /// The language of messages.
    public let language: Language
    /// Bounds applied to every file.
    public let limits: Limits
    /// Whether files are checked as #CodeSocial descriptions (the bundled schema: semantic
    /// rules and completeness apply) or against a caller's schema only.
    public let checksDescriptions: Bool
    /// The schema in use.
    public let schema: JSONValue
    private let validator: Validator
    /// Schema errors reported per file at most; past it one `CS014 too-many-errors` says how many more.
    public static let maxSchemaErrors = 200
    private let formats: FormatWalk

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - schemaOverride: a 2020-12 schema to validate against instead of the bundled one;
    ///     then only the schema is checked (no `CS1xx`/`CS2xx` rules, no completeness).
    ///   - language: the language of messages.
    ///   - limits: size, depth and alias-expansion bounds.
    /// - Throws: ``DescriptorError`` when the schema cannot be compiled.
    public init(schemaOverride: JSONValue? = nil, language: Language, limits: Limits = .default) throws(DescriptorError) {
        self.language = language
        self.limits = limits
        self.checksDescriptions = schemaOverride == nil
        guard let schemaOverride else {
            // The bundled schema: compiled once per process, shared by every checker.
            let compiled = try Self.bundled.get()
            schema = DescriptionSchema.value
            validator = compiled.validator
            formats = compiled.formats
            return
        }
        guard schemaOverride != .null else { throw .bundledSchemaUnreadable }
        schema = schemaOverride
        formats = FormatWalk(schema: schemaOverride, definitions: SemanticRules.checkedDefinitions)
        do {
            validator = try Validator(schema: schemaOverride, options: ValidatorOptions(formatAssertion: false, validateSchema: true))
        } catch {
            throw .invalidSchema(error)
        }
    }

    /// The bundled schema's compiled forms.
    private struct Compiled: Sendable {
        let validator: Validator
        let formats: FormatWalk
    }

    /// The bundled schema, compiled on first use (once per process; a thread needing it meanwhile waits).
    private static let bundled: Result<Compiled, DescriptorError> = Result { () throws(DescriptorError) -> Compiled in
        let schema = DescriptionSchema.value
        guard schema != .null else { throw .bundledSchemaUnreadable }
        do throws(SchemaError) {
            // Not checked against the meta-schema at every start (a few ms of every command):
            // EmbeddedSchemaTests compiles it with the meta-schema check on. A caller's schema is checked.
            let validator = try Validator(schema: schema, options: ValidatorOptions(formatAssertion: false, validateSchema: false))
            return Compiled(validator: validator, formats: FormatWalk(schema: schema, definitions: SemanticRules.checkedDefinitions))
        } catch {
            throw .invalidSchema(error)
        }
    }

    /// Starts compiling the bundled schema on a background thread and returns at once, so that a
    /// command can overlap it (about 6 ms) with its own start (argument parsing, reading the file).
    /// A checker created meanwhile waits for it; calling this again does nothing.
    public static func prepareBundledSchema() {
        _ = startedPreparing
    }

    private static let startedPreparing: Void = {
        Thread.detachNewThread { _ = DescriptionChecker.bundled }
    }()

    /// Checks one file's bytes.
    ///
    /// - Parameters:
    ///   - data: the file's content.
    ///   - path: the path to report (relative to a registry root, or as the user gave it);
    ///     a `.json` suffix selects strict JSON, anything else YAML.
    public func check(_ data: Data, path: String) -> FileReport {
        let document: LoadedDocument
        do {
            document = try DocumentLoader.load(data, syntax: DocumentSyntax(path: path), limits: limits)
        } catch {
            let diagnostic = Diagnostic(error.rule, error.message(in: language), at: error.position)
            return FileReport(path: path, diagnostics: [diagnostic], completeness: nil, value: nil, positions: nil, sourceBytes: data)
        }
        return check(document, path: path, sourceBytes: data)
    }

    /// Checks a document already loaded; `sourceBytes` (the file) is kept for showing source lines.
    public func check(_ document: LoadedDocument, path: String, sourceBytes: Data?) -> FileReport {
        var diagnostics: [Diagnostic] = []
        if !validator.isValid(document.value) {
            let errors = validator.validate(document.value).errors
            let shown = errors.prefix(DescriptionChecker.maxSchemaErrors)
            diagnostics = SchemaDiagnostics(document: document.value, sourceMap: document.positions, schema: schema, language: language)
                .diagnostics(for: Array(shown))
            if errors.count > shown.count {
                let more = errors.count - shown.count
                diagnostics.append(Diagnostic(.tooManyErrors, language == .fr
                    ? "et \(more) autres erreurs de schéma, non montrées ; corrigez d'abord celles-ci"
                    : "and \(more) more schema errors, not shown; fix these first", at: nil))
            }
        }
        var completeness: Completeness?
        if checksDescriptions, document.value.objectValue != nil {
            let flagged = Set(diagnostics.map(\.instanceLocation))
            let semantic = SemanticRules(document: document.value, sourceMap: document.positions, formats: formats, language: language).check()
            diagnostics += semantic.filter { !flagged.contains($0.instanceLocation) }
            let (figures, warnings) = CompletenessCheck(document: document.value, sourceMap: document.positions, language: language).check()
            diagnostics += warnings
            completeness = figures
        }
        return FileReport(
            path: path, diagnostics: diagnostics, completeness: completeness, value: document.value,
            positions: document.positions, sourceBytes: sourceBytes)
    }
}
