import Descriptor
import Git

extension RegistryChecker {
    /// An entry found at the place the layout gives its id.
    struct EntryFile: Sendable {
        var id: String
        var path: String
        var object: ObjectID
        var size: Int?
        /// False for symbolic links and oversized files: reported, not read.
        var readable: Bool
    }

    /// The layout and file rules over one commit's whole tree.
    struct LayoutScan {
        /// Entries at their canonical place, in tree order.
        private(set) var entries: [EntryFile] = []
        /// Diagnostics by path.
        private(set) var diagnostics: [String: [Diagnostic]] = [:]
        /// Every `projects/<a>/<b>/codesocial.yml` path by lower-cased `<b>`, to find ids
        /// differing only by case or shard.
        private var byFoldedID: [String: [String]] = [:]
        let layout: RegistryLayout
        let language: Language

        init(entries tree: [TreeEntry], layout: RegistryLayout, language: Language) {
            self.layout = layout
            self.language = language
            let prefix = RegistryLayout.projectsDirectory + "/"
            for item in tree where item.mode != .tree {
                var readable = true
                switch item.mode {
                case .symlink:
                    add(item.path, RegistryRule.symlink.diagnostic(language.pick(
                        fr: "lien symbolique : un registre ne contient que des fichiers ordinaires ; remplacez-le par le fichier lui-même",
                        en: "symbolic link: a registry holds regular files only; replace it with the file itself")))
                    readable = false
                case .submodule:
                    add(item.path, RegistryRule.submodule.diagnostic(language.pick(
                        fr: "sous-module git : un registre n'en contient pas ; retirez-le (`git rm`)",
                        en: "git submodule: a registry has none; remove it (`git rm`)")))
                    readable = false
                case .executable:
                    add(item.path, RegistryRule.executable.diagnostic(language.pick(
                        fr: "fichier exécutable : retirez le bit d'exécution (`git update-index --chmod=-x \(item.path)`)",
                        en: "executable file: remove the executable bit (`git update-index --chmod=-x \(item.path)`)")))
                case .unknown(let mode):
                    add(item.path, RegistryRule.strayFile.diagnostic(language.pick(
                        fr: "mode git inconnu \(String(mode, radix: 8)) : un registre ne contient que des fichiers ordinaires",
                        en: "unknown git mode \(String(mode, radix: 8)): a registry holds regular files only")))
                    readable = false
                default:
                    break
                }
                if let size = item.size, size > RegistryChecker.maximumFileSize, item.mode.isBlob {
                    add(item.path, RegistryRule.fileTooLarge.diagnostic(language.pick(
                        fr: "fichier de \(size) octets : plus que la limite de 256 Kio d'un registre",
                        en: "file of \(size) bytes: more than a registry's limit of 256 KiB")))
                    readable = false
                }
                guard item.path.hasPrefix(prefix) else { continue }
                if item.path == prefix + ".gitkeep" { continue }
                classify(item, readable: readable)
            }
        }

        private mutating func add(_ path: String, _ diagnostic: Diagnostic) {
            diagnostics[path, default: []].append(diagnostic)
        }

