import Descriptor
import Git

/// The result of `codesocial registry check`: one ``FileReport`` per file checked or
/// diagnosed (paths relative to the registry root), in path order.
public struct RegistryCheckReport: Sendable {
    /// Every file checked (all entries, or with `--since` only the changed ones) and every
    /// file with a registry diagnostic, sorted by path.
    public var files: [FileReport]
    /// The commit checked.
    public var commit: ObjectID
    /// The `--since` commit, when given.
    public var since: ObjectID?
    /// How many entries were validated.
    public var entriesChecked: Int
    /// How many entries the registry holds at ``commit``.
    public var entriesInRegistry: Int

    /// Creates a report.
    public init(files: [FileReport], commit: ObjectID, since: ObjectID?, entriesChecked: Int, entriesInRegistry: Int) {
        self.files = files.sorted { $0.path < $1.path }
        self.commit = commit
        self.since = since
        self.entriesChecked = entriesChecked
        self.entriesInRegistry = entriesInRegistry
    }

    /// Whether no file has an error (and no warning either when `strict`).
    public func passes(strict: Bool) -> Bool { files.allSatisfy { $0.passes(strict: strict) } }

    /// Number of errors in all files.
    public var errorCount: Int { files.reduce(0) { $0 + $1.errorCount } }
    /// Number of warnings in all files.
    public var warningCount: Int { files.reduce(0) { $0 + $1.warningCount } }
}

extension FileReport {
    /// The same report with more diagnostics.
    func adding(_ extra: [Diagnostic]) -> FileReport {
        guard !extra.isEmpty else { return self }
        return FileReport(
            path: path, diagnostics: diagnostics + extra, completeness: completeness, value: value,
            sourceMap: sourceMap, source: source
        )
    }

    /// A report for a file that is not read as a description (layout and file rules only).
    static func registryFile(_ path: String, _ diagnostics: [Diagnostic]) -> FileReport {
        FileReport(path: path, diagnostics: diagnostics, completeness: nil, value: nil, sourceMap: nil, source: nil)
    }
}
