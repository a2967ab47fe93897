/// Compiler-style text: `path:line:column: error: message [rule at /pointer]`, the source
/// line and a caret, then a completeness line per file and a summary.
public struct TextRenderer: Sendable {
    /// Language of the fixed words.
    public var language: Language
    /// Whether to use ANSI colours (on a terminal, unless `NO_COLOR` is set).
    public var colour: Bool
    /// Whether warnings fail files.
    public var strict: Bool

    /// Creates a renderer.
    public init(language: Language, colour: Bool, strict: Bool = false) {
        self.language = language
        self.colour = colour
        self.strict = strict
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Renders the diagnostics of one file, its completeness line included.
    public func render(_ report: FileReport) -> String {
        var out = ""
        let lines = report.source.map(SourceLines.init)
        for diagnostic in report.diagnostics {
            var location = report.path
            if let line = diagnostic.line {
                location += ":\(line)"
                if let column = diagnostic.column { location += ":\(column)" }
            }
            let severity: String
            switch diagnostic.severity {
            case .error: severity = paint(language == .fr ? "erreur" : "error", "1;31")
            case .warning: severity = paint(language == .fr ? "avertissement" : "warning", "1;35")
            }
            let pointer = diagnostic.instanceLocation.isRoot ? "/" : diagnostic.instanceLocation.description
            let reference = language == .fr ? "\(diagnostic.ruleLabel) en \(pointer)" : "\(diagnostic.ruleLabel) at \(pointer)"
            out += paint(location + ":", "1") + " \(severity): \(diagnostic.message) " + paint("[\(reference)]", "2") + "\n"
            if let line = diagnostic.line, let text = lines?.line(line) {
                out += text + "\n"
                out += caretLine(text, column: diagnostic.column ?? 1) + "\n"
            }
        }
        if let completeness = report.completeness {
            out += paint(report.path + ":", "1") + " " + completeness.summary(in: language) + "\n"
        }
        return out
    }

    /// The caret under `column` (in Unicode scalars), keeping the line's tabs so it aligns.
    private func caretLine(_ line: String, column: Int) -> String {
        var prefix = ""
        for (index, scalar) in line.unicodeScalars.enumerated() {
            if index >= column - 1 { break }
            prefix.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return prefix + paint("^", "1;32")
    }

    /// Renders every report, then the summary line.
    public func render(_ reports: [FileReport]) -> String {
        var out = reports.map(render).joined()
        out += ReportSummary(reports, strict: strict).line(in: language) + "\n"
        return out
    }
}
