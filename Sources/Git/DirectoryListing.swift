#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists and inspects directories with plain POSIX calls (`opendir`/`readdir`, `lstat`).
///
/// The maintenance walks run on every publish over up to 256 object fan-out directories; Foundation's
/// `FileManager.contentsOfDirectory` plus `URL.appendingPathComponent` cost about 20 µs per directory
/// there (URL parsing, bridging), these calls about 2 µs. Paths are plain strings joined with `/`.
enum DirectoryListing {
    /// The names in `path` (without `.` and `..`), or an empty list when it cannot be read.
    static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The number of entries in `path` (without `.` and `..`), 0 when it cannot be read.
    static func count(in path: String) -> Int {
        guard let directory = opendir(path) else { return 0 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let isDot = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 3) { name in
                    name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0))
                }
            }
            if !isDot { count += 1 }
        }
        return count
    }

    /// The modification time of `path` (not following a final symbolic link) in seconds since 1970,
    /// or nil when it does not exist.
    static func modificationTime(of path: String) -> Double? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
        let time = status.st_mtimespec
        #else
        let time = status.st_mtim
        #endif
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    /// Whether `path` is a directory itself (a symbolic link to one is not, so that walks cannot loop).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `name` is an object fan-out directory name (two hexadecimal digits).
    static func isFanOut(_ name: String) -> Bool {
        let utf8 = name.utf8
        return utf8.count == 2 && utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
    }
}
