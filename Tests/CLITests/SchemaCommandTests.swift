import Foundation
import Testing
import TestSupport

@Suite("codesocial schema")
struct SchemaCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("prints the bundled schema, byte for byte schema/codesocial.schema.json")
    func prints() throws {
        let folder = try TemporaryDirectory()
        let result = try CodesocialCLI.run(["schema"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == (try String(contentsOf: Self.packageRoot.appendingPathComponent("schema/codesocial.schema.json"), encoding: .utf8)))
    }

    @Test("writes the schema or the reference to --output")
    func writes() throws {
        let folder = try TemporaryDirectory()
        #expect(try CodesocialCLI.run(["schema", "--output", "s.json"], in: folder.path).status == 0)
        #expect(try String(contentsOfFile: folder.path("s.json"), encoding: .utf8).contains("\"$id\": \"https://codesocial.org/schema/v1/codesocial.schema.json\""))
        #expect(try CodesocialCLI.run(["schema", "--reference", "--lang", "fr", "-o", "format.fr.md"], in: folder.path).status == 0)
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/format.fr.md"), encoding: .utf8)
        #expect(try String(contentsOfFile: folder.path("format.fr.md"), encoding: .utf8) == committed)
    }

    @Test("reports an output it cannot write (exit 74) and a misplaced --lang (exit 64)")
    func errors() throws {
        let folder = try TemporaryDirectory()
        let unwritable = try CodesocialCLI.run(["schema", "--output", "missing/dir/s.json"], in: folder.path)
        #expect(unwritable.status == 74)
        #expect(unwritable.stderr.contains("cannot write missing/dir/s.json: the folder missing/dir does not exist; create it first"), "\(unwritable)")
        let folderGiven = try CodesocialCLI.run(["schema", "--output", "."], in: folder.path)
        #expect(folderGiven.status == 74)
        #expect(folderGiven.stderr.contains("cannot write .: it is a folder; give a file name"), "\(folderGiven)")
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path("file")))
        let underFile = try CodesocialCLI.run(["schema", "--output", "file/s.json"], in: folder.path)
        #expect(underFile.status == 74)
        #expect(underFile.stderr.contains("cannot write file/s.json: file is not a folder"), "\(underFile)")
        let misplaced = try CodesocialCLI.run(["schema", "--lang", "fr"], in: folder.path)
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--lang applies to --reference only"))
    }
}
