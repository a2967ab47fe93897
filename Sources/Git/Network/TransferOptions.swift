import Foundation

/// How a fetch or push authenticates, checks the server, reports progress and gives up.
public struct TransferOptions: Sendable {
    /// Credentials to offer the server.
    public var credentials: Credentials
    /// The OpenSSH known_hosts file that SSH host keys are checked against; nil means `~/.ssh/known_hosts`
    /// and then `/etc/ssh/ssh_known_hosts`, as OpenSSH does.
    public var knownHostsFile: String?
    /// The longest the whole operation may take, in seconds; nil for no limit.
    ///
    /// Enforced twice: every libgit2 callback (progress, sideband, credentials, certificate) cancels once
    /// the deadline passed, and the caller stops waiting for the worker thread one second after it
    /// (a silent server never calls back; see docs/architecture.md).
    public var timeout: TimeInterval?
    /// Called (on the worker thread) with transfer progress.
    public var progress: (@Sendable (TransferProgress) -> Void)?
    /// Called (on the worker thread) with each message the server prints (`remote: …` lines).
    public var serverMessages: (@Sendable (String) -> Void)?
    /// Fetch tags pointing into the fetched history as well (off by default).
    public var downloadTags: Bool
    /// Allows ``Repository/push(to:refspecs:options:)`` to a local path or `file://` URL. libgit2's local
    /// transport writes the remote references by force (no compare-and-swap, no hooks): update local
    /// repositories with ``Repository/updateReference(_:to:expected:message:)`` instead.
    public var allowForcingLocalPush: Bool
    /// A PEM file of certificate authorities to trust for HTTPS instead of the system's store (a private
    /// CA); applied process-wide before an HTTPS transfer (``GitSettings/setCertificateAuthorities(file:directory:)``).
    public var certificateAuthorityFile: String?
    /// A directory of hashed PEM certificate authorities to trust for HTTPS, as with ``certificateAuthorityFile``.
    public var certificateAuthorityDirectory: String?

    /// Creates options; the default timeout is 120 seconds.
    public init(
        credentials: Credentials = Credentials(),
        knownHostsFile: String? = nil,
        timeout: TimeInterval? = 120,
        progress: (@Sendable (TransferProgress) -> Void)? = nil,
        serverMessages: (@Sendable (String) -> Void)? = nil,
        downloadTags: Bool = false,
        allowForcingLocalPush: Bool = false
    ) {
        self.credentials = credentials
        self.knownHostsFile = knownHostsFile
        self.timeout = timeout
        self.progress = progress
        self.serverMessages = serverMessages
        self.downloadTags = downloadTags
        self.allowForcingLocalPush = allowForcingLocalPush
    }
}

/// Credentials offered to a server. Each method is tried at most once per operation.
public struct Credentials: Sendable {
    /// The user name (HTTP basic auth, SSH); the URL's user name is used when nil.
    public var username: String?
    /// The password or token for HTTP(S) basic auth; the URL's password is used when nil.
    public var password: String?
    /// Try the SSH agent (`SSH_AUTH_SOCK`) before key files.
    public var useSSHAgent: Bool
    /// The SSH private key; nil means `~/.ssh/id_ed25519` when it exists.
    public var sshKey: String?
    /// The passphrase of the SSH key, if it has one.
    public var sshKeyPassphrase: String?

    /// Creates credentials.
    public init(username: String? = nil, password: String? = nil, useSSHAgent: Bool = true,
                sshKey: String? = nil, sshKeyPassphrase: String? = nil) {
        self.username = username
        self.password = password
        self.useSSHAgent = useSSHAgent
        self.sshKey = sshKey
        self.sshKeyPassphrase = sshKeyPassphrase
    }
}

/// Where a transfer is.
public struct TransferProgress: Sendable, Equatable {
    /// The phase.
    public enum Phase: Sendable, Equatable {
        /// Fetch: receiving and indexing objects.
        case receiving
        /// Push: counting and compressing the objects to send.
        case packing
        /// Push: sending the pack.
        case sending
    }

    /// The phase.
    public var phase: Phase
    /// Objects done so far (received when fetching, packed or sent when pushing).
    public var completedObjects: Int
    /// Objects in total, 0 while unknown.
    public var totalObjects: Int
    /// Objects indexed (fetch).
    public var indexedObjects: Int
    /// Bytes received or sent.
    public var bytes: Int

    /// Creates a value.
    public init(phase: Phase, completedObjects: Int, totalObjects: Int, indexedObjects: Int = 0, bytes: Int = 0) {
        self.phase = phase
        self.completedObjects = completedObjects
        self.totalObjects = totalObjects
        self.indexedObjects = indexedObjects
        self.bytes = bytes
    }
}

/// What a fetch changed.
public struct FetchResult: Sendable, Equatable {
    /// A local reference the fetch created or moved.
    public struct Update: Sendable, Equatable {
        /// The local reference name.
        public var name: String
        /// Where it pointed before (nil when created).
        public var old: ObjectID?
        /// Where it points now.
        public var new: ObjectID
    }

    /// The references updated, in libgit2's order.
    public var updates: [Update]
    /// Objects received from the network.
    public var receivedObjects: Int
    /// Bytes received.
    public var receivedBytes: Int
}
