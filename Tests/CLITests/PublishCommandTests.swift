import Foundation
import Testing
import TestSupport

@Suite("codesocial publish, end to end through the built binary")
struct PublishCommandTests {
    @Test("first publish creates the default registry and says so; the git CLI sees the entry; fsck is clean")
    func defaultRegistry() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.description("wemob")
        let run = try CLIRunner.run(["publish", file], environment: sandbox.environment())
        #expect(run.status == 0, "\(run)")
        let registry = sandbox.root.path("data/codesocial/registry.git")
        #expect(run.stderr.contains("created the default registry at \(registry) from the registry template"))
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "published wemob (new entry) → projects/we/wemob/codesocial.yml")
        let commit = try Shell.git("--git-dir", registry, "rev-parse", "main").trimmed
        #expect(lines.contains("  commit    \(commit)"))
        #expect(lines.contains("  registry  \(registry)"))
        #expect(try Shell.git("--git-dir", registry, "show", "main:projects/we/wemob/codesocial.yml").stdout
                == PublishCLISandbox.text("wemob", summary: "Un projet coopératif"))
        try Shell.git("--git-dir", registry, "fsck", "--strict")
        let again = try CLIRunner.run(["publish", file], environment: sandbox.environment())
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("wemob is already up to date in the registry → projects/we/wemob/codesocial.yml"))
        #expect(!again.stderr.contains("created the default registry"))
    }

    @Test("an invalid description is refused with its diagnostics (exit 1) and the registry is untouched")
    func invalid() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.root.write(PublishCLISandbox.text("wemob", summary: "x") + "nmae: typo\n", to: "bad/codesocial.yml")
        let run = try CLIRunner.run(["publish", file], environment: sandbox.environment())
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(file):19:1: error: unknown key `nmae`"))
        #expect(run.stderr.contains("codesocial: error: \(file) is not valid: 1 error; nothing was published"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.path("data/codesocial/registry.git")))
        let missing = try CLIRunner.run(["publish", sandbox.root.path("nowhere.yml")], environment: sandbox.environment())
        #expect(missing.status == 66)
    }

    @Test("--format json and --dry-run")
    func jsonAndDryRun() throws {
        let sandbox = try PublishCLISandbox()
        let registry = sandbox.root.path("reg.git")
        #expect(try CLIRunner.run(["registry", "init", registry, "--bare", "--name", "Registre de test"], environment: sandbox.environment()).status == 0)
        let file = try sandbox.description("tiers-lieu")
        let dry = try CLIRunner.run(["publish", file, "--registry", registry, "--dry-run", "--format", "json"], environment: sandbox.environment())
        #expect(dry.status == 0)
        let dryObject = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect(dryObject["status"] as? String == "dry-run")
        #expect(dryObject["path"] as? String == "projects/ti/tiers-lieu/codesocial.yml")
        #expect(dryObject["message"] as? String == "publish tiers-lieu")
        #expect(dryObject["author"] as? String == "camille <camille@example.org>")
        #expect(try Shell.git("--git-dir", registry, "rev-list", "--count", "main").trimmed == "1")
        let run = try CLIRunner.run(["publish", file, "--registry", registry, "--format", "json", "--message", "Inscription du tiers-lieu"],
                                    environment: sandbox.environment())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "published")
        #expect(object["commit"] as? String == (try Shell.git("--git-dir", registry, "rev-parse", "main").trimmed))
        #expect(object["new"] as? Bool == true)
        #expect(try Shell.git("--git-dir", registry, "log", "-1", "--format=%s").trimmed == "Inscription du tiers-lieu")
        let failed = try CLIRunner.run(["publish", file, "--registry", sandbox.root.path("none.git"), "--format", "json"], environment: sandbox.environment())
        #expect(failed.status == 7)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any])
        #expect(error["status"] as? String == "error")
        #expect((error["error"] as? [String: Any])?["exitCode"] as? Int == 7)
    }

    @Test("failures over the network: wrong password 4, server down 6, missing repository 7 — one line and a hint each")
    func networkFailures() throws {
        let sandbox = try PublishCLISandbox()
        let file = try sandbox.description("wemob")
        let http = try SmartHTTPServer()
        defer { http.stop() }
        try sandbox.seedRegistry(at: try http.createRepository("registry.git"))
        let wrong = try CLIRunner.run(["publish", file, "--registry", http.urlWithCredentials("registry.git", password: "nope")],
                                      environment: sandbox.environment())
        #expect(wrong.status == 4)
        #expect(wrong.stderr.contains("\ncodesocial: error: authentication failed for http://publisher:***@127.0.0.1:\(http.port)/git/registry.git"))
        #expect(wrong.stderr.contains("\nhint: check the user name and token"))
        #expect(!wrong.stderr.contains("nope"))
        let port = try LoopbackPort.free()
        let down = try CLIRunner.run(["publish", file, "--registry", "git://127.0.0.1:\(port)/registry.git", "--timeout", "5"],
                                     environment: sandbox.environment())
        #expect(down.status == 6)
        #expect(down.stderr.contains("\ncodesocial: error: cannot reach git://127.0.0.1:\(port)/registry.git"))
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        let missing = try CLIRunner.run(["publish", file, "--registry", daemon.url("missing.git")], environment: sandbox.environment())
        #expect(missing.status == 7)
        #expect(missing.stderr.contains("\ncodesocial: error: no registry at \(daemon.url("missing.git"))"))
    }

    @Test("two users edit the same entry at once: one lands, the other gets the conflict (exit 3)")
    func concurrentEdits() async throws {
        let sandbox = try PublishCLISandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let url = daemon.url("registry.git")
        for user in ["alice", "bob"] {
            let file = try sandbox.description("wemob", in: user)
            let run = try CLIRunner.run(["publish", file, "--registry", url], environment: sandbox.environment(user: user))
            #expect(run.status == 0, "\(run)")
        }
        let outputs = try await sandbox.concurrently(2) { index in
            let user = ["alice", "bob"][index]
            let file = (try? sandbox.description("wemob", summary: "version de \(user)", in: user)) ?? ""
            return (["publish", file, "--registry", url], sandbox.environment(user: user))
        }
        #expect(outputs.map(\.status).sorted() == [0, 3], "\(outputs)")
        let loser = try #require(outputs.first { $0.status == 3 })
        #expect(loser.stderr.contains("codesocial: error: conflict: projects/we/wemob/codesocial.yml was changed in \(url) by "))
        #expect(loser.stderr.contains("hint: get the registry's version with `codesocial show wemob --format yaml`"))
        try Shell.git("--git-dir", daemon.path("registry.git"), "fsck", "--strict")
    }
    @Test("CODESOCIAL_TRACE=1: a cold publish fetches, a warm one builds on the cached tip and does not fetch")
    func traceShowsWarmPathSkipsFetch() throws {
        let sandbox = try PublishCLISandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let url = daemon.url("registry.git")
        var environment = sandbox.environment()
        environment["CODESOCIAL_TRACE"] = "1"
        let cold = try CLIRunner.run(["publish", try sandbox.description("wemob"), "--registry", url], environment: environment)
        #expect(cold.status == 0, "\(cold)")
        #expect(cold.stderr.contains("trace: fetch (attempt 1) "))
        #expect(cold.stderr.contains("trace: push "))
        let warm = try CLIRunner.run(["publish", try sandbox.description("wemob", summary: "Mise à jour"), "--registry", url],
                                     environment: environment)
        #expect(warm.status == 0, "\(warm)")
        #expect(warm.stderr.contains("trace: plan on the cached tip "))
        #expect(!warm.stderr.contains("trace: fetch"))
        for phase in ["start (process start, argument parsing)", "schema compile", "validation", "cache lock and open", "push", "output"] {
            #expect(warm.stderr.contains("trace: \(phase) "), "missing phase \(phase)")
        }
        #expect(try Shell.git("--git-dir", daemon.path("registry.git"), "show", "main:projects/we/wemob/codesocial.yml").stdout.contains("Mise à jour"))
        // Without the variable, nothing is traced.
        let quiet = try CLIRunner.run(["publish", try sandbox.description("wemob", summary: "Encore"), "--registry", url],
                                      environment: sandbox.environment())
        #expect(quiet.status == 0 && !quiet.stderr.contains("trace:"))
    }
}
