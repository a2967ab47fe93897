import Foundation
internal import CLibGit2

/// One push spoken by codesocial on a connection libgit2 opened (see `capture.h`): connect through
/// libgit2's smart transport wrapped by the capturing subtransport, read the advertisement it recorded,
/// send one command and a pack of the given objects in a single write, read the server's report.
/// Runs on the transfer worker thread with that thread's repository handle.
struct SendPackSession {
    let repository: OpaquePointer
    let context: TransferContext

    /// The capabilities codesocial asks for when the server offers them (`report-status` is required).
    static let wantedCapabilities = ["report-status", "side-band-64k", "quiet"]

    func push(_ commit: ObjectID, to reference: String, expected: ObjectID, objects: [ObjectID]) throws(GitError) -> PushReport {
        let remote = context.remote
        let rpc = remote.scheme == .http || remote.scheme == .https
        let inner: git_smart_subtransport_cb = switch remote.scheme {
        case .http, .https: git_smart_subtransport_http
        case .ssh: git_smart_subtransport_ssh
        default: git_smart_subtransport_git
        }
        let slot = UnsafeMutablePointer<codesocial_capture_slot>.allocate(capacity: 1)
        slot.initialize(to: codesocial_capture_slot(inner_callback: inner, capture: nil))
        defer { slot.deallocate() }
        let definition = UnsafeMutablePointer<git_smart_subtransport_definition>.allocate(capacity: 1)
        definition.initialize(to: git_smart_subtransport_definition(callback: codesocial_capture_new, rpc: rpc ? 1 : 0,
                                                                    param: UnsafeMutableRawPointer(slot)))
        defer { definition.deallocate() }
        context.smartTransportDefinition = UnsafeMutableRawPointer(definition)

        var handle: OpaquePointer?
        let created = git_remote_create_anonymous(&handle, repository, remote.sanitized)
        if created < 0 { throw TransferWorker.failure(code: created, function: "git_remote_create_anonymous", context: context) }
        defer { git_remote_free(handle) }
        var callbacks = try TransferCallbacks.make(for: context)
        callbacks.transport = { out, owner, payload in
            guard let context = TransferContext.from(payload), let definition = context.smartTransportDefinition else {
                return GIT_EUSER.rawValue
            }
            return git_transport_smart(out, owner, definition)
        }
        var proxy = git_proxy_options()
        try check("git_proxy_options_init") { git_proxy_options_init(&proxy, UInt32(GIT_PROXY_OPTIONS_VERSION)) }
        proxy.type = GIT_PROXY_AUTO
        let connected = git_remote_connect(handle, GIT_DIRECTION_PUSH, &callbacks, &proxy, nil)
        if connected < 0 { throw TransferWorker.failure(code: connected, function: "git_remote_connect", context: context) }
        guard let capture = slot.pointee.capture else {
            throw GitError(.other, "libgit2 did not connect through codesocial's transport", function: "git_remote_connect")
        }
        codesocial_capture_stop_recording(capture)

        var length = 0
        let recorded = codesocial_capture_bytes(capture, &length)
        let bytes = recorded.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
        let advertisement = try ReceivePackAdvertisement.parse(bytes)
        let current = advertisement.references[reference]
        guard current == expected else {
            let now = current.map { "is now \($0.abbreviated())" } ?? "does not exist"
            throw GitError(.referenceChanged, "\(reference) on \(remote.sanitized) \(now), not \(expected.abbreviated()) as expected",
                           function: "push", hint: "the remote moved: fetch, merge and push again")
        }
        guard advertisement.supports("report-status") else {
            throw GitError(.rejected, "the server at \(remote.sanitized) does not report the status of pushes (no report-status capability)",
                           function: "push", hint: "use a git server from after 2007 (git daemon, git http-backend, Forgejo, GitLab, GitHub)")
                .french("le serveur \(remote.sanitized) n'indique pas le résultat des push (pas de capacité report-status)")
        }

        let pack = try buildPack(objects)
        let capabilities = Self.wantedCapabilities.filter(advertisement.supports) + ["agent=codesocial"]
        var request = PacketLine.encode("\(expected.hex) \(commit.hex) \(reference)\0\(capabilities.joined(separator: " "))\n")
        request += PacketLine.flushBytes
        request += pack

        if rpc, let port = remote.effectivePort {
            NagleWorkaround.disable(peerPort: port)
        }
        if rpc {
            try callCapture("open the push request") { codesocial_capture_open(capture, remote.sanitized, GIT_SERVICE_RECEIVEPACK) }
        }
        defer { if rpc { codesocial_capture_close_stream(capture) } }
        if let code = context.stopCode() { throw TransferWorker.failure(code: code, function: "push", context: context) }
        try callCapture("send the pack") { request.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { codesocial_capture_write(capture, $0.baseAddress, $0.count) }
        } }
        codesocial_capture_finish(capture)
        context.options.progress?(TransferProgress(phase: .sending, completedObjects: objects.count, totalObjects: objects.count,
                                                   bytes: pack.count))
        let sent = DispatchTime.now()

