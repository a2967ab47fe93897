import Foundation
import Testing
import TestSupport

/// HTTPS with a private certificate authority, end to end (libgit2's TLS store is process-wide, so the
/// trusted file is given to the `codesocial` child process only).
@Suite("codesocial publish over HTTPS")
struct PublishHTTPSTests {
    @Test("an untrusted certificate is exit 5 with a hint; trusted through GIT_SSL_CAINFO or SSL_CERT_FILE it publishes")
    func privateAuthority() throws {
        let sandbox = try PublishCLISandbox()
        let server = try SmartHTTPServer(tls: true)
        defer { server.stop() }
        try sandbox.seedRegistry(at: try server.createRepository("registry.git"))
        // Each run names its certificate authorities explicitly: the machine may set these variables globally.
        let credentials = ["CODESOCIAL_USERNAME": server.username, "CODESOCIAL_TOKEN": server.password,
                           "GIT_SSL_CAINFO": "", "SSL_CERT_FILE": "", "SSL_CERT_DIR": ""]
        let url = server.url("registry.git")
        #expect(url.hasPrefix("https://"))

        let first = try sandbox.description("tlsproj")
        let untrusted = try CLIRunner.run(["publish", first, "--registry", url, "--timeout", "20"],
                                          environment: sandbox.environment(extra: credentials))
        #expect(untrusted.status == 5, "\(untrusted)")
        #expect(untrusted.stderr.contains("certificate"), "\(untrusted)")
        #expect(untrusted.stderr.contains("GIT_SSL_CAINFO"), "\(untrusted)")

        var trusted = credentials
        trusted["GIT_SSL_CAINFO"] = server.certificateFile
        let published = try CLIRunner.run(["publish", first, "--registry", url, "--timeout", "20"],
                                          environment: sandbox.environment(extra: trusted))
        #expect(published.status == 0, "\(published)")

        let second = try sandbox.description("tlsautre")
        var viaOpenSSLName = credentials
        viaOpenSSLName["SSL_CERT_FILE"] = server.certificateFile
        let again = try CLIRunner.run(["publish", second, "--registry", url, "--timeout", "20"],
                                      environment: sandbox.environment(extra: viaOpenSSLName))
        #expect(again.status == 0, "\(again)")

        let served = server.path("registry.git")
        let paths = try Shell.git("--git-dir", served, "ls-tree", "-r", "--name-only", "main").stdout
        #expect(paths.contains("projects/tl/tlsproj/codesocial.yml") && paths.contains("projects/tl/tlsautre/codesocial.yml"))
        let fsck = try Shell.git("--git-dir", served, "fsck", "--strict", check: false)
        #expect(fsck.status == 0, "\(fsck)")

        let missing = try CLIRunner.run(["publish", second, "--registry", url, "--timeout", "20"],
                                        environment: sandbox.environment(extra: credentials.merging(["GIT_SSL_CAINFO": "/nonexistent/ca.pem"]) { $1 }))
        #expect(missing.status != 0 && missing.status != 70, "\(missing)")
        #expect(missing.stderr.contains("/nonexistent/ca.pem"), "\(missing)")
    }
}