        private mutating func classify(_ item: TreeEntry, readable: Bool) {
            let parts = item.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 4 && parts[3] == RegistryLayout.entryFileName {
                byFoldedID[parts[2].lowercased(), default: []].append(item.path)
            }
            if let id = layout.id(forPath: item.path) {
                entries.append(EntryFile(id: id, path: item.path, object: item.id, size: item.size, readable: readable && item.mode.isBlob))
                return
            }
            if parts.count == 4 && parts[3] == RegistryLayout.entryFileName {
                let name = parts[2]
                if RegistryLayout.isValidID(name) {
                    let expected = layout.path(for: name)
                    add(item.path, RegistryRule.misplacedEntry.diagnostic(language.pick(
                        fr: "l'entrée `\(name)` n'est pas dans le bon répertoire (shard) : elle doit être à \(expected)",
                        en: "entry `\(name)` is in the wrong shard directory: it belongs at \(expected)")))
                } else if RegistryLayout.isValidID(name.lowercased()) {
                    add(item.path, RegistryRule.misplacedEntry.diagnostic(language.pick(
                        fr: "l'identifiant `\(name)` doit être en minuscules : l'entrée doit être à \(layout.path(for: name.lowercased()))",
                        en: "id `\(name)` must be lower case: the entry belongs at \(layout.path(for: name.lowercased()))")))
                } else {
                    add(item.path, RegistryRule.misplacedEntry.diagnostic(language.pick(
                        fr: "`\(name)` n'est pas un identifiant valide (minuscules ASCII, chiffres et tirets simples, 2 à 64 caractères)",
                        en: "`\(name)` is not a valid id (lower-case ASCII letters, digits and single dashes, 2 to 64 characters)")))
                }
            } else if parts.count == 4 && ["codesocial.yaml", "codesocial.json"].contains(parts[3]) {
                add(item.path, RegistryRule.misplacedEntry.diagnostic(language.pick(
                    fr: "une entrée de registre s'appelle toujours \(RegistryLayout.entryFileName) : renommez ce fichier",
                    en: "a registry entry is always named \(RegistryLayout.entryFileName): rename this file")))
            } else {
                add(item.path, RegistryRule.strayFile.diagnostic(language.pick(
                    fr: "seules des entrées (projects/<xx>/<id>/codesocial.yml) peuvent se trouver sous projects/ : retirez ce fichier ou déplacez-le hors de projects/",
                    en: "nothing but entries (projects/<xx>/<id>/codesocial.yml) may live under projects/: remove this file or move it out of projects/")))
            }
        }

        /// Ids that differ only by case or shard: every path but the canonical one is an error.
        func duplicateDiagnostics(changed: Set<String>?) -> [(String, Diagnostic)] {
            var result: [(String, Diagnostic)] = []
            for (folded, paths) in byFoldedID.sorted(by: { $0.key < $1.key }) where paths.count > 1 {
                guard changed.map({ set in paths.contains { set.contains($0) } }) ?? true else { continue }
                let canonical = layout.path(for: folded)
                let others = paths.sorted()
                for path in others where path != canonical {
                    let rest = others.filter { $0 != path }.joined(separator: ", ")
                    result.append((path, RegistryRule.duplicateID.diagnostic(language.pick(
                        fr: "même identifiant que \(rest) à la casse ou au répertoire près : une entrée n'a qu'un identifiant et un seul emplacement",
                        en: "same id as \(rest) but for case or shard: an entry has one id and one place only"))))
                }
            }
            return result
        }
    }

    /// Deleted and renamed entries since the `--since` commit (errors unless removals are allowed).
    func historyDiagnostics(_ differences: [TreeDifference], config: RegistryConfig, layout: RegistryLayout) -> [(String, Diagnostic)] {
        guard !config.allowRemoval else { return [] }
        let lang = options.language
        var result: [(String, Diagnostic)] = []
        for difference in differences {
            guard let oldPath = difference.oldPath, let oldID = layout.id(forPath: oldPath) else { continue }
            switch difference.status {
            case .deleted:
                result.append((oldPath, RegistryRule.entryRemoved.diagnostic(lang.pick(
                    fr: "l'entrée `\(oldID)` a été supprimée ; ce registre n'autorise pas les suppressions (allow_removal: false) : restaurez-la ou demandez aux mainteneurs",
                    en: "entry `\(oldID)` was deleted; this registry does not allow removals (allow_removal: false): restore it or ask the maintainers"))))
            case .renamed:
                let newPath = difference.newPath ?? "?"
                let newID = layout.id(forPath: newPath) ?? newPath
                guard newID != oldID else { continue }
                result.append((newPath, RegistryRule.entryRenamed.diagnostic(lang.pick(
                    fr: "l'entrée `\(oldID)` a été renommée en `\(newID)` (\(oldPath) → \(newPath)) ; ce registre n'autorise pas les renommages (allow_removal: false)",
                    en: "entry `\(oldID)` was renamed to `\(newID)` (\(oldPath) → \(newPath)); this registry does not allow renames (allow_removal: false)"))))
            default:
                continue
            }
        }
        return result
    }
}
