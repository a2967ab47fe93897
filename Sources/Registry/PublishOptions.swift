import Foundation
import Git

/// How to publish: message, author, timeout, credentials, and what to report.
public struct PublishOptions: Sendable {
    /// The commit message; nil for `publish <id>`.
    public var message: String?
    /// The commit author; nil to use `CODESOCIAL_AUTHOR`, then git's `user.name`/`user.email`, then the
    /// description's first maintainer with an e-mail.
    public var author: Signature?
    /// Validate and show what would be committed; touch nothing in the registry.
    public var dryRun = false
    /// Replace the registry's copy even when someone else changed it since this user last saw it.
    public var force = false
    /// The deadline for each network operation and each lock wait, in seconds.
    public var timeout: Double = 60
    /// The most push attempts before giving up when others keep publishing at the same time.
    public var maximumAttempts = 15
    /// The environment (credentials, `CODESOCIAL_AUTHOR`, `XDG_*`, `HOME`, `SSH_AUTH_SOCK`).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// The SSH private key to use instead of the agent and `~/.ssh/id_ed25519`.
    public var sshKey: String?
    /// Called with fetch and push progress (for a progress bar on a terminal); nil for silence.
    public var progress: (@Sendable (RegistryTransferProgress) -> Void)?

    /// Default options.
    public init() {}
}

/// Progress of a fetch or a push, for progress bars.
public struct RegistryTransferProgress: Sendable, Equatable {
    /// Which operation.
    public enum Phase: String, Sendable { case fetch, push }
    /// Which operation.
    public var phase: Phase
    /// Objects done so far.
    public var completed: Int
    /// Objects in total (0 when not known yet).
    public var total: Int
    /// Bytes transferred so far.
    public var bytes: Int

    /// Creates a progress report.
    public init(phase: Phase, completed: Int, total: Int, bytes: Int) {
        self.phase = phase
        self.completed = completed
        self.total = total
        self.bytes = bytes
    }
}
