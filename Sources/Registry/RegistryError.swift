import Foundation

/// An error from the `Registry` module: one line a person can act on, a hint, and the
/// documented exit code of the command that failed (see docs/exit-codes.md).
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
    /// What went wrong, in one line (English).
    public var message: String
    /// What to do about it, when known.
    public var hint: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the classification, which decides the exit code.
    ///   - message: what went wrong, one line.
    ///   - hint: what to do about it.
    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
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

    /// The message, then `hint: …` on a second line when there is a hint.
    public var description: String {
        guard let hint else { return message }
        return "\(message)\nhint: \(hint)"
    }
}
