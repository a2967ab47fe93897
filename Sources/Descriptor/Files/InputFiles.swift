import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding and reading the files `validate` is asked to check.
public enum InputFiles {
    /// The file names searched for in directories.
    public static let descriptionNames: Set<String> = ["codesocial.yml", "codesocial.yaml", "codesocial.json"]

    /// Expands command-line paths: files stay as given, directories are searched recursively
    /// (skipping hidden directories such as `.git`) for regular description files, sorted; `-`
    /// is standard input. Duplicates are dropped, first occurrence kept. A path that cannot be
    /// used (missing, a directory without description) becomes a failure in its place, so
    /// that the other inputs are still checked.
    public static func expand(_ paths: [String]) -> [Result<String, Failure>] {
        var result: [Result<String, Failure>] = []
        var seen = Set<String>()
        for path in paths {
            if path == "-" {
                if seen.insert(path).inserted { result.append(.success(path)) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.append(.failure(.notFound(path)))
                continue
            }
            if isDirectory.boolValue {
                let found = search(directory: path)
                if found.isEmpty { result.append(.failure(.noDescription(inDirectory: path))) }
                for file in found where seen.insert(file).inserted { result.append(.success(file)) }
            } else if seen.insert(path).inserted {
                result.append(.success(path))
            }
        }
        return result
    }

    /// Regular description files under `directory`, sorted by path. FIFOs, devices and sockets
    /// named like a description are skipped: opening a FIFO would wait forever for a writer.
    static func search(directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [String] = []
        var stack = [base]
        var visited = 0
        while let current = stack.popLast(), visited < 100_000 {
            visited += 1
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            for entry in entries.sorted() {
                let path = current + "/" + entry
                switch fileType(path) {
                case .directory:
                    if !entry.hasPrefix("."), !isSymbolicLink(path) { stack.append(path) }
                case .regular:
                    if descriptionNames.contains(entry) { found.append(path) }
                case .other, .none:
                    continue
                }
            }
        }
        return found.sorted()
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    enum FileType { case regular, directory, other }

    /// The type of what `path` names, following symbolic links; nil when `stat` fails.
    static func fileType(_ path: String) -> FileType? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// What was read from an input: at most `limit + 1` bytes, and the file's size when known.
    public struct Contents: Sendable {
        /// The bytes read (one more than the limit when the input is larger).
        public var data: Data
        /// The size `stat` reported for a regular file; nil for standard input.
        public var size: Int?
    }

    /// Reads a file, or standard input for `-`, reading at most `limit + 1` bytes so that an
    /// oversized input is detected without loading it whole. Only regular files are opened:
    /// a directory, FIFO, device or socket is refused before anything blocks on it.
    public static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        try contents(path, limit: limit).data
    }

    /// Like ``read(_:limit:)``, with the file's real size.
    public static func contents(_ path: String, limit: Int) throws(Failure) -> Contents {
        if path == "-" {
            return Contents(data: try readBounded(STDIN_FILENO, path: path, limit: limit), size: nil)
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(path) }
            throw .unreadable(path, reason: reason(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory(path)
        default: throw .notRegularFile(path)
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(path, reason: reason(errno)) }
        defer { close(descriptor) }
        return Contents(data: try readBounded(descriptor, path: path, limit: limit), size: Int(info.st_size))
    }

    private static func readBounded(_ descriptor: Int32, path: String, limit: Int) throws(Failure) -> Data {
        var data = Data()
        let wanted = limit < Int.max ? limit + 1 : limit
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < wanted {
            let count = min(buffer.count, wanted - data.count)
            let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path == "-" ? "<stdin>" : path, reason: reason(errno))
            }
            if got == 0 { break }
            data.append(contentsOf: buffer[0..<got])
        }
        return data
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// The C library's description of `code` ("Input/output error"), lower-cased like Git's messages.
    private static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
