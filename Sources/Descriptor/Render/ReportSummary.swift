/// Totals over a set of file reports.
public struct ReportSummary: Sendable, Hashable {
    /// Files checked.
    public let files: Int
    /// Files that pass (no error; no warning either under `--strict`).
    public let valid: Int
    /// Errors across all files.
    public let errors: Int
    /// Warnings across all files.
    public let warnings: Int

    /// Totals `reports`; under `strict`, a file with warnings does not pass.
    public init(_ reports: [FileReport], strict: Bool) {
        files = reports.count
        valid = reports.count { $0.passes(strict: strict) }
        errors = reports.reduce(0) { $0 + $1.errorCount }
        warnings = reports.reduce(0) { $0 + $1.warningCount }
    }

    /// Whether every file passes.
    public var allValid: Bool { valid == files }

    /// "2 files: 1 valid, 1 invalid; 3 errors, 5 warnings".
    public func line(in language: Language) -> String {
        let invalid = files - valid
        if language == .fr {
            return "\(files) fichier\(fr(files)) : \(valid) valide\(fr(valid)), \(invalid) invalide\(fr(invalid)) ; "
                + "\(errors) erreur\(fr(errors)), \(warnings) avertissement\(fr(warnings))"
        }
        return "\(files) file\(s(files)): \(valid) valid, \(invalid) invalid; \(errors) error\(s(errors)), \(warnings) warning\(s(warnings))"
    }

    private func s(_ count: Int) -> String { count == 1 ? "" : "s" }
    /// French plural: 0 and 1 are singular.
    private func fr(_ count: Int) -> String { count > 1 ? "s" : "" }
}
