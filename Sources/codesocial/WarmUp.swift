import Descriptor
import Registry

/// Work a command will need first, started on other cores before the arguments are even parsed.
///
/// `publish`, `validate` and `registry check` begin by compiling the bundled schema (~6 ms), and every
/// command that opens a registry needs libgit2, whose one-time set-up parses the system CA bundle
/// (~7 ms). Both are started here, in the background, from the subcommand's name alone, so that they
/// overlap argument parsing (~3 ms: the parser's reflection) and the command's first steps. They run once per process; the command waits
/// for whatever is not finished when it gets there. A guess that turns out wrong (a usage error) only
/// costs work on another core. See docs/architecture.md, "Fixed cost of a command".
enum WarmUp {
    /// Starts the background work for the subcommand named in `arguments` (as `CommandLine.arguments`).
    static func start(arguments: [String]) {
        guard arguments.count > 1 else { return }
        switch arguments[1] {
        case "publish":
            DescriptionChecker.prepareBundledSchema()  // needed first
            Publisher.prepare()
        case "validate":
            // `--schema FILE` validates against another schema: nothing to prepare.
            if !arguments.contains(where: { $0 == "--schema" || $0.hasPrefix("--schema=") }) {
                DescriptionChecker.prepareBundledSchema()
            }
        case "registry" where arguments.count > 2 && arguments[2] == "check":
            DescriptionChecker.prepareBundledSchema()
            RegistryReader.prepare()
        case "registry", "list", "show", "search", "log", "diff", "match":
            // They open a registry (or its cache) through libgit2 first.
            RegistryReader.prepare()
        default:
            break
        }
    }
}
