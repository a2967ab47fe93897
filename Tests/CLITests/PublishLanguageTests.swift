import Foundation
import Testing
import TestSupport

/// The same failure or success, through the built binary, in French (`--lang fr`, or a French
/// locale) and in English (the pinned `LANG=C.UTF-8`, or `--lang en`): same exit code, each text in
/// its language, libgit2's own words kept as they are.
@Suite("publish and registry messages follow --lang, then the locale")
struct PublishLanguageTests {
    /// Runs `arguments` three ways: `--lang fr`, a French locale without `--lang`, and the English default.
    private func threeWays(_ arguments: [String], _ sandbox: PublishCLISandbox, user: String = "camille")
        throws -> (fr: Shell.Output, locale: Shell.Output, en: Shell.Output) {
        let fr = try CLIRunner.run(arguments + ["--lang", "fr"], environment: sandbox.environment(user: user))
        let locale = try CLIRunner.run(arguments, environment: sandbox.environment(user: user, extra: ["LANG": "fr_FR.UTF-8"]))
        let en = try CLIRunner.run(arguments, environment: sandbox.environment(user: user))
        return (fr, locale, en)
    }

    @Test("conflict (exit 3): the id is taken — message, author, commit and hint in French; English unchanged")
    func conflict() throws {
        let sandbox = try PublishCLISandbox()
        let registry = sandbox.root.path("reg.git")
        #expect(try CLIRunner.run(["registry", "init", registry, "--bare"], environment: sandbox.environment()).status == 0)
        let alice = try sandbox.description("wemob", in: "alice")
        #expect(try CLIRunner.run(["publish", alice, "--registry", registry], environment: sandbox.environment(user: "alice")).status == 0)
        let commit = try Shell.git("--git-dir", registry, "rev-parse", "--short=7", "main").trimmed
        let bob = try sandbox.description("wemob", summary: "la version de Bob", in: "bob")
        let (fr, locale, en) = try threeWays(["publish", bob, "--registry", registry], sandbox, user: "bob")
        #expect([fr.status, locale.status, en.status] == [3, 3, 3], "\(fr)\n\(en)")
        let taken = "projects/we/wemob/codesocial.yml a été publié par alice <alice@example.org> le "
        #expect(fr.stderr.contains("codesocial: erreur : conflit : l'identifiant `wemob` est déjà pris dans \(registry) : \(taken)"), "\(fr)")
        #expect(fr.stderr.contains(" UTC (commit \(commit), « publish wemob »)\n"))
        #expect(fr.stderr.contains("\nastuce : s'il s'agit d'un autre projet, choisissez un autre `id` dans \(bob) ; si c'est le vôtre"))
        #expect(locale.stderr == fr.stderr)
        #expect(en.stderr.contains("codesocial: error: conflict: the id `wemob` is already taken in \(registry): projects/we/wemob/codesocial.yml was published by alice <alice@example.org> on "), "\(en)")
        #expect(en.stderr.contains("\nhint: if it is another project, choose another `id` in \(bob); if it is yours"))
        #expect(!en.stderr.contains("conflit"))
        #expect(try Shell.git("--git-dir", registry, "rev-list", "--count", "main").trimmed == "2")
    }

    @Test("registry not found (7) and not a registry (8), in text and JSON")
    func notFoundAndNotARegistry() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.description("wemob")
        let none = sandbox.root.path("none.git")
        let (fr, locale, en) = try threeWays(["publish", file, "--registry", none], sandbox)
        #expect([fr.status, locale.status, en.status] == [7, 7, 7])
        #expect(fr.stderr.hasSuffix("""
            codesocial: erreur : aucun registre à \(none)
            astuce : vérifiez le chemin, ou créez un registre avec `codesocial registry init \(none) --bare`

            """), "\(fr)")
        #expect(locale.stderr == fr.stderr)
        #expect(en.stderr.hasSuffix("""
            codesocial: error: no registry at \(none)
            hint: check the path, or create a registry with `codesocial registry init \(none) --bare`

