import Descriptor
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held until ``unlock()`` or deinit.
///
/// Used to serialise every process that shares a registry cache or updates a local registry.
/// The kernel releases the lock when the process dies (even by `kill -9`), so a crashed
/// publish never leaves a stale lock behind.
public final class FileLock {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    /// Takes the lock, waiting up to `timeout` seconds for another process to release it.
    /// - Parameters:
    ///   - path: the lock file (created if missing; its directory must exist).
    ///   - timeout: how long to wait, in seconds.
    ///   - what: names the locked thing in the error message, in English and French.
    /// - Throws: ``RegistryError`` `cannotWrite` when the file cannot be opened, `network` (timeout) when another process holds it too long.
    public init(path: String, timeout: Double, what: Localized) throws(RegistryError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw RegistryError(.cannotWrite, Localized(en: "cannot open the lock file \(path): \(reason)",
                                                        fr: "impossible d'ouvrir le fichier de verrou \(path) : \(reason)"),
                                hint: Localized(en: "check that the directory is writable", fr: "vérifiez que le dossier est accessible en écriture"))
        }
        descriptor = fd
        let deadline = Date().addingTimeInterval(timeout)
        var pause: UInt32 = 2_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(fd)
                let reason = String(cString: strerror(error))
                throw RegistryError(.cannotWrite, Localized(en: "cannot lock \(path): \(reason)", fr: "impossible de verrouiller \(path) : \(reason)"))
            }
            if Date() >= deadline {
                close(fd)
                throw RegistryError(.network, Localized(
                                        en: "timed out after \(Int(timeout)) s waiting for another codesocial process to release \(what.en)",
                                        fr: "délai dépassé : après \(Int(timeout)) s, un autre processus codesocial n'a toujours pas libéré \(what.fr)"),
                                    hint: Localized(en: "wait for the other publish to finish, or raise --timeout",
                                                    fr: "attendez que l'autre publication se termine, ou augmentez --timeout"))
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    /// Releases the lock (idempotent).
    public func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
