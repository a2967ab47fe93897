import Foundation

/// What ``Repository/pushCommit(_:to:expected:url:options:)`` did: the pack it sent and how long the
/// server took to answer.
public struct PushReport: Sendable, Equatable {
    /// The objects in the pack (the commit and the trees and blobs it adds).
    public var objects: Int
    /// The size of the pack, in bytes.
    public var packBytes: Int
    /// Seconds between the end of the request and the server's complete report: the server's own work
    /// (unpacking, its connectivity check, hooks, the reference update), which no client can shorten.
    public var serverSeconds: Double
    /// What the server's hooks printed (its progress band), empty when nothing.
    public var serverMessages: String

    /// Creates a value.
    public init(objects: Int, packBytes: Int, serverSeconds: Double, serverMessages: String) {
        self.objects = objects
        self.packBytes = packBytes
        self.serverSeconds = serverSeconds
        self.serverMessages = serverMessages
    }
}