        var report = ReceivePackReport(sideBand: capabilities.contains("side-band-64k"))
        var buffer = [CChar](repeating: 0, count: 65536)
        while !report.isComplete {
            if let code = context.stopCode() { throw TransferWorker.failure(code: code, function: "push", context: context) }
            var read = 0
            try callCapture("read the server's report") { buffer.withUnsafeMutableBufferPointer {
                codesocial_capture_read(capture, $0.baseAddress, $0.count, &read)
            } }
            if read == 0 {
                throw GitError(.network, "\(remote.sanitized) closed the connection before reporting the push status\(serverDetail)",
                               function: "push", hint: "fetch to see whether the registry was updated, then try again")
                    .french("\(remote.sanitized) a fermé la connexion avant d'indiquer le résultat du push\(serverDetail)")
            }
            let chunk = buffer[0..<read].map { UInt8(bitPattern: $0) }
            try report.consume(chunk) { text in
                context.record(serverMessage: text)
                context.options.serverMessages?(text)
            }
        }
        let serverSeconds = Double(DispatchTime.now().uptimeNanoseconds - sent.uptimeNanoseconds) / 1e9
        if report.unpackStatus != "ok" {
            throw GitError(.rejected, "\(remote.sanitized) could not unpack the pushed objects: \(report.unpackStatus ?? "no status")\(serverDetail)",
                           function: "push", hint: "the server may be out of space or refuse objects; ask its maintainers")
                .french("\(remote.sanitized) n'a pas pu décompresser les objets poussés : \(report.unpackStatus ?? "aucun statut")\(serverDetail)")
        }
        let statuses = report.references.map { (reference: $0.name, status: $0.error) }
        try Repository.checkPushStatuses(statuses, expected: [reference], context: context)
        return PushReport(objects: objects.count, packBytes: pack.count, serverSeconds: serverSeconds,
                          serverMessages: report.messages)
    }

    private var serverDetail: String {
        let messages = context.serverMessages
        return messages.isEmpty ? "" : " (server: \(messages))"
    }

    /// Runs one call on the capturing transport, turning a failure into the error a callback recorded or libgit2's.
    private func callCapture(_ what: String, _ body: () -> Int32) throws(GitError) {
        let code = body()
        if code < 0 { throw TransferWorker.failure(code: code, function: what, context: context) }
    }

    /// A pack of exactly `objects` (deltas only between them), as bytes.
    private func buildPack(_ objects: [ObjectID]) throws(GitError) -> [UInt8] {
        var builder: OpaquePointer?
        try check("git_packbuilder_new") { git_packbuilder_new(&builder, repository) }
        defer { git_packbuilder_free(builder) }
        for object in objects {
            var oid = object.oid
            try check("git_packbuilder_insert") { git_packbuilder_insert(builder, &oid, nil) }
        }
        var buffer = git_buf()
        try check("git_packbuilder_write_buf") { git_packbuilder_write_buf(&buffer, builder) }
        defer { git_buf_dispose(&buffer) }
        guard let pointer = buffer.ptr else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: buffer.size))
    }
}
