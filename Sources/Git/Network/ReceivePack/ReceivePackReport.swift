import Foundation

/// What `git receive-pack` answers after a push with the `report-status` capability: whether it could
/// unpack the pack, then `ok <ref>` or `ng <ref> <reason>` for each reference (gitprotocol-pack(5)).
///
/// Built incrementally from the raw response with ``consume(_:)``; with `side-band-64k` the report comes
/// on band 1, the server's messages (hooks' output) on band 2 and a fatal error on band 3.
struct ReceivePackReport: Equatable {
    /// `ok`, or the reason the server could not unpack the pack.
    var unpackStatus: String?
    /// The status of each reference, in the server's order: `nil` error means updated.
    var references: [Status] = []
    /// Text the server sent on the progress band (hooks' output), in order.
    var messages = ""
    /// Whether the report ended (its flush packet was read).
    private(set) var isComplete = false

    /// One reference's status.
    struct Status: Equatable {
        var name: String
        var error: String?
    }

    private let sideBand: Bool
    private var raw: [UInt8] = []
    private var rawOffset = 0
    private var report: [UInt8] = []
    private var reportOffset = 0

    /// A report read from a response multiplexed on side bands (`side-band-64k` negotiated) or not.
    init(sideBand: Bool) {
        self.sideBand = sideBand
    }

    /// Adds response bytes; `onMessage` receives the server's progress-band text as it comes.
    /// - Throws: ``GitError/Kind/rejected`` when the server reports a fatal error (band 3),
    ///   ``GitError/Kind/network`` on malformed framing.
    mutating func consume(_ bytes: [UInt8], onMessage: (String) -> Void = { _ in }) throws(GitError) {
        raw.append(contentsOf: bytes)
        guard sideBand else {
            report = raw
            try parseReport()
            return
        }
        while !isComplete, let (packet, next) = try PacketLine.parse(raw, at: rawOffset) {
            rawOffset = next
            switch packet {
            case .flush:
                // The end of the multiplexed stream: the report must be complete by now.
                try parseReport()
                if !isComplete {
                    throw GitError(.network, "the server ended its answer before reporting the push status", function: "receive-pack",
                                   hint: "fetch to see whether the registry was updated, then try again")
                        .french("le serveur a terminé sa réponse avant d'indiquer le résultat du push")
                }
            case .delimiter, .responseEnd:
                throw GitError(.network, "the server sent a protocol v2 packet in a push answer", function: "receive-pack")
            case .data(let payload):
                guard let band = payload.first else { continue }
                let content = Array(payload.dropFirst())
                switch band {
                case 1:
                    report.append(contentsOf: content)
                    try parseReport()
                case 2:
                    let text = String(decoding: content, as: UTF8.self)
                    messages += text
                    onMessage(text)
                case 3:
                    let text = String(decoding: content, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    throw GitError(.rejected, "the server failed: \(text)", function: "receive-pack",
                                   hint: "read the server's reason; fetch to see whether the registry was updated")
                        .french("échec côté serveur : \(text)")
                default:
                    throw GitError(.network, "the server sent data on an unknown side band \(band)", function: "receive-pack")
                }
            }
        }
    }

    /// Parses the report-status packets received so far.
    private mutating func parseReport() throws(GitError) {
        while !isComplete, let (packet, next) = try PacketLine.parse(report, at: reportOffset) {
            reportOffset = next
            switch packet {
            case .flush:
                guard unpackStatus != nil else {
                    throw GitError(.network, "the server's push report has no unpack status", function: "receive-pack")
                }
                isComplete = true
            case .delimiter, .responseEnd:
                throw GitError(.network, "the server's push report is malformed", function: "receive-pack")
            case .data(let payload):
                let line = payload.packetText
                if unpackStatus == nil {
                    guard line.hasPrefix("unpack ") else {
                        throw GitError(.network, "the server's push report starts with \"\(line)\" instead of an unpack status",
                                       function: "receive-pack")
                    }
                    unpackStatus = String(line.dropFirst("unpack ".count))
                } else if line.hasPrefix("ok ") {
                    references.append(Status(name: String(line.dropFirst(3)), error: nil))
                } else if line.hasPrefix("ng ") {
                    let rest = line.dropFirst(3)
                    let parts = rest.split(separator: " ", maxSplits: 1)
                    references.append(Status(name: String(parts.first ?? ""), error: parts.count == 2 ? String(parts[1]) : "refused"))
                } else {
                    throw GitError(.network, "the server's push report has an unknown line \"\(line)\"", function: "receive-pack")
                }
            }
        }
    }
}
