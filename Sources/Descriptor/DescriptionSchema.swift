import JSONSchema

/// The bundled #CodeSocial schema (`schema/codesocial.schema.json`), embedded in the binary
/// at build time by scripts/embed-schema.
public enum DescriptionSchema {
    /// The schema's `$id`, stable for format version 1.
    public static let id = "https://codesocial.org/schema/v1/codesocial.schema.json"

    /// The format versions this build reads (`codesocial: 1`).
    public static let supportedFormatVersions: [Int] = [1]

    /// The schema's text, exactly as in schema/codesocial.schema.json (with its final newline).
    public static var text: String { embeddedText + "\n" }

    /// The schema as a JSON value, parsed once.
    public static var value: JSONValue { parsed }

    private static let parsed: JSONValue = {
        // The embedded text is checked by a test; a parse failure is a build defect, and
        // the checker reports it as an internal error instead of trapping.
        (try? JSONParser.parseValue(embeddedText)) ?? .null
    }()
}
