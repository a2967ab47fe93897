import Foundation
@testable import Git
import Testing
#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)
@Suite("TCP_NODELAY on libgit2's HTTP connection")
struct NagleWorkaroundTests {
    @Test("the process's TCP connections to the peer port get TCP_NODELAY; others are left alone")
    func setsNoDelayByPeerPort() throws {
        let listener = try LoopbackListener()
        let other = try LoopbackListener()
        defer { listener.close(); other.close() }
        let client = try listener.connect()
        let unrelated = try other.connect()
        defer { Glibc.close(client); Glibc.close(unrelated) }
        #expect(noDelay(client) == 0)
        NagleWorkaround.disable(peerPort: listener.port)
        #expect(noDelay(client) == 1)
        #expect(noDelay(unrelated) == 0)
    }

    private func noDelay(_ fd: Int32) -> Int32 {
        var value: Int32 = -1
        var length = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length)
        return value
    }
}

/// A listening TCP socket on 127.0.0.1 and an ephemeral port.
private struct LoopbackListener {
    let fd: Int32
    let port: Int

    struct Failure: Error { let call: String }

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 4) == 0 else { throw Failure(call: "bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// A client socket connected to this listener.
    func connect() throws -> Int32 {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(call: "connect") }
        return client
    }

    func close() { Glibc.close(fd) }
}
#endif
