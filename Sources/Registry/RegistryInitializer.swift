import Descriptor
import Foundation
import Git

/// Creates a registry from the embedded template: `codesocial registry init PATH [--bare] [--name NAME]`,
/// and the default registry on first use.
public enum RegistryInitializer {
    /// What ``create(at:bare:name:author:)`` made.
    public struct Result: Sendable, Equatable {
        /// The repository's path.
        public var path: String
        /// Whether it is bare.
        public var bare: Bool
        /// The initial commit on `main`.
        public var commit: ObjectID
        /// The files committed.
        public var files: [String]
    }

    /// The signature of the initial commit when no author is known.
    static let toolSignature = "codesocial"

    /// Creates a registry at `path` with one commit on `main` holding the template's files.
    ///
    /// A non-bare registry also gets its work tree checked out. Refuses an existing repository or a
    /// non-empty directory: never overwrites anything.
    /// - Parameters:
    ///   - path: where to create it (created when missing).
    ///   - bare: a bare repository (what a server or the default registry uses).
    ///   - name: the registry's name in `.codesocial-registry.yml`, or nil for the template's.
    ///   - author: the initial commit's author, or nil for `codesocial <codesocial@localhost>`.
    /// - Throws: ``RegistryError`` `cannotWrite` when the directory exists and is not empty or cannot be written.
    @discardableResult
    public static func create(at path: String, bare: Bool, name: String? = nil, author: Signature? = nil) throws(RegistryError) -> Result {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RegistryError(.cannotWrite, Localized(en: "\(path) exists and is not a directory", fr: "\(path) existe et n'est pas un dossier"),
                                    hint: Localized(en: "choose another path", fr: "choisissez un autre chemin"))
            }
            let contents = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.isEmpty else {
                throw RegistryError(.cannotWrite, Localized(en: "\(path) is not empty; refusing to create a registry there",
                                                            fr: "\(path) n'est pas vide ; aucun registre n'y sera créé"),
                                    hint: Localized(en: "choose a new or empty directory", fr: "choisissez un dossier nouveau ou vide"))
            }
        }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RegistryError(.usage, Localized(en: "the registry name is empty", fr: "le nom du registre est vide"),
                                hint: Localized(en: "pass --name \"Registre de …\" or leave it out", fr: "indiquez --name \"Registre de …\" ou omettez-le"))
        }
        do {
            let repository = try Repository.create(at: path, bare: bare, initialBranch: "main")
            let files = RegistryTemplate.files(name: name)
            var changes: [TreeChange] = []
            for file in files {
                changes.append(.upsert(path: file.path, blob: try repository.writeBlob(file.contents), mode: .blob))
            }
            let tree = try repository.updatedTree(base: nil, changes: changes)
            let signature = author ?? Signature(name: toolSignature, email: "codesocial@localhost")
            let registryName = name ?? RegistryTemplate.defaultName
            let commit = try repository.createCommit(tree: tree, parents: [], author: signature, committer: signature,
                                                     message: "Create the registry \(registryName)\n\nFrom the codesocial registry template.")
            try repository.updateReference("refs/heads/main", to: commit, expected: nil, message: "registry init")
            if !bare { try repository.checkoutHead() }
            return Result(path: path, bare: bare, commit: commit, files: files.map(\.path))
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot create the registry at \(path): \(error.message)",
                                                        fr: "impossible de créer le registre en \(path) : \(error.frenchText)"),
                                hint: error.localizedHint ?? Localized(en: "check that the directory is writable",
                                                                       fr: "vérifiez que le dossier est accessible en écriture"))
        }
    }

    /// Creates the default registry at `path` unless it exists, safely against concurrent processes:
    /// under a lock beside it, built in a temporary directory and renamed into place.
    /// - Returns: true when this call created it.
    /// - Throws: ``RegistryError`` `cannotWrite` when it cannot be created.
    public static func createDefaultIfNeeded(at path: String, timeout: Double) throws(RegistryError) -> Bool {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) { return false }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot create \(parent.path): \(error.localizedDescription)",
                                                        fr: "impossible de créer \(parent.path) : \(error.localizedDescription)"),
                                hint: Localized(en: "check XDG_DATA_HOME and the permissions of its directory",
                                                fr: "vérifiez XDG_DATA_HOME et les droits d'accès à son dossier"))
        }
        let lock = try FileLock(path: parent.appendingPathComponent(".\(url.lastPathComponent).lock").path,
                                timeout: timeout, what: Localized(en: "the default registry", fr: "le registre par défaut"))
        defer { lock.unlock() }
        if fileManager.fileExists(atPath: path) { return false }
        let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: temporary) }
        try create(at: temporary.path, bare: true)
        do {
            try fileManager.moveItem(at: temporary, to: url)
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot move the new default registry into \(path): \(error.localizedDescription)",
                                                        fr: "impossible de placer le nouveau registre par défaut en \(path) : \(error.localizedDescription)"))
        }
        return true
    }
}