            """), "\(en)")

        let empty = sandbox.root.path("empty.git")
        try Shell.git("init", "-q", "--bare", empty)
        let notRegistry = try CLIRunner.run(["publish", file, "--registry", empty, "--lang", "fr"], environment: sandbox.environment())
        #expect(notRegistry.status == 8)
        #expect(notRegistry.stderr.hasSuffix("""
            codesocial: erreur : \(empty) n'est pas un registre codesocial : il n'a pas de branche main
            astuce : créez un registre avec `codesocial registry init CHEMIN --bare`

            """), "\(notRegistry)")
        let english = try CLIRunner.run(["publish", file, "--registry", empty, "--lang", "en"],
                                        environment: sandbox.environment(extra: ["LANG": "fr_FR.UTF-8"]))
        #expect(english.status == 8)
        #expect(english.stderr.contains("codesocial: error: \(empty) is not a codesocial registry: it has no main branch\nhint: create a registry with `codesocial registry init PATH --bare`\n"), "\(english)")

        // JSON: `kind` and `exitCode` are stable; the message and hint follow the language, as validate's do.
        let json = try CLIRunner.run(["publish", file, "--registry", empty, "--format", "json", "--lang", "fr"], environment: sandbox.environment())
        #expect(json.status == 8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["kind"] as? String == "notARegistry")
        #expect(error["exitCode"] as? Int == 8)
        #expect(error["message"] as? String == "\(empty) n'est pas un registre codesocial : il n'a pas de branche main")
        #expect(error["hint"] as? String == "créez un registre avec `codesocial registry init CHEMIN --bare`")
    }

    @Test("an invalid description (1): French diagnostics, then the French refusal")
    func invalidDescription() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.root.write(PublishCLISandbox.text("wemob", summary: "x") + "nmae: typo\n", to: "bad/codesocial.yml")
        let (fr, locale, en) = try threeWays(["publish", file], sandbox)
        #expect([fr.status, locale.status, en.status] == [1, 1, 1])
        #expect(fr.stderr.contains("\(file):19:1: erreur: clé inconnue `nmae` au premier niveau ; vouliez-vous dire `name` ?"), "\(fr)")
        #expect(fr.stderr.hasSuffix("""
            codesocial: erreur : \(file) n'est pas valide : 1 erreur ; rien n'a été publié
            astuce : corrigez les erreurs ci-dessus (`codesocial validate \(file)`), puis publiez de nouveau

            """), "\(fr)")
        #expect(locale.stderr == fr.stderr)
        #expect(en.stderr.contains("\(file):19:1: error: unknown key `nmae`"))
        #expect(en.stderr.hasSuffix("""
            codesocial: error: \(file) is not valid: 1 error; nothing was published
            hint: fix the errors above (`codesocial validate \(file)`), then publish again

