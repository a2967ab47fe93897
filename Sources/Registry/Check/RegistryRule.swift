import Descriptor
import JSONSchema

/// The rules of `codesocial registry check` that `validate` does not have (layout, files,
/// cross-entry and history rules): Descriptor's ``Rule`` values with `RG` ids (`RG101 misplaced-entry`).
///
/// Entries themselves are validated by the Descriptor module's rules (`CSxxx` and schema
/// keywords), unchanged. The list is in docs/registry.md.
public enum RegistryRule {
    /// `.codesocial-registry.yml` is missing or invalid.
    public static let invalidConfig = Rule("RG001", "invalid-registry-config")
    /// A file under `projects/` is not where the layout puts an entry (wrong shard, file name, depth or id).
    public static let misplacedEntry = Rule("RG101", "misplaced-entry")
    /// An entry's `id` is not the id its path gives.
    public static let idPathMismatch = Rule("RG102", "id-path-mismatch")
    /// A file under `projects/` that is not an entry (nor `projects/.gitkeep`).
    public static let strayFile = Rule("RG103", "stray-file")
    /// A symbolic link anywhere in the registry.
    public static let symlink = Rule("RG104", "symlink")
    /// A submodule anywhere in the registry.
    public static let submodule = Rule("RG105", "submodule")
    /// A file with the executable bit.
    public static let executable = Rule("RG106", "executable-file")
    /// A file over 256 KiB.
    public static let fileTooLarge = Rule("RG107", "file-too-large")
    /// An entry whose `codesocial:` format version the registry does not accept.
    public static let formatNotAccepted = Rule("RG108", "format-not-accepted")
    /// Two entries whose ids differ only by case or shard.
    public static let duplicateID = Rule("RG201", "duplicate-id")
    /// A relation to an entry that is not in the registry.
    public static let missingRelation = Rule("RG202", "missing-relation-target", .warning)
    /// An entry deleted since the `--since` revision, when the registry does not allow removals.
    public static let entryRemoved = Rule("RG301", "entry-removed")
    /// An entry renamed (moved to another id) since the `--since` revision.
    public static let entryRenamed = Rule("RG302", "entry-renamed")

    /// Every rule, in id order.
    public static let all: [Rule] = [
        invalidConfig, misplacedEntry, idPathMismatch, strayFile, symlink, submodule, executable,
        fileTooLarge, formatNotAccepted, duplicateID, missingRelation, entryRemoved, entryRenamed,
    ]
}

extension Rule {
    /// A diagnostic of this rule.
    func diagnostic(_ message: String, at position: SourcePosition? = nil, instanceLocation: JSONPointer = .root) -> Diagnostic {
        Diagnostic(self, message, at: position, instanceLocation: instanceLocation)
    }
}
