import Descriptor
import Foundation
import Git
import JSONSchema

/// `codesocial registry check`: the gate a registry's CI runs on every push and merge request.
///
/// Reads one commit through libgit2 (``RegistrySnapshot``) and checks
/// - every entry with the Descriptor module's checker, exactly as `validate` does (same rules,
///   rule ids and diagnostics), paths relative to the registry root;
/// - the layout and files (``RegistryRule``): entries at the path their id gives, nothing else
///   under `projects/`, no symbolic link, submodule, executable bit or file over 256 KiB,
///   `.codesocial-registry.yml` valid, format versions accepted;
/// - across entries: relations to missing entries (warnings), ids differing only by case or shard;
/// - with ``Options/since``: only what changed since that revision, and entries deleted or
///   renamed (errors unless `allow_removal: true`).
///
/// Entries are validated in parallel on every core.
public struct RegistryChecker: Sendable {
    /// The largest file a registry may hold.
    public static let maximumFileSize = 256 * 1024

    /// What to check and how.
    public struct Options: Sendable {
        /// Check only what changed since this revision (commit id, branch, tag, `HEAD~3`).
        public var since: String?
        /// The language of messages.
        public var language: Language
        /// How many threads validate entries (default: the number of cores).
        public var jobs: Int

        /// Creates options.
        public init(since: String? = nil, language: Language = .en, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.since = since
            self.language = language
            self.jobs = max(1, jobs)
        }
    }

    /// The options.
    public let options: Options

    /// Creates a checker.
    public init(options: Options = Options()) { self.options = options }

    /// Checks a registry commit.
    /// - Parameter snapshot: the registry and commit to check.
    /// - Returns: the report (its files carry every diagnostic).
    /// - Throws: ``RegistryError``: `notARegistry` when `.codesocial-registry.yml` is missing,
    ///   `usage` for an unknown `--since` revision, `internalError` when objects cannot be read.
    public func check(_ snapshot: RegistrySnapshot) throws(RegistryError) -> RegistryCheckReport {
        let lang = options.language
        var reports: [String: [Diagnostic]] = [:]
        func report(_ path: String, _ diagnostic: Diagnostic) { reports[path, default: []].append(diagnostic) }

        // The configuration: missing means "not a registry"; invalid is a diagnostic.
        let config: RegistryConfig
        do {
            config = try snapshot.config()
        } catch where error.kind == .notARegistry && snapshot.hasConfigFile {
            report(RegistryLayout.configPath, Self.configDiagnostic(error, language: lang))
            config = RegistryConfig(name: "?")
        }

        let tree = try snapshot.gitCall { () throws(GitError) in try snapshot.repository.walkTree(snapshot.tree, includeSizes: true) }
        var changed: Set<String>? = nil
        var sinceID: ObjectID? = nil
        var departedIDs = Set<String>()
        if let since = options.since {
            let base = try RegistrySnapshot(repository: snapshot.repository, revision: since)
            sinceID = base.commit
            let differences = try snapshot.gitCall { () throws(GitError) in
                try snapshot.repository.diffTrees(old: base.tree, new: snapshot.tree, detectRenames: true)
            }
            changed = Set(differences.compactMap(\.newPath))
            departedIDs = Set(differences.compactMap { difference in
                difference.oldPath.flatMap { config.layout.id(forPath: $0) }
            })
            for (path, diagnostic) in historyDiagnostics(differences, config: config, layout: config.layout) {
                report(path, diagnostic)
            }
        }

        let scan = LayoutScan(entries: tree, layout: config.layout, language: lang)
        for (path, diagnostics) in scan.diagnostics where changed?.contains(path) ?? true {
            for diagnostic in diagnostics { report(path, diagnostic) }
        }
        for (path, diagnostic) in scan.duplicateDiagnostics(changed: changed) { report(path, diagnostic) }

        let toValidate = scan.entries.filter { changed?.contains($0.path) ?? true }
        var validated = try validate(toValidate, snapshot: snapshot, config: config)
        let known = Set(scan.entries.map(\.id))
        for index in validated.indices {
            validated[index] = validated[index].adding(relationDiagnostics(validated[index], known: known))
        }

        // With --since, entries left unchanged may point at an entry the change removed.
        departedIDs.subtract(known)
        if let changed, !departedIDs.isEmpty {
            let unchanged = scan.entries.filter { !changed.contains($0.path) && $0.readable }
            for (path, diagnostic) in try danglingRelations(to: departedIDs, in: unchanged, snapshot: snapshot) {
                report(path, diagnostic)
            }
        }

        var files = validated.map { report in report.adding(reports.removeValue(forKey: report.path) ?? []) }
        for (path, diagnostics) in reports { files.append(.registryFile(path, diagnostics)) }
        return RegistryCheckReport(
            files: files, commit: snapshot.commit, since: sinceID,
            entriesChecked: toValidate.count, entriesInRegistry: scan.entries.count
        )
    }

    /// The configuration error as a diagnostic placed at its `line:column` when the message has one.
    static func configDiagnostic(_ error: RegistryError, language: Language) -> Diagnostic {
        var message = error.message(in: language)
        var position: SourcePosition?
        let prefix = RegistryLayout.configPath + ":"
        if message.hasPrefix(prefix) {
            let rest = message.dropFirst(prefix.count)
            let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) {
                position = SourcePosition(line: line, column: column)
                message = parts[2].trimmingCharacters(in: .whitespaces)
            } else {
                message = rest.trimmingCharacters(in: .whitespaces)
            }
        }
        if let hint = error.hint(in: language) { message += " (\(hint))" }
        return RegistryRule.invalidConfig.diagnostic(message, at: position)
    }
}

extension RegistrySnapshot {
    /// Whether the commit has a `.codesocial-registry.yml` (valid or not).
    var hasConfigFile: Bool {
        ((try? repository.treeEntry(at: RegistryLayout.configPath, in: tree)) ?? nil) != nil
    }
}
