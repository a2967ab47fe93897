import Foundation

/// An error from the `Git` module: what libgit2 (or this module) reported, classified so that
/// callers can react to the kind without parsing messages.
///
/// `description` is one line a person can act on: the message, then a hint when there is one.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, independent of the libgit2 wording.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An object, reference, path, remote repository or configuration value does not exist.
        case notFound
        /// Something already exists that prevents the operation (a reference created with no expected value).
        case exists
        /// The update is not a fast-forward: the remote moved since the last fetch.
        case nonFastForward
        /// A compare-and-swap reference update failed: the reference no longer has the expected value.
        case referenceChanged
        /// The server refused a pushed reference (a hook, a protected branch, a failed lock).
        case rejected
        /// The credentials were refused or none could be found.
        case authentication
        /// The SSH host is not in the known_hosts file.
        case unknownHostKey
        /// The SSH host presented a key different from the one in the known_hosts file.
        case hostKeyMismatch
        /// A TLS certificate was refused.
        case certificate
        /// A lock file prevented the operation (another process is writing).
        case locked
        /// A merge or checkout conflict.
        case conflict
        /// The network failed: host unreachable, connection refused or reset, unexpected end of stream.
        case network
        /// The operation took longer than its deadline and was abandoned.
        case timeout
        /// The operation was cancelled by its caller.
        case cancelled
        /// The input is not valid: a malformed reference name, revision, path or URL.
        case invalid
        /// The repository is damaged: a missing or corrupt object.
        case corrupt
        /// Anything else.
        case other
    }

    /// The classification of the error.
    public var kind: Kind
    /// The libgit2 return code (`GIT_E*`, negative), or 0 when the error was raised by this module.
    public var code: Int32
    /// The libgit2 error class in lower case (`"net"`, `"ssh"`, `"reference"`, …), or `nil`.
    public var errorClass: String?
    /// The message, in English.
    public var message: String
    /// The libgit2 function (or the operation of this module) that failed.
    public var function: String
    /// What the user can do about it, when known.
    public var hint: String?
    /// The message in French, when this module wrote it for users (credentials, host keys,
    /// cancelled or timed-out transfers); nil for libgit2's own messages, which are English only.
    /// (The hints are translated by the Registry module: `Sources/Registry/GitError+Localized.swift`.)
    public var frenchMessage: String?

    /// Creates an error.
    public init(
        _ kind: Kind,
        _ message: String,
        code: Int32 = 0,
        errorClass: String? = nil,
        function: String = "",
        hint: String? = nil
    ) {
        self.kind = kind
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.function = function
        self.hint = hint
    }

    /// One line: the message, then the hint if any.
    public var description: String {
        var text = message
        if let hint { text += " (\(hint))" }
        return text
    }

    /// The same error with its French message.
    func french(_ text: String) -> GitError {
        var copy = self
        copy.frenchMessage = text
        return copy
    }

    /// The same error with another kind, keeping message, code, class and function.
    func with(kind: Kind, hint: String? = nil) -> GitError {
        var copy = self
        copy.kind = kind
        if let hint { copy.hint = hint }
        return copy
    }
}