            """), "\(en)")
    }

    @Test("server down (6) and wrong password (4): French sentence around libgit2's words, no password shown")
    func networkFailures() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.description("wemob")
        let port = try LoopbackPort.free()
        let down = "git://127.0.0.1:\(port)/registry.git"
        let (fr, locale, en) = try threeWays(["publish", file, "--registry", down, "--timeout", "5"], sandbox)
        #expect([fr.status, locale.status, en.status] == [6, 6, 6])
        #expect(fr.stderr.contains("codesocial: erreur : impossible de joindre \(down) : "), "\(fr)")
        #expect(fr.stderr.contains("\nastuce : "))
        #expect(!fr.stderr.contains("hint:"))
        #expect(locale.stderr == fr.stderr)
        #expect(en.stderr.contains("codesocial: error: cannot reach \(down): "), "\(en)")
        #expect(en.stderr.contains("\nhint: "))
        // libgit2's reason is the same text in both languages.
        let reason = { (output: Shell.Output, marker: String) in
            output.stderr.components(separatedBy: marker).last?.split(separator: "\n").first.map(String.init) ?? ""
        }
        #expect(reason(fr, "\(down) : ") == reason(en, "\(down): "))
        #expect(!reason(en, "\(down): ").isEmpty)

        let http = try SmartHTTPServer()
        defer { http.stop() }
        try sandbox.seedRegistry(at: try http.createRepository("registry.git"))
        let url = http.urlWithCredentials("registry.git", password: "nope")
        let shown = "http://publisher:***@127.0.0.1:\(http.port)/git/registry.git"
        let wrongFR = try CLIRunner.run(["publish", file, "--registry", url, "--lang", "fr"], environment: sandbox.environment())
        let wrongEN = try CLIRunner.run(["publish", file, "--registry", url], environment: sandbox.environment())
        #expect([wrongFR.status, wrongEN.status] == [4, 4])
        #expect(wrongFR.stderr.contains("\ncodesocial: erreur : échec de l'authentification auprès de \(shown) : le serveur http://127.0.0.1:\(http.port)/git/registry.git a refusé les identifiants de l'utilisateur « publisher »\n"), "\(wrongFR)")
        #expect(wrongFR.stderr.contains("\nastuce : vérifiez le nom d'utilisateur et le jeton (CODESOCIAL_USERNAME et CODESOCIAL_TOKEN, ou https://utilisateur:jeton@hôte/… dans l'URL)\n"))
        #expect(wrongEN.stderr.contains("\ncodesocial: error: authentication failed for \(shown): "), "\(wrongEN)")
        #expect(wrongEN.stderr.contains("\nhint: check the user name and token (CODESOCIAL_USERNAME and CODESOCIAL_TOKEN, or https://user:token@host/… in the URL)\n"))
        #expect(!wrongFR.stderr.contains("nope") && !wrongEN.stderr.contains("nope"))
    }

    @Test("publish's success output: default registry created, published, up to date, dry run")
    func successOutput() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.description("wemob")
        let registry = sandbox.root.path("data/codesocial/registry.git")
        let first = try CLIRunner.run(["publish", file, "--lang", "fr"], environment: sandbox.environment())
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("registre par défaut créé dans \(registry) à partir du modèle de registre (utilisez --registry, CODESOCIAL_REGISTRY ou `registry:` dans config.yml pour publier ailleurs)\n"))
        let commit = try Shell.git("--git-dir", registry, "rev-parse", "main").trimmed
        #expect(first.stdout == """
            wemob publié (nouvelle entrée) → projects/we/wemob/codesocial.yml
              commit    \(commit)
              registre  \(registry)

            """)
        let (fr, locale, en) = try threeWays(["publish", file], sandbox)
        #expect([fr.status, locale.status, en.status] == [0, 0, 0])
        #expect(fr.stdout == """
            wemob est déjà à jour dans le registre → projects/we/wemob/codesocial.yml
              commit    \(commit) (aucun commit créé)
              registre  \(registry)

            """)
        #expect(locale.stdout == fr.stdout)
        #expect(en.stdout == """
            wemob is already up to date in the registry → projects/we/wemob/codesocial.yml
              commit    \(commit) (nothing committed)
              registry  \(registry)

            """)
        let changed = try sandbox.description("wemob", summary: "Un projet qui a grandi")
        let dry = try CLIRunner.run(["publish", changed, "--dry-run", "--lang", "fr"], environment: sandbox.environment())
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("simulation : wemob serait publié (mise à jour) → projects/we/wemob/codesocial.yml\n  message   publish wemob\n  auteur    camille <camille@example.org>\n  blob      "), "\(dry)")
        let update = try CLIRunner.run(["publish", changed, "--lang", "fr"], environment: sandbox.environment())
        #expect(update.stdout.hasPrefix("wemob publié (mise à jour) → projects/we/wemob/codesocial.yml\n"), "\(update)")
    }

    @Test("registry init: the success lines and a refusal in French, English by default")
    func registryInit() throws {
        let sandbox = try PublishCLISandbox()
        let bare = sandbox.root.path("reg.git")
        let fr = try CLIRunner.run(["registry", "init", bare, "--bare", "--lang", "fr"], environment: sandbox.environment())
        #expect(fr.status == 0, "\(fr)")
        let commit = try Shell.git("--git-dir", bare, "rev-parse", "main").trimmed
        let files = try registryPaths(bare).count
        #expect(fr.stdout == """
            registre Registre #CodeSocial créé en \(bare) (dépôt nu)
              commit \(commit) sur main, \(files) fichiers issus du modèle de registre
            ensuite : publiez une description avec `codesocial publish --registry \(bare)`

