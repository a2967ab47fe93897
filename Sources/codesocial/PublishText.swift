import Descriptor
import Registry

/// The text output of `codesocial publish`, in English or French.
enum PublishText {
    /// The lines on standard output: what happened, then the commit, the registry and, for a dry run,
    /// what would be committed (labels aligned in both languages).
    static func summary(_ result: PublishResult, in language: Language) -> String {
        let fr = language == .fr
        let kind = result.isNew ? (fr ? "nouvelle entrée" : "new entry") : (fr ? "mise à jour" : "update")
        let commit = result.commit?.hex ?? ""
        var text = ""
        switch result.status {
        case .published:
            text += fr ? "\(result.id) publié (\(kind)) → \(result.path)\n" : "published \(result.id) (\(kind)) → \(result.path)\n"
            text += "  commit    \(commit)\n"
        case .upToDate:
            text += fr ? "\(result.id) est déjà à jour dans le registre → \(result.path)\n"
                : "\(result.id) is already up to date in the registry → \(result.path)\n"
            text += fr ? "  commit    \(commit) (aucun commit créé)\n" : "  commit    \(commit) (nothing committed)\n"
        case .dryRun:
            text += fr ? "simulation : \(result.id) serait publié (\(kind)) → \(result.path)\n"
                : "dry run: would publish \(result.id) (\(kind)) → \(result.path)\n"
            text += "  message   \(result.message ?? "")\n"
            text += (fr ? "  auteur    " : "  author    ") + (result.author?.formatted ?? "") + "\n"
            text += "  blob      \(result.blob.hex)\n"
        }
        text += (fr ? "  registre  " : "  registry  ") + result.registry + "\n"
        return text
    }

    /// The notes on standard error: the default registry created (or to be created), the cache rebuilt.
    static func notes(_ result: PublishResult, in language: Language) -> String {
        var text = ""
        if result.createdDefaultRegistry && result.status == .dryRun {
            text += language.pick(
                fr: "le registre par défaut \(result.registry) n'existe pas encore : la première publication le créera à partir du modèle de registre\n",
                en: "the default registry \(result.registry) does not exist yet: the first publish will create it from the registry template\n")
        } else if result.createdDefaultRegistry {
            text += language.pick(
                fr: "registre par défaut créé dans \(result.registry) à partir du modèle de registre (utilisez --registry, CODESOCIAL_REGISTRY ou `registry:` dans config.yml pour publier ailleurs)\n",
                en: "created the default registry at \(result.registry) from the registry template (use --registry, CODESOCIAL_REGISTRY or `registry:` in config.yml to publish elsewhere)\n")
        }
        if result.rebuiltCache {
            text += language.pick(fr: "le cache du registre était endommagé et a été reconstruit\n",
                                  en: "the registry cache was damaged and has been rebuilt\n")
        }
        return text
    }
}
