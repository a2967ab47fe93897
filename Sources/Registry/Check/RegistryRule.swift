import Descriptor
import JSONSchema

/// A rule of `codesocial registry check` that `validate` does not have (layout, files,
/// cross-entry and history rules), with a stable id (`RG101`) and name (`misplaced-entry`).
///
/// Entries themselves are validated by the Descriptor module's rules (`CSxxx` and schema
/// keywords), unchanged. The list is in docs/registry.md.
public struct RegistryRule: Sendable, Hashable, CustomStringConvertible {
    /// Stable identifier, e.g. `RG101`.
    public let id: String
    /// Stable kebab-case name.
    public let name: String
    /// Severity of its diagnostics.
    public let severity: Severity

    init(_ id: String, _ name: String, _ severity: Severity = .error) {
        self.id = id
        self.name = name
        self.severity = severity
    }

    /// `RG101 misplaced-entry`.
    public var description: String { "\(id) \(name)" }

    /// `.codesocial-registry.yml` is missing or invalid.
    public static let invalidConfig = RegistryRule("RG001", "invalid-registry-config")
    /// A file under `projects/` is not where the layout puts an entry (wrong shard, file name, depth or id).
    public static let misplacedEntry = RegistryRule("RG101", "misplaced-entry")
    /// An entry's `id` is not the id its path gives.
    public static let idPathMismatch = RegistryRule("RG102", "id-path-mismatch")
    /// A file under `projects/` that is not an entry (nor `projects/.gitkeep`).
    public static let strayFile = RegistryRule("RG103", "stray-file")
    /// A symbolic link anywhere in the registry.
    public static let symlink = RegistryRule("RG104", "symlink")
    /// A submodule anywhere in the registry.
    public static let submodule = RegistryRule("RG105", "submodule")
    /// A file with the executable bit.
    public static let executable = RegistryRule("RG106", "executable-file")
    /// A file over 256 KiB.
    public static let fileTooLarge = RegistryRule("RG107", "file-too-large")
    /// An entry whose `codesocial:` format version the registry does not accept.
    public static let formatNotAccepted = RegistryRule("RG108", "format-not-accepted")
    /// Two entries whose ids differ only by case or shard.
    public static let duplicateID = RegistryRule("RG201", "duplicate-id")
    /// A relation to an entry that is not in the registry.
    public static let missingRelation = RegistryRule("RG202", "missing-relation-target", .warning)
    /// An entry deleted since the `--since` revision, when the registry does not allow removals.
    public static let entryRemoved = RegistryRule("RG301", "entry-removed")
    /// An entry renamed (moved to another id) since the `--since` revision.
    public static let entryRenamed = RegistryRule("RG302", "entry-renamed")

    /// Every rule, in id order.
    public static let all: [RegistryRule] = [
        invalidConfig, misplacedEntry, idPathMismatch, strayFile, symlink, submodule, executable,
        fileTooLarge, formatNotAccepted, duplicateID, missingRelation, entryRemoved, entryRenamed,
    ]

    /// A diagnostic of this rule.
    func diagnostic(_ message: String, at position: SourcePosition? = nil, instanceLocation: JSONPointer = .root) -> Diagnostic {
        Diagnostic(
            severity: severity, rule: id, ruleName: name, message: message,
            line: position?.line, column: position?.column, instanceLocation: instanceLocation
        )
    }
}
