import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns Nagle's algorithm off (`TCP_NODELAY`) on the TCP connections of this process to a given
/// peer port.
///
/// Why: libgit2 1.5 sends a smart-HTTP push body as several small writes (request headers, chunk
/// size, data, chunk end, last chunk) on a keep-alive connection, and never sets `TCP_NODELAY`; the
/// kernel then holds each small write until the previous one is acknowledged, and the server delays
/// its acknowledgements by up to 40 ms — a 40 ms stall per push, whatever the registry's size (curl,
/// hence the git CLI, sets `TCP_NODELAY`). libgit2 does not expose its socket, so the connection is
/// found among the process's descriptors by its peer port, right after libgit2 connected.
/// Disabling Nagle only changes when small segments are sent, never what is sent, so a match on an
/// unrelated connection of the same process is harmless. Linux only (`/proc/self/fd`); elsewhere a no-op.
enum NagleWorkaround {
    static func disable(peerPort: Int) {
        #if os(Linux)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for name in names {
            guard let fd = Int32(name), isTCPConnection(fd, peerPort: peerPort) else { continue }
            var on: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        #endif
    }

    #if os(Linux)
    private static func isTCPConnection(_ fd: Int32, peerPort: Int) -> Bool {
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0, type == Int32(SOCK_STREAM.rawValue) else { return false }
        var address = sockaddr_storage()
        var addressLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &addressLength) }
        }
        guard named == 0 else { return false }
        switch Int32(address.ss_family) {
        case AF_INET:
            let port = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port } }
            return Int(UInt16(bigEndian: port)) == peerPort
        case AF_INET6:
            let port = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port } }
            return Int(UInt16(bigEndian: port)) == peerPort
        default:
            return false
        }
    }
    #endif
}
