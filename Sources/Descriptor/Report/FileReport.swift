import Foundation
import JSONSchema

/// The result of checking one file: its diagnostics, completeness figures, and the
/// document itself when it could be read.
public struct FileReport: Sendable {
    /// The path as given by the caller (relative to the registry root for registries,
    /// `-` or `<stdin>` for standard input).
    public let path: String
    /// Diagnostics in document order (line, column).
    public let diagnostics: [Diagnostic]
    /// Completeness figures; nil when the file could not be read or is not a description
    /// (validated against a `--schema` of the caller's).
    public let completeness: Completeness?
    /// The document, when it could be read (even if invalid against the schema).
    public let value: JSONValue?
    /// Where values start in the source, when the document could be read.
    public let positions: SourcePositions?
    private let sourceBytes: Data?

    /// Where values start in the source, as the engine's ``SourceMap`` (built on demand).
    public var sourceMap: SourceMap? { positions?.sourceMap }

    /// The source text (for showing lines under diagnostics); nil when not UTF-8 text.
    public var source: String? { sourceBytes.flatMap { String(validating: $0, as: UTF8.self) } }

    /// Creates a report; diagnostics are sorted into document order.
    public init(
        path: String, diagnostics: [Diagnostic], completeness: Completeness?, value: JSONValue?,
        sourceMap: SourceMap?, source: String?
    ) {
        self.init(
            path: path, diagnostics: diagnostics, completeness: completeness, value: value,
            positions: sourceMap.map(SourcePositions.init), sourceBytes: source.map { Data($0.utf8) })
    }

    /// Creates a report from loaded positions and the file's bytes.
    public init(
        path: String, diagnostics: [Diagnostic], completeness: Completeness?, value: JSONValue?,
        positions: SourcePositions?, sourceBytes: Data?
    ) {
        self.path = path
        self.diagnostics = Diagnostic.inDocumentOrder(diagnostics)
        self.completeness = completeness
        self.value = value
        self.positions = positions
        self.sourceBytes = sourceBytes
    }

    /// Whether the file has no error (warnings allowed).
    public var valid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// Whether the file has no error, and no warning either when `strict`.
    public func passes(strict: Bool) -> Bool {
        strict ? diagnostics.isEmpty : valid
    }

    /// Number of errors.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// The description's `id`, when the document is an object with a string `id`.
    public var id: String? { value?["id"]?.stringValue }

    /// The format version (`codesocial: 1`), when present as an integer.
    public var formatVersion: Int? { value?["codesocial"]?.numberValue?.intValue }
}
