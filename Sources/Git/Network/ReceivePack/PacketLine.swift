import Foundation

/// git's pkt-line framing (gitprotocol-common(5)): four hexadecimal digits giving the length of the
/// packet including those four digits, then the payload; `0000` is a flush packet.
enum PacketLine: Equatable {
    /// A packet with a payload.
    case data([UInt8])
    /// `0000`: the end of a section.
    case flush
    /// `0001`: a delimiter (protocol v2 only).
    case delimiter
    /// `0002`: the end of a response (protocol v2 only).
    case responseEnd

    /// The largest packet git allows (65,520 bytes including the length).
    static let maximumLength = 65520

    /// The flush packet.
    static let flushBytes: [UInt8] = Array("0000".utf8)

    /// Frames `payload` as one packet.
    /// - Precondition: `payload` fits one packet (at most 65,516 bytes); callers frame their own short lines.
    static func encode(_ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 4
        let hex = Array(String(length, radix: 16).utf8)
        return Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex + payload
    }

    /// Frames a text line as one packet.
    static func encode(_ text: String) -> [UInt8] { encode(Array(text.utf8)) }

    /// Reads the packet at `offset` in `buffer`.
    /// - Returns: the packet and the offset just after it, or `nil` when `buffer` does not hold the whole packet yet.
    /// - Throws: ``GitError/Kind/network`` when the bytes are not pkt-line framing (the server speaks another protocol).
    static func parse(_ buffer: [UInt8], at offset: Int) throws(GitError) -> (packet: PacketLine, next: Int)? {
        guard buffer.count - offset >= 4 else { return nil }
        var length = 0
        for byte in buffer[offset..<(offset + 4)] {
            guard let digit = hexValue(byte) else {
                let shown = String(decoding: buffer[offset..<min(buffer.count, offset + 40)], as: UTF8.self)
                throw GitError(.network, "the server's answer is not in git's pkt-line format (it starts with \"\(shown.debugDescription.dropFirst().dropLast())\")",
                               function: "receive-pack", hint: "check that the URL points to a git server")
                    .french("la réponse du serveur n'est pas au format pkt-line de git (elle commence par « \(shown.debugDescription.dropFirst().dropLast()) »)")
            }
            length = length * 16 + digit
        }
        switch length {
        case 0: return (.flush, offset + 4)
        case 1: return (.delimiter, offset + 4)
        case 2: return (.responseEnd, offset + 4)
        case 3, (maximumLength + 1)...:
            throw GitError(.network, "the server sent a packet of invalid length \(length)", function: "receive-pack",
                           hint: "the connection may be corrupted; try again")
        default:
            guard buffer.count - offset >= length else { return nil }
            return (.data(Array(buffer[(offset + 4)..<(offset + length)])), offset + length)
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}

extension [UInt8] {
    /// The payload as text without its trailing newline (pkt-line text lines end with `\n`).
    var packetText: String {
        var bytes = self[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
