import Descriptor
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
        let who = change.map { commit in
            Localized(en: "by \(commit.author.formatted) on \(Self.format(commit.author.date)) (commit \(commit.id.abbreviated()), \"\(commit.summary)\")",
                      fr: "par \(commit.author.formatted) le \(Self.format(commit.author.date)) (commit \(commit.id.abbreviated()), « \(commit.summary) »)")
        } ?? Localized(en: "(its history is not available)", fr: "(son historique n'est pas disponible)")
        let registry = location.displayURL
        let message: Localized
        let hint: Localized
        if theirs == nil {
            message = Localized(en: "conflict: \(path) was removed from \(registry) \(who.en) since you last published it",
                                fr: "conflit : \(path) a été supprimé de \(registry) \(who.fr) depuis votre dernière publication")
            hint = Localized(en: "check with the registry's maintainers why it was removed; publish it again with --force if it should come back",
                             fr: "demandez aux responsables du registre pourquoi il a été supprimé ; publiez-le de nouveau avec --force s'il doit revenir")
        } else if known == nil {
            message = Localized(en: "conflict: the id `\(entry.id)` is already taken in \(registry): \(path) was published \(who.en)",
                                fr: "conflit : l'identifiant `\(entry.id)` est déjà pris dans \(registry) : \(path) a été publié \(who.fr)")
            hint = Localized(
                en: "if it is another project, choose another `id` in \(entry.sourcePath); if it is yours (published from another machine), get the registry's version with `codesocial show \(entry.id) --format yaml`, merge your changes, then run `codesocial publish --force`",
                fr: "s'il s'agit d'un autre projet, choisissez un autre `id` dans \(entry.sourcePath) ; si c'est le vôtre (publié depuis une autre machine), récupérez la version du registre avec `codesocial show \(entry.id) --format yaml`, fusionnez vos modifications, puis lancez `codesocial publish --force`")
        } else {
            message = Localized(en: "conflict: \(path) was changed in \(registry) \(who.en) since you last published or fetched it",
                                fr: "conflit : \(path) a été modifié dans \(registry) \(who.fr) depuis votre dernière publication ou récupération")
            hint = Localized(
                en: "get the registry's version with `codesocial show \(entry.id) --format yaml`, merge your changes into \(entry.sourcePath), then run `codesocial publish --force` to replace it",
                fr: "récupérez la version du registre avec `codesocial show \(entry.id) --format yaml`, reportez vos modifications dans \(entry.sourcePath), puis lancez `codesocial publish --force` pour la remplacer")
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
                throw RegistryError(.usage, Localized(en: "CODESOCIAL_AUTHOR=\(text) is not of the form `Name <email>`",
                                                      fr: "CODESOCIAL_AUTHOR=\(text) n'est pas de la forme `Nom <e-mail>`"),
                                    hint: Localized(verbatim: "export CODESOCIAL_AUTHOR=\"Camille Dupont <camille@example.org>\""))
            }
            return signature
        }
        if let signature = repository.defaultSignature() { return signature }
        if let maintainer = entry.maintainer { return Signature(name: maintainer.name, email: maintainer.email) }
        throw RegistryError(.usage, Localized(
                                en: "no author for the commit: no --author, no CODESOCIAL_AUTHOR, no git user.name/user.email, and no maintainer with an e-mail in \(entry.sourcePath)",
                                fr: "pas d'auteur pour le commit : ni --author, ni CODESOCIAL_AUTHOR, ni user.name/user.email de git, ni responsable avec une adresse e-mail dans \(entry.sourcePath)"),
                            hint: Localized(en: "pass --author \"Name <email>\"", fr: "indiquez --author \"Nom <e-mail>\""))
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