            """)
        let tree = sandbox.root.path("arbre")
        let local = try CLIRunner.run(["registry", "init", tree], environment: sandbox.environment(extra: ["LANG": "fr_FR.UTF-8"]))
        #expect(local.status == 0)
        #expect(local.stdout.hasSuffix("""
            ensuite : publiez une description avec `codesocial publish --registry \(tree)`,
                      ou poussez ce dépôt sur une forge et publiez à son URL

            """), "\(local)")
        let en = try CLIRunner.run(["registry", "init", sandbox.root.path("other.git"), "--bare"], environment: sandbox.environment())
        #expect(en.stdout.hasPrefix("created the registry Registre #CodeSocial at \(sandbox.root.path("other.git")) (bare)\n"), "\(en)")
        let refused = try CLIRunner.run(["registry", "init", bare, "--lang", "fr"], environment: sandbox.environment())
        #expect(refused.status == 74)
        #expect(refused.stderr == """
            codesocial: erreur : \(bare) n'est pas vide ; aucun registre n'y sera créé
            astuce : choisissez un dossier nouveau ou vide

            """)
    }

    @Test("the reading commands: a missing entry (66) and a missing registry (7) in French")
    func readingCommands() throws {
        let sandbox = try PublishCLISandbox()
        let registry = sandbox.root.path("reg.git")
        #expect(try CLIRunner.run(["registry", "init", registry, "--bare"], environment: sandbox.environment()).status == 0)
        for command in ["show", "log"] {
            let missing = try CLIRunner.run([command, "nope", "--registry", registry, "--lang", "fr"], environment: sandbox.environment())
            #expect(missing.status == 66)
            #expect(missing.stderr == """
                codesocial: erreur : il n'y a pas d'entrée `nope` dans \(registry)
                astuce : `codesocial list` et `codesocial search` affichent les entrées

                """, "\(command): \(missing)")
        }
        let none = sandbox.root.path("none.git")
        let list = try CLIRunner.run(["list", "--registry", none, "--lang", "fr"], environment: sandbox.environment())
        #expect(list.status == 7)
        #expect(list.stderr == "codesocial: erreur : aucun registre à \(none)\nastuce : vérifiez le chemin donné à --registry\n")
        let check = try CLIRunner.run(["registry", "check", none, "--lang", "fr"], environment: sandbox.environment())
        #expect(check.status == 7)
        #expect(check.stderr.hasPrefix("codesocial: erreur : aucun dépôt git à \(none) : "), "\(check)")
        let limit = try CLIRunner.run(["search", "atelier", "--limit", "0", "--registry", registry, "--lang", "fr"], environment: sandbox.environment())
        #expect(limit.status == 64)
        #expect(limit.stderr.contains("--limit doit valoir au moins 1"), "\(limit)")
        for command in [["match", "atelier"], ["log", "atelier"]] {
            let refused = try CLIRunner.run(command + ["--limit", "0", "--registry", registry], environment: sandbox.environment())
            #expect(refused.status == 64, "\(command): \(refused)")
            #expect(refused.stderr.contains("--limit must be at least 1"), "\(command): \(refused)")
        }
    }

    @Test("the `codesocial: erreur :` prefix follows --lang even when the locale is English (validate too)")
    func prefixFollowsFlag() throws {
        let sandbox = try PublishCLISandbox()
        let missing = sandbox.root.path("absent.yml")
        let validate = try CLIRunner.run(["validate", missing, "--lang", "fr"], environment: sandbox.environment())
        #expect(validate.status == 66)
        #expect(validate.stderr == "codesocial: erreur : \(missing) : fichier introuvable ; créez une description avec `codesocial init`, ou indiquez son chemin\n")
        let english = try CLIRunner.run(["validate", missing, "--lang", "en"], environment: sandbox.environment(extra: ["LANG": "fr_FR.UTF-8"]))
        #expect(english.stderr == "codesocial: error: \(missing): no such file; create a description with `codesocial init`, or give its path\n")
        let publish = try CLIRunner.run(["publish", missing, "--lang", "fr"], environment: sandbox.environment())
        #expect(publish.status == 66)
        #expect(publish.stderr == "codesocial: erreur : \(missing) : fichier introuvable ; créez une description avec `codesocial init`, ou indiquez son chemin\n")
    }
}
