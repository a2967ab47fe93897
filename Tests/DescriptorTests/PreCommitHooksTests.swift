import Foundation
import JSONSchema
import Testing
import Descriptor

@Suite(".pre-commit-hooks.yaml")
struct PreCommitHooksTests {
    static func hooks() throws -> [JSONValue] {
        let data = try Data(contentsOf: ScaffoldTests.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"))
        return try #require(DocumentLoader.load(data, syntax: .yaml).value.arrayValue)
    }

    @Test("offers codesocial-validate (built from source) and codesocial-validate-system (installed), both running validate")
    func hooks() throws {
        let hooks = try Self.hooks()
        #expect(hooks.compactMap { $0["id"]?.stringValue } == ["codesocial-validate", "codesocial-validate-system"])
        #expect(hooks.compactMap { $0["language"]?.stringValue } == ["swift", "system"])
        for hook in hooks {
            #expect(hook["entry"] == "codesocial validate")
            #expect(hook["name"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("runs on codesocial.yml, .yaml and .json in any folder, and on nothing else", arguments: [
        ("codesocial.yml", true), ("projects/we/wemob/codesocial.yaml", true), ("a/codesocial.json", true),
        ("mycodesocial.yml", false), ("codesocial.yml.bak", false), ("codesocial.toml", false), ("docs/codesocial.md", false),
    ])
    func files(path: String, matches: Bool) throws {
        for hook in try Self.hooks() {
            let pattern = try #require(hook["files"]?.stringValue)
            // pre-commit uses Python's re.search; this pattern means the same in ICU.
            let regex = try NSRegularExpression(pattern: pattern)
            let found = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            #expect(found == matches, "\(pattern) on \(path)")
        }
    }
}
