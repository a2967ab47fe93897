import Foundation
internal import CLibGit2

/// The payload of one fetch or push: what the callbacks need and what they record.
///
/// Passed to libgit2 unretained (`Unmanaged.passUnretained`) and kept alive by the operation for the
/// whole call. Callbacks run on the worker thread; `cancel()` comes from the caller's thread, hence the lock.
final class TransferContext: @unchecked Sendable {
    let options: TransferOptions
    let remote: RemoteURL
    let deadline: Date?
    private let lock = NSLock()
    private var cancelled = false
    private var recordedFailure: GitError?
    private var triedMethods: Set<String> = []
    private(set) var pushStatuses: [(reference: String, status: String?)] = []
    private(set) var updates: [FetchResult.Update] = []
    private(set) var serverText = ""
    private(set) var receivedObjects = 0
    private(set) var receivedBytes = 0
    /// The `git_smart_subtransport_definition` the `transport` callback builds the smart transport with
    /// (codesocial's own push, `SendPackSession`); touched only on the worker thread.
    var smartTransportDefinition: UnsafeMutableRawPointer?

    init(options: TransferOptions, remote: RemoteURL) {
        self.options = options
        self.remote = remote
        deadline = options.timeout.map { Date().addingTimeInterval($0) }
    }

    /// Makes every later callback fail (the caller gave up).
    func cancel(with error: GitError) {
        lock.withLock {
            cancelled = true
            if recordedFailure == nil { recordedFailure = error }
        }
    }

    /// The error a callback recorded, which explains a failure better than libgit2's generic message.
    var failure: GitError? { lock.withLock { recordedFailure } }

    /// Records `error`, sets libgit2's message and returns the code a callback must return.
    func fail(_ error: GitError, code: Int32 = GIT_EUSER.rawValue) -> Int32 {
        lock.withLock { if recordedFailure == nil { recordedFailure = error } }
        setCallbackError(error.message)
        return code
    }

    /// Non-nil (the code to return) when the operation must stop: cancelled or past its deadline.
    func stopCode() -> Int32? {
        let isCancelled = lock.withLock { cancelled }
        if isCancelled { return fail(GitError(.cancelled, "the transfer was cancelled", function: "callback").french("le transfert a été annulé")) }
        if let deadline, Date() > deadline {
            return fail(timeoutError())
        }
        return nil
    }

    func timeoutError() -> GitError {
        let seconds = options.timeout.map { String(format: "%g", $0) } ?? "?"
        return GitError(.timeout, "the transfer with \(remote.sanitized) did not finish within \(seconds) s", function: "transfer",
                        hint: "check the network and the server, or raise the timeout")
            .french("délai dépassé : le transfert avec \(remote.sanitized) ne s'est pas terminé en \(seconds) s")
    }

    /// Records that a credential method is being tried; false when it was already tried in this operation.
    func firstAttempt(_ method: String) -> Bool {
        lock.withLock { triedMethods.insert(method).inserted }
    }

    var attemptedMethods: Set<String> { lock.withLock { triedMethods } }

    func record(update: FetchResult.Update) { lock.withLock { updates.append(update) } }
    func record(pushStatus reference: String, _ status: String?) { lock.withLock { pushStatuses.append((reference, status)) } }
    func record(serverMessage text: String) { lock.withLock { serverText += text } }
    func record(received objects: Int, bytes: Int) {
        lock.withLock {
            receivedObjects = objects
            receivedBytes = bytes
        }
    }

    /// The server's messages, cleaned of progress lines, for error messages.
    var serverMessages: String {
        let text = lock.withLock { serverText }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains("%") }
            .joined(separator: "; ")
    }

    var unretained: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ payload: UnsafeMutableRawPointer?) -> TransferContext? {
        payload.map { Unmanaged<TransferContext>.fromOpaque($0).takeUnretainedValue() }
    }
}
