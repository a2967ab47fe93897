import Foundation

/// Finding and reading the files `validate` is asked to check.
public enum InputFiles {
    /// The file names searched for in directories.
    public static let descriptionNames: Set<String> = ["codesocial.yml", "codesocial.yaml", "codesocial.json"]

    /// Why an input cannot be used.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing at that path.
        case notFound(String)
        /// It exists but cannot be read (permissions, not a regular file).
        case unreadable(String, reason: String)
        /// A directory with no description file under it.
        case noDescription(inDirectory: String)

        /// What is wrong and how to fix it, in `language`.
        public func message(in language: Language) -> String {
            let fr = language == .fr
            switch self {
            case .notFound(let path):
                return fr
                    ? "\(path) : fichier introuvable ; créez une description avec `codesocial init`, ou indiquez son chemin"
                    : "\(path): no such file; create a description with `codesocial init`, or give its path"
            case .unreadable(let path, let reason):
                return fr ? "\(path) : lecture impossible (\(reason))" : "\(path): cannot be read (\(reason))"
            case .noDescription(let directory):
                return fr
                    ? "\(directory) : aucun fichier codesocial.yml, codesocial.yaml ou codesocial.json dans ce dossier ni ses sous-dossiers"
                    : "\(directory): no codesocial.yml, codesocial.yaml or codesocial.json in this directory or below"
            }
        }
    }

    /// Expands command-line paths: files stay as given, directories are searched recursively
    /// (skipping hidden directories such as `.git`) for description files, sorted; `-` is
    /// standard input. Duplicates are dropped, first occurrence kept.
    public static func expand(_ paths: [String]) throws(Failure) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                if seen.insert(path).inserted { result.append(path) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            if isDirectory.boolValue {
                let found = search(directory: path)
                guard !found.isEmpty else { throw .noDescription(inDirectory: path) }
                for file in found where seen.insert(file).inserted { result.append(file) }
            } else if seen.insert(path).inserted {
                result.append(path)
            }
        }
        return result
    }

    /// Description files under `directory`, sorted by path.
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
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !entry.hasPrefix("."), !isSymbolicLink(path) { stack.append(path) }
                } else if descriptionNames.contains(entry) {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// Reads a file, or standard input for `-`, reading at most `limit + 1` bytes so that an
    /// oversized input is detected without loading it whole.
    public static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        if path == "-" {
            return readBounded(FileHandle.standardInput, limit: limit)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { throw .notFound(path) }
            throw .unreadable(path, reason: FileManager.default.isReadableFile(atPath: path) ? "not a regular file" : "permission denied")
        }
        defer { try? handle.close() }
        return readBounded(handle, limit: limit)
    }

    private static func readBounded(_ handle: FileHandle, limit: Int) -> Data {
        var data = Data()
        let wanted = limit < Int.max ? limit + 1 : limit
        while data.count < wanted {
            guard let chunk = try? handle.read(upToCount: min(1 << 20, wanted - data.count)), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        return data
    }
}
