import Foundation
import Testing
import TestSupport

@Suite("codesocial publish under concurrency and crashes", .serialized)
struct PublishConcurrencyTests {
    @Test("16 processes, 16 entries, over git:// (4 shared caches): all exit 0, all 16 on main, fsck clean")
    func sixteenOverGitDaemon() async throws {
        let sandbox = try PublishCLISandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let url = daemon.url("registry.git")
        let files = try (0..<16).map { try sandbox.description("projet-\($0)") }
        let outputs = try await sandbox.concurrently(16) { index in
            (["publish", files[index], "--registry", url], sandbox.environment(user: "user\(index)", cache: "shared\(index % 4)"))
        }
        for (index, output) in outputs.enumerated() { #expect(output.status == 0, "process \(index): \(output)") }
        let paths = try registryPaths(daemon.path("registry.git"))
        for index in 0..<16 { #expect(paths.contains("projects/pr/projet-\(index)/codesocial.yml")) }
        #expect(try Shell.git("--git-dir", daemon.path("registry.git"), "rev-list", "--count", "main").trimmed == "17")
        try Shell.git("--git-dir", daemon.path("registry.git"), "fsck", "--strict")
    }

    @Test("16 processes into the local default registry, created by whichever comes first: all 16 on main")
    func sixteenIntoDefaultRegistry() async throws {
        let sandbox = try PublishCLISandbox()
        let files = try (0..<16).map { try sandbox.description("local-\($0)") }
        let outputs = try await sandbox.concurrently(16) { index in
            (["publish", files[index]], sandbox.environment(user: "user\(index)", cache: "shared\(index % 4)"))
        }
        for (index, output) in outputs.enumerated() { #expect(output.status == 0, "process \(index): \(output)") }
        #expect(outputs.filter { $0.stderr.contains("created the default registry") }.count == 1)
        let registry = sandbox.root.path("data/codesocial/registry.git")
        let paths = try registryPaths(registry)
        for index in 0..<16 { #expect(paths.contains("projects/lo/local-\(index)/codesocial.yml")) }
        #expect(try Shell.git("--git-dir", registry, "rev-list", "--count", "main").trimmed == "17")
        try Shell.git("--git-dir", registry, "fsck", "--strict")
    }

    @Test("kill -9 during publishes, then publish again: it succeeds and main never holds an invalid entry")
    func killNine() throws {
        let sandbox = try PublishCLISandbox()
        let daemon = try GitDaemon()
        defer { daemon.stop() }
        try sandbox.seedRegistry(at: try daemon.createRepository("registry.git"))
        let url = daemon.url("registry.git")
        let local = sandbox.root.path("local.git")
        #expect(try CLIRunner.run(["registry", "init", local, "--bare"], environment: sandbox.environment()).status == 0)
        let executable = try CLIRunner.executablePath()
        for (round, delay) in [0.005, 0.02, 0.05, 0.1, 0.2].enumerated() {
            for registry in [url, local] {
                let file = try sandbox.description("crash", summary: "tour \(round)")
                var env = ProcessInfo.processInfo.environment
                for (key, value) in sandbox.environment() { env[key] = value }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = ["publish", file, "--registry", registry]
                process.environment = env
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                Thread.sleep(forTimeInterval: delay)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                // Whatever main holds is a complete, valid entry (or no entry at all).
                let gitDirectory = registry == url ? daemon.path("registry.git") : local
                try Shell.git("--git-dir", gitDirectory, "fsck", "--strict")
                let shown = try Shell.git("--git-dir", gitDirectory, "show", "main:projects/cr/crash/codesocial.yml", check: false)
                if shown.status == 0 {
                    let check = try CLIRunner.run(["validate", "-"], environment: sandbox.environment(), input: Data(shown.stdout.utf8))
                    #expect(check.status == 0, "round \(round): invalid entry on main: \(check)")
                }
                let again = try CLIRunner.run(["publish", file, "--registry", registry], environment: sandbox.environment())
                #expect(again.status == 0, "round \(round) \(registry): \(again)")
                #expect(try Shell.git("--git-dir", gitDirectory, "show", "main:projects/cr/crash/codesocial.yml").stdout
                        == PublishCLISandbox.text("crash", summary: "tour \(round)"))
            }
        }
    }
}
