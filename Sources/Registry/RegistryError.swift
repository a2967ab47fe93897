import Descriptor
import Foundation

/// An error from the `Registry` module: one line a person can act on, a hint, and the
/// documented exit code of the command that failed (see docs/exit-codes.md).
///
/// The message and the hint are carried in English and French (``Localized``); the command prints
/// them in the user's language (``message(in:)``, ``hint(in:)``). ``message`` and ``hint`` are the
/// English texts.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong; each kind has its own exit code.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The description is not valid (diagnostics were printed). Exit 1.
        case invalidDescription
        /// The registry's copy of the entry changed since this user last published or fetched it,
        /// or the id is already taken. Exit 3.
        case conflict
        /// The server refused the credentials, or none were available. Exit 4.
        case authentication
        /// The SSH host key is unknown or changed. Exit 5.
        case hostKey
        /// The network failed, the host is unreachable, or the operation timed out. Exit 6.
        case network
        /// There is no registry at that location. Exit 7.
        case notFound
        /// The repository is not a codesocial registry, or it does not accept the format version. Exit 8.
        case notARegistry
        /// A command-line or configuration value is not usable. Exit 64.
        case usage
        /// An input file cannot be read. Exit 66.
        case unreadableInput
        /// Something inside the tool failed (a bug, or a damaged cache that could not be rebuilt). Exit 70.
        case internalError
        /// A file, cache or registry cannot be written. Exit 74.
        case cannotWrite
    }

    /// The classification of the error.
    public var kind: Kind
    /// What went wrong, in one line, in each language.
    public var text: Localized
    /// What to do about it, when known, in each language.
    public var hintText: Localized?

    /// What went wrong, in one line (English).
    public var message: String { text.en }
    /// What to do about it, when known (English).
    public var hint: String? { hintText?.en }

    /// What went wrong, in one line, in `language`.
    public func message(in language: Language) -> String { text.text(in: language) }
    /// What to do about it, when known, in `language`.
    public func hint(in language: Language) -> String? { hintText?.text(in: language) }

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the classification, which decides the exit code.
    ///   - message: what went wrong, one line, in English and French.
    ///   - hint: what to do about it, in English and French.
    public init(_ kind: Kind, _ message: Localized, hint: Localized? = nil) {
        self.kind = kind
        self.text = message
        self.hintText = hint
    }

    /// The documented exit code for this kind (docs/exit-codes.md).
    public var exitCode: Int32 {
        switch kind {
        case .invalidDescription: 1
        case .conflict: 3
        case .authentication: 4
        case .hostKey: 5
        case .network: 6
        case .notFound: 7
        case .notARegistry: 8
        case .usage: 64
        case .unreadableInput: 66
        case .internalError: 70
        case .cannotWrite: 74
        }
    }

    /// The message, then `hint: …` on a second line when there is a hint (English).
    public var description: String { description(in: .en) }

    /// The message, then the hint on a second line (`hint: …`, `astuce : …`), in `language`.
    public func description(in language: Language) -> String {
        guard let hint = hint(in: language) else { return message(in: language) }
        return message(in: language) + "\n" + language.pick(fr: "astuce : ", en: "hint: ") + hint
    }
}
