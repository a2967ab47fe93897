import Descriptor
import Foundation
import Git
import JSONSchema

extension RegistryChecker {
    /// Validates entries on ``Options/jobs`` threads, each reading objects through its own
    /// libgit2 repository handle, all sharing one ``DescriptionChecker``.
    func validate(_ entries: [EntryFile], snapshot: RegistrySnapshot, config: RegistryConfig) throws(RegistryError) -> [FileReport] {
        guard !entries.isEmpty else { return [] }
        let checker: DescriptionChecker
        do {
            checker = try DescriptionChecker(language: options.language)
        } catch {
            throw RegistryError(.internalError, Localized(en: "the bundled description schema cannot be used: \(error)",
                                                          fr: "le schéma de description intégré est inutilisable : \(error)"))
        }
        let results = WorkerSlots<FileReport>(count: entries.count)
        let workers = min(options.jobs, entries.count)
        let path = snapshot.path
        let lang = options.language
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let repository: Repository
            do throws(GitError) {
                repository = try Repository.open(at: path)
            } catch {
                results.fail(RegistryError(.internalError, Localized(en: "cannot open \(path) again to read entries: \(error.message)",
                                                                     fr: "impossible de rouvrir \(path) pour lire les entrées : \(error.frenchText)")))
                return
            }
            var index = worker
            while index < entries.count {
                let entry = entries[index]
                if entry.readable {
                    do throws(GitError) {
                        let data = try repository.readBlob(entry.object, limit: RegistryChecker.maximumFileSize)
                        let report = checker.check(data, path: entry.path)
                        results.set(index, report.adding(Self.entryDiagnostics(report, entry: entry, config: config, language: lang)))
                    } catch {
                        results.fail(RegistryError(.internalError, Localized(
                                                       en: "cannot read \(entry.path) (\(entry.object.abbreviated())): \(error.message)",
                                                       fr: "impossible de lire \(entry.path) (\(entry.object.abbreviated())) : \(error.frenchText)"),
                                                   hint: .damagedRepository))
                    }
                } else {
                    results.set(index, .registryFile(entry.path, []))
                }
                index += workers
            }
        }
        return try results.collect().compactMap { $0 }
    }

    /// The id and format-version rules for one validated entry.
    static func entryDiagnostics(_ report: FileReport, entry: EntryFile, config: RegistryConfig, language: Language) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let id = report.id, id != entry.id {
            let pointer = JSONPointer(tokens: ["id"])
            diagnostics.append(RegistryRule.idPathMismatch.diagnostic(language.pick(
                fr: "l'identifiant `\(id)` ne correspond pas à l'emplacement de l'entrée (`\(entry.id)`) : une entrée `\(id)` doit être à \(config.layout.path(for: id)) ; corrigez `id` ou déplacez le fichier",
                en: "id `\(id)` does not match the entry's place (`\(entry.id)`): an entry `\(id)` belongs at \(config.layout.path(for: id)); fix `id` or move the file"),
                at: report.sourceMap?.position(of: pointer), instanceLocation: pointer))
        }
        if let version = report.formatVersion, !config.accepts(formatVersion: version) {
            let pointer = JSONPointer(tokens: ["codesocial"])
            let accepted = config.formats.map(String.init).joined(separator: ", ")
            diagnostics.append(RegistryRule.formatNotAccepted.diagnostic(language.pick(
                fr: "ce registre n'accepte pas le format \(version) (formats acceptés : \(accepted))",
                en: "this registry does not accept format version \(version) (accepted: \(accepted))"),
                at: report.sourceMap?.position(of: pointer), instanceLocation: pointer))
        }
        return diagnostics
    }

    /// Relations to entries that are not in the registry (warnings, placed at the relation's id).
    func relationDiagnostics(_ report: FileReport, known: Set<String>) -> [Diagnostic] {
        guard case .array(let relations)? = report.value?["relations"] else { return [] }
        var diagnostics: [Diagnostic] = []
        for (index, relation) in relations.enumerated() {
            guard case .string(let target)? = relation["id"], !known.contains(target) else { continue }
            let pointer = JSONPointer(tokens: ["relations", String(index), "id"])
            diagnostics.append(RegistryRule.missingRelation.diagnostic(options.language.pick(
                fr: "la relation vise `\(target)`, qui n'est pas dans ce registre : vérifiez l'identifiant ou publiez d'abord cette entrée",
                en: "the relation points at `\(target)`, which is not in this registry: check the id, or publish that entry first"),
                at: report.sourceMap?.position(of: pointer), instanceLocation: pointer))
        }
        return diagnostics
    }
}

extension RegistryChecker {
    /// Relations in `entries` (not otherwise checked) to ids that `--since`'s change removed:
    /// blobs are searched for the ids' bytes first, and only those that hold one are parsed.
    func danglingRelations(to ids: Set<String>, in entries: [EntryFile], snapshot: RegistrySnapshot) throws(RegistryError) -> [(String, Diagnostic)] {
        let needles = ids.map { Data($0.utf8) }
        var result: [(String, Diagnostic)] = []
        for entry in entries {
            let data = try snapshot.gitCall { () throws(GitError) in
                try snapshot.repository.readBlob(entry.object, limit: RegistryChecker.maximumFileSize)
            }
            guard needles.contains(where: { data.range(of: $0) != nil }),
                  let document = try? DocumentLoader.load(data, syntax: .yaml) else { continue }
            let report = FileReport(path: entry.path, diagnostics: [], completeness: nil, value: document.value,
                                    sourceMap: document.sourceMap, source: nil)
            let known = Set([entry.id])  // only the departed ids count as missing here
            for diagnostic in relationDiagnostics(report, known: known) {
                if case .string(let target)? = report.value?[diagnostic.instanceLocation], ids.contains(target) {
                    result.append((entry.path, diagnostic))
                }
            }
        }
        return result
    }
}
