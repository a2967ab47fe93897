import JSONSchema

/// The stable JSON report of `codesocial validate --format json` (see docs/validate-json.md).
public struct JSONRenderer: Sendable {
    /// Whether warnings fail files.
    public var strict: Bool

    /// Creates a renderer.
    public init(strict: Bool = false) {
        self.strict = strict
    }

    /// The report as a JSON value.
    public func value(_ reports: [FileReport]) -> JSONValue {
        let summary = ReportSummary(reports, strict: strict)
        return .object(JSONObject([
            ("files", .array(reports.map(file))),
            ("summary", .object(JSONObject([
                ("files", .number(JSONNumber(summary.files))),
                ("valid", .number(JSONNumber(summary.valid))),
                ("errors", .number(JSONNumber(summary.errors))),
                ("warnings", .number(JSONNumber(summary.warnings))),
            ]))),
        ]))
    }

    /// The report as pretty-printed JSON text, ending with a newline.
    public func render(_ reports: [FileReport]) -> String {
        value(reports).serialized(pretty: true) + "\n"
    }

    private func file(_ report: FileReport) -> JSONValue {
        .object(JSONObject([
            ("path", .string(report.path)),
            ("valid", .bool(report.passes(strict: strict))),
            ("id", report.id.map(JSONValue.string) ?? .null),
            ("diagnostics", .array(report.diagnostics.map(diagnostic))),
            ("completeness", report.completeness.map(completeness) ?? .null),
        ]))
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object(JSONObject([
            ("severity", .string(diagnostic.severity.rawValue)),
            ("rule", .string(diagnostic.rule)),
            ("name", diagnostic.ruleName.map(JSONValue.string) ?? .null),
            ("message", .string(diagnostic.message)),
            ("line", diagnostic.line.map { .number(JSONNumber($0)) } ?? .null),
            ("column", diagnostic.column.map { .number(JSONNumber($0)) } ?? .null),
            ("instanceLocation", .string(diagnostic.instanceLocation.description)),
            ("keywordLocation", diagnostic.keywordLocation.map { .string($0.description) } ?? .null),
        ]))
    }

    private func completeness(_ figures: Completeness) -> JSONValue {
        func tally(_ tally: Completeness.Tally) -> JSONValue {
            .object(JSONObject([
                ("described", .number(JSONNumber(tally.described))),
                ("not_applicable", .number(JSONNumber(tally.notApplicable))),
                ("empty", .number(JSONNumber(tally.empty))),
            ]))
        }
        return .object(JSONObject([
            ("models", tally(figures.models)),
            ("sections", tally(figures.sections)),
            ("intentions", .number(JSONNumber(figures.intentions))),
            ("actions", .number(JSONNumber(figures.actions))),
            ("unserved_intentions", .number(JSONNumber(figures.unservedIntentions))),
            ("actions_serving_nothing", .number(JSONNumber(figures.actionsServingNothing))),
        ]))
    }
}
