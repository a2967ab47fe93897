import Foundation
import Testing
@testable import Registry

@Suite("Registry layout, configuration and location")
struct PublishLayoutTests {
    @Test("ids map to sharded paths and back", arguments: [
        ("wemob", "projects/we/wemob/codesocial.yml"),
        ("ab", "projects/ab/ab/codesocial.yml"),
        ("tiers-lieu-42", "projects/ti/tiers-lieu-42/codesocial.yml"),
    ])
    func pathRoundTrip(id: String, path: String) {
        #expect(RegistryLayout.sharded.path(for: id) == path)
        #expect(RegistryLayout.sharded.id(forPath: path) == id)
    }

    @Test("paths that are not exactly where an entry belongs are refused", arguments: [
        "projects/xx/wemob/codesocial.yml", "projects/we/wemob/other.yml", "projects/we/wemob/a/codesocial.yml",
        "projects/We/We/codesocial.yml", "wemob/codesocial.yml", "projects/.gitkeep", "projects/-a/-a/codesocial.yml",
    ])
    func misplaced(path: String) {
        #expect(RegistryLayout.sharded.id(forPath: path) == nil)
    }

    @Test("id syntax", arguments: [("a", false), ("ab", true), ("a-b", true), ("a--b", false), ("-ab", false),
                                   ("ab-", false), ("Ab", false), ("é", false), (String(repeating: "a", count: 64), true),
                                   (String(repeating: "a", count: 65), false)])
    func idSyntax(id: String, valid: Bool) {
        #expect(RegistryLayout.isValidID(id) == valid)
    }

    @Test("the template's configuration parses")
    func templateConfig() throws {
        let file = try #require(RegistryTemplate.files.first { $0.path == RegistryLayout.configPath })
        let config = try RegistryConfig.parse(file.contents)
        #expect(config.name == "Registre #CodeSocial")
        #expect(config.formats == [1])
        #expect(config.layout == .sharded)
        #expect(config.description["fr"]?.hasPrefix("Les descriptions") == true)
        #expect(config.allowRemoval == false)
    }

    @Test("configuration errors name the line, column and the fix")
    func configErrors() {
        let cases: [(String, String)] = [
            ("codesocial_registry: 1\nname: x\nlayout: sharded-2\nformats: [1]\nnmae: y\n",
             ".codesocial-registry.yml:5:1: unknown key `nmae`"),
            ("codesocial_registry: 1\nname: x\nlayout: flat\nformats: [1]\n",
             ".codesocial-registry.yml:3:9: unknown layout `flat`"),
            ("codesocial_registry: 1\nname: x\nlayout: sharded-2\n", ".codesocial-registry.yml:1:1: missing `formats`"),
            ("codesocial_registry: 2\nname: x\nlayout: sharded-2\nformats: [1]\n",
             ".codesocial-registry.yml:1:1: configuration format version 2 is not supported"),
            ("codesocial_registry: 1\nname: x\nlayout: sharded-2\nformats: [zero]\n",
             ".codesocial-registry.yml:4:11: format versions are positive integers"),
        ]
        for (text, expected) in cases {
            #expect {
                _ = try RegistryConfig.parse(Data(text.utf8))
            } throws: { error in
                guard let error = error as? RegistryError else { return false }
                return error.kind == .notARegistry && error.message.hasPrefix(expected) && error.exitCode == 8
            }
        }
    }

    @Test("registry locations: transports, local paths and credentials kept out of names")
    func locations() throws {
        let cwd = "/home/me/project"
        #expect(try RegistryLocation("../reg.git", currentDirectory: cwd).localPath == "/home/me/reg.git")
        #expect(try RegistryLocation("file:///srv/reg.git", currentDirectory: cwd).localPath == "/srv/reg.git")
        #expect(try RegistryLocation("git://127.0.0.1:9418/reg.git").transport == .git)
        #expect(try RegistryLocation("ssh://git@host:2222/srv/reg.git").transport == .ssh)
        #expect(try RegistryLocation("git@host:team/reg.git").transport == .ssh)
        let http = try RegistryLocation("https://alice:s3cret@forge.example/team/reg.git")
        #expect(http.transport == .http)
        #expect(!http.displayURL.contains("s3cret"))
        #expect(!http.cacheName.contains("s3cret") && !http.cacheName.contains("alice"))
        #expect(http.cacheName == (try RegistryLocation("https://forge.example/team/reg.git/")).cacheName)
        #expect(http.cacheName.hasPrefix("forge.example-team-reg-"))
        #expect(throws: RegistryError.self) { try RegistryLocation("ftp://host/reg.git") }
    }

    @Test("resolution order: option, environment, config file, default")
    func resolution() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cs-loc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("cfg").path,
                   "XDG_DATA_HOME": home.appendingPathComponent("data").path]
        let fallback = try RegistryLocation.resolve(option: nil, environment: env)
        #expect(fallback.isDefault)
        #expect(fallback.localPath == home.appendingPathComponent("data/codesocial/registry.git").path)
        let configDir = home.appendingPathComponent("cfg/codesocial")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
        try Data("registry: git://example.org/reg.git\n".utf8).write(to: configDir.appendingPathComponent("config.yml"))
        let configured = try RegistryLocation.resolve(option: nil, environment: env)
        #expect(configured.url == "git://example.org/reg.git")
        #expect(configured.source == .configFile(configDir.appendingPathComponent("config.yml").path))
        var withVariable = env
        withVariable["CODESOCIAL_REGISTRY"] = "https://h/r.git"
        #expect(try RegistryLocation.resolve(option: nil, environment: withVariable).source == .environment)
        #expect(try RegistryLocation.resolve(option: "/srv/r.git", environment: withVariable).localPath == "/srv/r.git")
    }
}
