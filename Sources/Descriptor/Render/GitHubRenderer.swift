/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per
/// diagnostic, a `::notice` with each file's completeness, and a plain summary line.
public struct GitHubRenderer: Sendable {
    /// Language of the fixed words.
    public var language: Language
    /// Whether warnings fail files.
    public var strict: Bool

    /// Creates a renderer.
    public init(language: Language, strict: Bool = false) {
        self.language = language
        self.strict = strict
    }

    /// Renders every report, then the summary line.
    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.diagnostics {
                let command = diagnostic.severity == .error || strict ? "error" : "warning"
                var properties = ["file=\(escapeProperty(report.path))"]
                if let line = diagnostic.line {
                    properties.append("line=\(line)")
                    if let column = diagnostic.column { properties.append("col=\(column)") }
                }
                properties.append("title=\(escapeProperty(diagnostic.ruleLabel))")
                out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))\n"
            }
            if let completeness = report.completeness {
                out += "::notice file=\(escapeProperty(report.path))::\(escapeData(completeness.summary(in: language)))\n"
            }
        }
        out += ReportSummary(reports, strict: strict).line(in: language) + "\n"
        return out
    }

    private func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
