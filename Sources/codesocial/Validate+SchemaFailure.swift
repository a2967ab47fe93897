import Descriptor
import JSONSchema

extension Codesocial.Validate {
    /// A `--schema` that does not compile: `FILE:LINE:COLUMN: the schema cannot be used: schema
    /// /pointer: message`, the line and column being where the pointer's value starts in the
    /// schema file, and a remote `$ref` explained for people who run a command, not a library.
    func schemaFailure(_ error: SchemaError, positions: SourcePositions?, language: Language) -> CommandFailure {
        let fr = language == .fr
        let file = schema ?? "--schema"
        var place = ""
        if let pointer = Self.pointer(in: error.schemaLocation.isEmpty ? "schema root" : error.schemaLocation), let positions {
            var position = positions.nearestPosition(of: pointer)
            if case .unresolvableReference = error.kind {
                position = positions.keyPosition(of: pointer.appending("$ref")) ?? positions.keyPosition(of: pointer.appending("$dynamicRef")) ?? position
            }
            if case .invalidSchema(let errors) = error.kind, let first = errors.first {
                position = positions.nearestPosition(of: first.instanceLocation) ?? position
            }
            if let position { place = ":\(position.line):\(position.column)" }
        }
        var message = error.message
        var hint: String?
        if case .unresolvableReference(let reference) = error.kind, message.contains("SchemaRegistry") {
            message = fr
                ? "impossible de résoudre $ref \"\(reference)\" : codesocial ne télécharge pas les schémas distants"
                : "cannot resolve $ref \"\(reference)\": codesocial does not fetch remote schemas"
            hint = fr
                ? "copiez le schéma référencé dans ce fichier sous `$defs` et visez-le avec `$ref: \"#/$defs/nom\"`"
                : "copy the referenced schema into this file under `$defs` and point at it with `$ref: \"#/$defs/name\"`"
        }
        let location = error.schemaLocation.isEmpty ? "" : error.schemaLocation + ": "
        let text = fr
            ? "\(file)\(place) : le schéma est inutilisable : \(location)\(message)"
            : "\(file)\(place): the schema cannot be used: \(location)\(message)"
        return CommandFailure(.invalidInput, text, hint: hint.map { (fr ? "astuce : " : "hint: ") + $0 }, language: language)
    }

    /// The JSON pointer in a schema location written `schema /a/b` or `schema root`; nil for
    /// another document (`uri#/pointer`).
    static func pointer(in location: String) -> JSONPointer? {
        if location == "schema root" { return JSONPointer(tokens: []) }
        guard location.hasPrefix("schema ") else { return nil }
        return JSONPointer(String(location.dropFirst("schema ".count)))
    }
}
