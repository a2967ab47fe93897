import JSONSchema

/// Errors of the Descriptor module that are not diagnostics about a file.
public enum DescriptorError: Error, Sendable, CustomStringConvertible {
    /// The schema (bundled or given with `--schema`) cannot be compiled.
    case invalidSchema(SchemaError)
    /// The bundled schema could not be read: a defect of this build.
    case bundledSchemaUnreadable

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidSchema(let error):
            return "the schema cannot be used: \(error)"
        case .bundledSchemaUnreadable:
            return "the schema embedded in this build of codesocial cannot be read; this is a bug: please report it"
        }
    }
}
