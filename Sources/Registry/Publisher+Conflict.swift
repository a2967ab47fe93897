import Foundation
import Git

extension Publisher {
    /// Stops with a conflict when the registry's copy of the entry is not the one this user last
    /// published or fetched.
    ///
    /// | registry (theirs) | known (last seen) | outcome |
    /// |---|---|---|
    /// | absent | none | new entry: publish |
    /// | absent | some | conflict: someone removed the entry |
    /// | present | none | conflict: the id is already taken (or was published from another cache) |
    /// | present | = theirs | an update of what this user last saw: publish |
    /// | present | ≠ theirs | conflict: someone else changed it |
    ///
    /// (`theirs == ours` was handled before: already up to date.) `--force` skips this check.
    func checkConflict(entry: PublishEntry, path: String, theirs: ObjectID?, known: ObjectID?, tip: ObjectID,
                       in repository: Repository) throws(RegistryError) {
        if let theirs, theirs == known { return }
        if theirs == nil && known == nil { return }
        let change = lastChange(of: path, from: tip, in: repository)
        let who = change.map { "by \($0.author.formatted) on \(Self.format($0.author.date)) (commit \($0.id.abbreviated()), \"\($0.summary)\")" }
            ?? "(its history is not available)"
        let registry = location.displayURL
        let message: String
        let hint: String
        if theirs == nil {
            message = "conflict: \(path) was removed from \(registry) \(who) since you last published it"
            hint = "check with the registry's maintainers why it was removed; publish it again with --force if it should come back"
        } else if known == nil {
            message = "conflict: the id `\(entry.id)` is already taken in \(registry): \(path) was published \(who)"
            hint = "if it is another project, choose another `id` in \(entry.sourcePath); if it is yours (published from another machine), get the registry's version with `codesocial show \(entry.id) --format yaml`, merge your changes, then run `codesocial publish --force`"
        } else {
            message = "conflict: \(path) was changed in \(registry) \(who) since you last published or fetched it"
            hint = "get the registry's version with `codesocial show \(entry.id) --format yaml`, merge your changes into \(entry.sourcePath), then run `codesocial publish --force` to replace it"
        }
        throw RegistryError(.conflict, message, hint: hint)
    }

    /// The most recent commit that changed `path`, from `tip`.
    func lastChange(of path: String, from tip: ObjectID, in repository: Repository) -> Commit? {
        (try? repository.log(from: tip, path: path, limit: 1))?.first
    }

    /// `2026-11-23 21:04 UTC`.
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}

extension Publisher {
    /// The commit author: `--author`, then `CODESOCIAL_AUTHOR`, then git's `user.name`/`user.email`,
    /// then the description's first maintainer with an e-mail.
    func resolveAuthor(entry: PublishEntry, repository: Repository) throws(RegistryError) -> Signature {
        if let author = options.author { return author }
        if let text = options.environment["CODESOCIAL_AUTHOR"], !text.isEmpty {
            guard let signature = Self.parseAuthor(text) else {
                throw RegistryError(.usage, "CODESOCIAL_AUTHOR=\(text) is not of the form `Name <email>`",
                                    hint: "export CODESOCIAL_AUTHOR=\"Camille Dupont <camille@example.org>\"")
            }
            return signature
        }
        if let signature = repository.defaultSignature() { return signature }
        if let maintainer = entry.maintainer { return Signature(name: maintainer.name, email: maintainer.email) }
        throw RegistryError(.usage, "no author for the commit: no --author, no CODESOCIAL_AUTHOR, no git user.name/user.email, and no maintainer with an e-mail in \(entry.sourcePath)",
                            hint: "pass --author \"Name <email>\"")
    }

    /// Parses `Name <email>`; nil when malformed.
    public static func parseAuthor(_ text: String) -> Signature? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else { return nil }
        let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !email.isEmpty, !name.contains("<"), !name.contains(">"), !email.contains("<"), !email.contains(">"),
              !name.contains("\n"), !email.contains("\n") else { return nil }
        return Signature(name: name, email: email)
    }
}
