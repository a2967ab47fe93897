import Descriptor
import Foundation
import Git
import Registry
import Testing

@Suite("RegistryError speaks English and French")
struct RegistryErrorLanguageTests {
    @Test("message and hint in each language; description keeps the English `hint:` line")
    func messageAndHint() {
        let error = RegistryError(.notFound, Localized(en: "no registry at /r.git", fr: "aucun registre à /r.git"),
                                  hint: Localized(en: "check the path", fr: "vérifiez le chemin"))
        #expect(error.message == "no registry at /r.git")
        #expect(error.hint == "check the path")
        #expect(error.message(in: .fr) == "aucun registre à /r.git")
        #expect(error.hint(in: .fr) == "vérifiez le chemin")
        #expect(error.description == "no registry at /r.git\nhint: check the path")
        #expect(error.description(in: .fr) == "aucun registre à /r.git\nastuce : vérifiez le chemin")
        #expect(error.exitCode == 7)
    }

    @Test("a registry configuration error keeps `path:line:column:` in front of the French text")
    func configurationError() throws {
        let text = "codesocial_registry: 1\nname: Test\nlayout: \(RegistryLayout.shardedName)\nformats: [1]\nfoo: 1\n"
        let error = try #require(throws: RegistryError.self) { try RegistryConfig.parse(Data(text.utf8)) }
        #expect(error.kind == .notARegistry)
        #expect(error.message(in: .fr).hasPrefix(".codesocial-registry.yml:5:1: clé `foo` inconnue (clés connues : codesocial_registry,"))
        #expect(error.message.hasPrefix(".codesocial-registry.yml:5:1: unknown key `foo` (known: codesocial_registry,"))
        #expect(error.hint(in: .fr) == "corrigez .codesocial-registry.yml à la racine de la branche main du registre (voir docs/registry-format.md)")
    }

    @Test("transport errors: French sentence, libgit2's words kept, the Git module's French used when it has one")
    func transport() throws {
        let location = try RegistryLocation("git://127.0.0.1:9/registry.git")
        let refused = RegistryError(transport: GitError(.network, "failed to connect to 127.0.0.1: Connection refused", errorClass: "net",
                                                        hint: "check that the server is up and reachable"),
                                    location: location, timeout: 60)
        #expect(refused.kind == .network)
        #expect(refused.message == "cannot reach git://127.0.0.1:9/registry.git: failed to connect to 127.0.0.1: Connection refused")
        #expect(refused.message(in: .fr) == "impossible de joindre git://127.0.0.1:9/registry.git : failed to connect to 127.0.0.1: Connection refused")
        #expect(refused.hint == "check that the server is up and reachable")
        #expect(refused.hint(in: .fr) == "vérifiez que le serveur est démarré et joignable")
        let timeout = RegistryError(transport: GitError(.timeout, "the transfer did not finish within 5 s"), location: location, timeout: 5)
        #expect(timeout.message == "timed out after 5 s talking to git://127.0.0.1:9/registry.git")
        #expect(timeout.message(in: .fr) == "délai dépassé : pas de réponse de git://127.0.0.1:9/registry.git après 5 s")
        var denied = GitError(.authentication, "the server refused the user name \"git\"")
        denied.frenchMessage = "le serveur a refusé le nom d'utilisateur « git »"
        let authentication = RegistryError(transport: denied, location: location, timeout: 60)
        #expect(authentication.exitCode == 4)
        #expect(authentication.message(in: .fr) == "échec de l'authentification auprès de git://127.0.0.1:9/registry.git : le serveur a refusé le nom d'utilisateur « git »")
        #expect(authentication.message == "authentication failed for git://127.0.0.1:9/registry.git: the server refused the user name \"git\"")
    }

    @Test("every hint the Git module gives has a French translation")
    func gitHintsTranslated() throws {
        let hints = try Self.gitModuleHints()
        #expect(hints.count >= 20, "the scan of Sources/Git found only \(hints)")
        for hint in hints {
            let localized = Localized(gitHint: hint)
            #expect(localized.en == hint)
            #expect(localized.fr != hint, "no French for the Git hint \"\(hint)\": add it to Sources/Registry/GitError+Localized.swift")
        }
        #expect(Localized(gitHint: "check the URL: git://h/r.git").fr == "vérifiez l'URL : git://h/r.git")
        #expect(Localized(gitHint: "a hint nobody translated").fr == "a hint nobody translated")
    }

    /// The string literals given as hints in `Sources/Git` (`hint: "…"`, `hint ?? "…"`), each
    /// interpolation replaced by `X`.
    static func gitModuleHints() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/Git")
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { throw CocoaError(.fileNoSuchFile) }
        var hints: Set<String> = []
        for case let file as String in files where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for marker in ["hint: \"", "hint ?? \""] {
                var rest = Substring(source)
                while let start = rest.range(of: marker) {
                    rest = rest[start.upperBound...]
                    var literal = ""
                    var index = rest.startIndex
                    while index < rest.endIndex, rest[index] != "\"" {
                        if rest[index] == "\\", rest.index(after: index) < rest.endIndex, rest[rest.index(after: index)] == "(" {
                            var depth = 0
                            repeat {
                                if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
                                index = rest.index(after: index)
                            } while depth > 0 && index < rest.endIndex
                            literal += "X"
                            continue
                        }
                        if rest[index] == "\\" { index = rest.index(after: index) }
                        literal.append(rest[index])
                        index = rest.index(after: index)
                    }
                    hints.insert(literal)
                    rest = rest[index...]
                }
            }
        }
        return hints.sorted()
    }
}
