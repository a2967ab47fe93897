import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a new `codesocial.yml` into a folder without ever losing an existing description.
public enum ScaffoldWriter {
    /// The file names `codesocial validate` looks for; a folder holding any of them already has a description.
    public static let descriptionFileNames = ["codesocial.yml", "codesocial.yaml", "codesocial.json"]

    /// The description files already present in `directory`.
    /// - Parameter directory: the folder to look into.
    /// - Returns: their paths, in ``descriptionFileNames`` order.
    public static func existingDescriptions(in directory: URL) -> [URL] {
        descriptionFileNames
            .map { directory.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Writes `text` to `directory/codesocial.yml`, creating the folder when missing.
    ///
    /// The text is written to a temporary file in the same folder, then moved into place in one
    /// step: an interrupted run never leaves half a file. Without `force`, the move is a hard link
    /// that fails when the name exists (so two concurrent runs cannot both win), and any existing
    /// `codesocial.yml`, `.yaml` or `.json` stops the write.
    /// - Parameters:
    ///   - text: the file's content.
    ///   - directory: the target folder.
    ///   - force: replace an existing `codesocial.yml`.
    /// - Returns: the path written.
    /// - Throws: ``ScaffoldError/alreadyExists(path:)``, ``ScaffoldError/notAFolder(path:)`` or
    ///   ``ScaffoldError/cannotWrite(path:reason:)``.
    @discardableResult
    public static func write(_ text: String, into directory: URL, force: Bool) throws(ScaffoldError) -> URL {
        let target = directory.appendingPathComponent(descriptionFileNames[0])
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .notAFolder(path: directory.path)
        }
        if !force, let existing = existingDescriptions(in: directory).first {
            throw .alreadyExists(path: existing.path)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: target.path, reason: reason(error))
        }
        let temporary = directory.appendingPathComponent(".codesocial.yml.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
        } catch {
            throw .cannotWrite(path: target.path, reason: reason(error))
        }
        defer { unlink(temporary.path) }
        if force {
            guard rename(temporary.path, target.path) == 0 else {
                throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
            }
        } else if link(temporary.path, target.path) != 0 {
            let code = errno
            if code == EEXIST { throw .alreadyExists(path: target.path) }
            throw .cannotWrite(path: target.path, reason: String(cString: strerror(code)))
        }
        return target
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}
