import Foundation

/// What `git receive-pack` announces when a client connects: the references and their values, and the
/// capabilities the server supports (gitprotocol-pack(5), "Reference Discovery").
struct ReceivePackAdvertisement: Equatable {
    /// Reference name → value (peeled `^{}` lines left out).
    var references: [String: ObjectID] = [:]
    /// Capability names, with the value of those written `name=value` (`agent=git/2.39.5`).
    var capabilities: [String: String] = [:]

    /// Parses the bytes libgit2 read while connecting (smart HTTP puts a `# service=git-receive-pack`
    /// packet and a flush first; `version 1` may come first too).
    /// - Throws: ``GitError`` `rejected` when the server answered `ERR <message>`, `network` when the
    ///   bytes are not an advertisement.
    static func parse(_ bytes: [UInt8]) throws(GitError) -> ReceivePackAdvertisement {
        var advertisement = ReceivePackAdvertisement()
        var offset = 0
        var first = true
        var sawReference = false
        while let (packet, next) = try PacketLine.parse(bytes, at: offset) {
            offset = next
            switch packet {
            case .flush:
                // The flush after smart HTTP's service line, or the end of the advertisement.
                if sawReference || !first { return advertisement }
                continue
            case .delimiter, .responseEnd:
                throw GitError(.network, "the server answered with protocol v2, which receive-pack does not speak",
                               function: "receive-pack")
            case .data(let payload):
                let text = payload.packetText
                if text.hasPrefix("ERR ") {
                    throw GitError(.rejected, "the server refused the connection: \(text.dropFirst(4))", function: "receive-pack",
                                   hint: "check the URL and your access rights")
                        .french("le serveur a refusé la connexion : \(text.dropFirst(4))")
                }
                if text.hasPrefix("# service=") || text == "version 1" { continue }
                if text.hasPrefix("shallow ") { continue }
                var line = payload
                if line.last == UInt8(ascii: "\n") { line.removeLast() }
                if let nul = line.firstIndex(of: 0) {
                    let names = String(decoding: line[(nul + 1)...], as: UTF8.self)
                    for capability in names.split(separator: " ") {
                        let parts = capability.split(separator: "=", maxSplits: 1)
                        advertisement.capabilities[String(parts[0])] = parts.count == 2 ? String(parts[1]) : ""
                    }
                    line = Array(line[..<nul])
                }
                let fields = String(decoding: line, as: UTF8.self).split(separator: " ", maxSplits: 1)
                guard fields.count == 2, let id = ObjectID(hex: String(fields[0])) else {
                    throw GitError(.network, "the server's reference advertisement has a malformed line \"\(text)\"",
                                   function: "receive-pack", hint: "check that the URL points to a git server")
                }
                let name = String(fields[1])
                first = false
                sawReference = true
                if name == "capabilities^{}" || name.hasSuffix("^{}") { continue }
                advertisement.references[name] = id
            }
        }
        throw GitError(.network, "the server's reference advertisement ended before its flush packet", function: "receive-pack",
                       hint: "the connection was cut; try again")
            .french("la liste des références envoyée par le serveur s'est interrompue avant sa fin")
    }

    /// Whether the server supports `capability`.
    func supports(_ capability: String) -> Bool { capabilities[capability] != nil }
}
