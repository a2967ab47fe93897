import Foundation
@testable import Git
import Testing

@Suite("receive-pack framing: pkt-lines, advertisement, report")
struct ReceivePackParsingTests {
    private let zero = String(repeating: "0", count: 40)
    private let a = String(repeating: "a", count: 40)
    private let b = String(repeating: "b", count: 40)

    @Test("pkt-lines encode with four hex digits of total length; partial packets wait for more bytes")
    func packetLines() throws {
        #expect(PacketLine.encode("unpack ok\n") == Array("000eunpack ok\n".utf8))
        let bytes = Array("000eunpack ok\n0000".utf8)
        let first = try #require(try PacketLine.parse(bytes, at: 0))
        #expect(first.packet == .data(Array("unpack ok\n".utf8)))
        #expect(try PacketLine.parse(bytes, at: first.next)?.packet == .flush)
        #expect(try PacketLine.parse(Array("000eunpa".utf8), at: 0) == nil)
        #expect(try PacketLine.parse(Array("00".utf8), at: 0) == nil)
    }

    @Test("bytes that are not pkt-lines, or an impossible length, are a network error naming what came")
    func malformedPackets() throws {
        let html = try #require(throws: GitError.self) { try PacketLine.parse(Array("<html><body>".utf8), at: 0) }
        #expect(html.kind == .network)
        #expect(html.message.contains("<html>"))
        let length = try #require(throws: GitError.self) { try PacketLine.parse(Array("0003".utf8), at: 0) }
        #expect(length.kind == .network)
        #expect(length.message.contains("invalid length 3"))
    }

    @Test("the advertisement gives references and capabilities, over git:// and smart HTTP framing")
    func advertisement() throws {
        var bytes = PacketLine.encode("\(a) refs/heads/main\0report-status side-band-64k quiet agent=git/2.39.5\n")
        bytes += PacketLine.encode("\(b) refs/tags/v1\n") + PacketLine.encode("\(a) refs/tags/v1^{}\n") + PacketLine.flushBytes
        let parsed = try ReceivePackAdvertisement.parse(bytes)
        #expect(parsed.references == ["refs/heads/main": ObjectID(hex: a)!, "refs/tags/v1": ObjectID(hex: b)!])
        #expect(parsed.supports("report-status") && parsed.supports("side-band-64k") && !parsed.supports("atomic"))
        #expect(parsed.capabilities["agent"] == "git/2.39.5")
        let http = PacketLine.encode("# service=git-receive-pack\n") + PacketLine.flushBytes + bytes
        #expect(try ReceivePackAdvertisement.parse(http) == parsed)
        let empty = PacketLine.encode("\(zero) capabilities^{}\0report-status\n") + PacketLine.flushBytes
        let emptyParsed = try ReceivePackAdvertisement.parse(empty)
        #expect(emptyParsed.references.isEmpty)
        #expect(emptyParsed.supports("report-status"))
    }

    @Test("an ERR packet is rejected with the server's words; a cut advertisement is a network error")
    func advertisementErrors() throws {
        let refused = try #require(throws: GitError.self) {
            try ReceivePackAdvertisement.parse(PacketLine.encode("ERR access denied or repository not exported: /x.git"))
        }
        #expect(refused.kind == .rejected)
        #expect(refused.message.contains("access denied"))
        let cut = try #require(throws: GitError.self) {
            try ReceivePackAdvertisement.parse(PacketLine.encode("\(a) refs/heads/main\0report-status\n"))
        }
        #expect(cut.kind == .network)
        let garbage = try #require(throws: GitError.self) {
            try ReceivePackAdvertisement.parse(PacketLine.encode("hello world\n") + PacketLine.flushBytes)
        }
        #expect(garbage.kind == .network)
        #expect(garbage.message.contains("hello world"))
    }

    @Test("a plain report reads unpack status and each reference's ok or ng, across split reads")
    func plainReport() throws {
        let bytes = PacketLine.encode("unpack ok\n") + PacketLine.encode("ng refs/heads/main failed to update ref\n")
            + PacketLine.encode("ok refs/heads/other\n") + PacketLine.flushBytes
        var report = ReceivePackReport(sideBand: false)
        for byte in bytes {
            #expect(!report.isComplete)
            try report.consume([byte])
        }
        #expect(report.isComplete)
        #expect(report.unpackStatus == "ok")
        #expect(report.references == [.init(name: "refs/heads/main", error: "failed to update ref"), .init(name: "refs/heads/other", error: nil)])
    }

    @Test("a side-band report collects hook messages from band 2 and the report from band 1")
    func sideBandReport() throws {
        let inner = PacketLine.encode("unpack ok\n") + PacketLine.encode("ok refs/heads/main\n") + PacketLine.flushBytes
        let bytes = PacketLine.encode([2] + Array("hook says hello\n".utf8)) + PacketLine.encode([1] + Array(inner[0..<7]))
            + PacketLine.encode([1] + Array(inner[7...])) + PacketLine.flushBytes
        var report = ReceivePackReport(sideBand: true)
        var messages: [String] = []
        try report.consume(bytes) { messages.append($0) }
        #expect(report.isComplete)
        #expect(report.references == [.init(name: "refs/heads/main", error: nil)])
        #expect(messages == ["hook says hello\n"])
        #expect(report.messages == "hook says hello\n")
    }

    @Test("band 3 is the server's fatal error; an outer flush before the report is a network error")
    func sideBandErrors() throws {
        var fatal = ReceivePackReport(sideBand: true)
        let error = try #require(throws: GitError.self) { try fatal.consume(PacketLine.encode([3] + Array("disk full\n".utf8))) }
        #expect(error.kind == .rejected)
        #expect(error.message.contains("disk full"))
        var cut = ReceivePackReport(sideBand: true)
        let early = try #require(throws: GitError.self) { try cut.consume(PacketLine.flushBytes) }
        #expect(early.kind == .network)
    }
}
