import Foundation
import Testing
@testable import Registry

@Suite("The embedded registry template")
struct PublishTemplateTests {
    /// registry-template/ at the package root.
    static let templateDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("registry-template")

    @Test("the embedded copy equals registry-template/ (run scripts/embed-registry-template after editing it)")
    func embeddedEqualsDirectory() throws {
        let root = Self.templateDirectory
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        var onDisk: [String: Data] = [:]
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            onDisk[relative] = try Data(contentsOf: url)
        }
        let embedded = Dictionary(uniqueKeysWithValues: RegistryTemplate.files.map { ($0.path, $0.contents) })
        #expect(onDisk.count >= 9)
        #expect(Set(embedded.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(embedded[path] == data, "registry-template/\(path) differs from the embedded copy")
        }
    }

    @Test("the template has READMEs in French and English, the agreement, CI for three forges and projects/")
    func contents() {
        let paths = Set(RegistryTemplate.files.map(\.path))
        for path in ["README.md", "README.en.md", "CONTRIBUTING.md", "GOVERNANCE.md", ".codesocial-registry.yml",
                     "projects/.gitkeep", ".github/workflows/registry-check.yml", ".gitlab-ci.yml",
                     ".forgejo/workflows/registry-check.yml"] {
            #expect(paths.contains(path), "missing \(path)")
        }
        let governance = String(decoding: RegistryTemplate.files.first { $0.path == "GOVERNANCE.md" }?.contents ?? Data(), as: UTF8.self)
        #expect(governance.contains("Convention d'inscription") && governance.contains("Registration agreement"))
        for ci in [".github/workflows/registry-check.yml", ".gitlab-ci.yml", ".forgejo/workflows/registry-check.yml"] {
            let text = String(decoding: RegistryTemplate.files.first { $0.path == ci }?.contents ?? Data(), as: UTF8.self)
            #expect(text.contains("codesocial registry check"), "\(ci) does not run the check")
        }
    }

    @Test("--name replaces the registry's name, quoted for YAML")
    func named() throws {
        let file = try #require(RegistryTemplate.files(name: "Registre \"Lyon\" #2").first { $0.path == RegistryLayout.configPath })
        let config = try RegistryConfig.parse(file.contents)
        #expect(config.name == "Registre \"Lyon\" #2")
    }
}
