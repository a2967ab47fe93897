import Foundation
import TestSupport
import Testing

/// `validate` on inputs that are not plain readable files: FIFOs, devices, folders, I/O
/// errors, several inputs of which some are missing, oversized files, `--schema` problems.
@Suite("codesocial validate: unusual inputs")
struct ValidateInputsTests {
    private func makeFIFO(_ path: String) throws {
        let status = try Shell.run(["mkfifo", path], check: false)
        try #require(status.status == 0, "mkfifo failed: \(status)")
    }

    /// Runs `codesocial` under `timeout`, so that a regression that opens a FIFO fails (status 124) instead of hanging.
    private func runBounded(_ arguments: [String], in directory: String) throws -> Shell.Output {
        try Shell.run(["timeout", "60", try CLIRunner.executablePath()] + arguments, in: directory, environment: CLIRunner.pinnedEnvironment, check: false)
    }

    @Test("a FIFO named codesocial.yml in a searched folder is skipped, never opened (it would hang)")
    func fifoInDirectory() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("d/sub"), withIntermediateDirectories: true)
        try makeFIFO(directory.path("d/codesocial.yml"))
        _ = try directory.write("codesocial: 1\n", to: "d/sub/codesocial.yml")
        let result = try runBounded(["validate", "d"], in: directory.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("d/sub/codesocial.yml:1:1: error: "))
        #expect(!result.stdout.contains("d/codesocial.yml:"))
        #expect(result.stdout.contains("\n1 file: 0 valid, 1 invalid; "))
    }

    @Test("an explicit FIFO or device is refused with exit 66, without blocking")
    func explicitSpecialFiles() throws {
        let directory = try TemporaryDirectory()
        try makeFIFO(directory.path("pipe.yml"))
        let fifo = try runBounded(["validate", "pipe.yml"], in: directory.path)
        #expect(fifo.status == 66)
        #expect(fifo.stdout == "")
        #expect(fifo.stderr == "codesocial: error: pipe.yml: is not a regular file (a FIFO, device or socket); give a file, or - to read standard input\n")
        let device = try CLIRunner.run(["validate", "/dev/null"])
        #expect(device.status == 66)
        #expect(device.stderr.contains("/dev/null: is not a regular file"))
    }

    @Test("valid, invalid and missing inputs: every readable file is reported, the missing one on stderr, exit 66")
    func mixedInputs() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("{\"codesocial\": 1}", to: "ok.json")
        _ = try directory.write("", to: "nul.yml")
        let result = try CLIRunner.run(["validate", "ok.json", "nul.yml", "missing.yml"], in: directory.path)
        #expect(result.status == 66)
        #expect(result.stdout.contains("ok.json:1:1: error: "))
        #expect(result.stdout.contains("nul.yml: error: the file is empty; create a description with `codesocial init` [CS005 empty-document at /]\n"))
        #expect(result.stdout.hasSuffix("2 files: 0 valid, 2 invalid; 8 errors, 14 warnings\n"), "\(result.stdout)")
        #expect(result.stderr == "codesocial: error: missing.yml: no such file; create a description with `codesocial init`, or give its path\n")
        // Missing first, then a directory without description: both named, the valid file still reported.
        _ = try directory.write(ValidateCommandTests.valid, to: "good/codesocial.yml")
        try FileManager.default.createDirectory(atPath: directory.path("none"), withIntermediateDirectories: true)
        let two = try CLIRunner.run(["validate", "missing.yml", "none", "good"], in: directory.path)
        #expect(two.status == 66)
        #expect(two.stdout.hasSuffix("1 file: 1 valid, 0 invalid; 0 errors, 7 warnings\n"), "\(two.stdout)")
        #expect(two.stderr.contains("codesocial: error: missing.yml: no such file"))
        #expect(two.stderr.contains("codesocial: error: none: no codesocial.yml"))
    }

    @Test("a read error is reported as such, not as an empty file")
    func readError() throws {
        try #require(FileManager.default.fileExists(atPath: "/proc/self/mem"), "this test needs Linux's /proc/self/mem (EIO on read)")
        let result = try CLIRunner.run(["validate", "/proc/self/mem"])
        #expect(result.status == 66)
        #expect(result.stderr == "codesocial: error: /proc/self/mem: cannot be read: input/output error\n")
        #expect(!result.stdout.contains("empty"))
    }

    @Test("a file over --max-size: its real size, the limit in MiB and how to raise it")
    func oversized() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(String(repeating: "a", count: 3 << 20), to: "codesocial.yml")
        let result = try CLIRunner.run(["validate"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("codesocial.yml: error: the file (3145728 bytes) is larger than 1048576 bytes (1 MiB); a description takes a few tens of KiB: check that this is the right file, or raise the limit with `validate --max-size` if intended [CS001 file-too-large at /]\n"), "\(result.stdout)")
    }

    @Test("--schema problems: missing, a folder, a device, an empty file — no hint about `init`")
    func schemaInputs() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("{\"codesocial\": 1}", to: "ok.json")
        _ = try directory.write("", to: "empty.json")
        let cases: [(String, Int32, String)] = [
            ("missing.json", 66, "codesocial: error: --schema missing.json: no such file; give the path of a JSON Schema 2020-12 (YAML or JSON)\n"),
            (".", 66, "codesocial: error: --schema .: is a folder; give a file\n"),
            ("/dev/null", 66, "codesocial: error: --schema /dev/null: is not a regular file (a FIFO, device or socket); give a file, or - to read standard input\n"),
            ("empty.json", 1, "codesocial: error: --schema empty.json: empty schema file; give a JSON Schema 2020-12 (YAML or JSON)\n"),
        ]
        for (schema, status, stderr) in cases {
            let result = try CLIRunner.run(["validate", "--schema", schema, "ok.json"], in: directory.path)
            #expect(result.status == status, "\(schema): \(result)")
            #expect(result.stderr == stderr, "\(schema)")
            #expect(!result.stderr.contains("init"), "\(schema)")
        }
    }

    @Test("a --schema that does not compile: the schema file, line and column of the failing keyword; remote $ref explained")
    func schemaCompileErrors() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("{\"a\": \"x\"}", to: "ok.json")
        _ = try directory.write("type: object\nproperties:\n  a:\n    type: string\n    pattern: \"(unclosed\"\n", to: "bad.yml")
        let bad = try CLIRunner.run(["validate", "--schema", "bad.yml", "ok.json"], in: directory.path)
        #expect(bad.status == 1)
        #expect(bad.stdout == "")
        #expect(bad.stderr == "codesocial: error: bad.yml:5:14: the schema cannot be used: schema /properties/a/pattern: invalid regular expression \"(unclosed\": unterminated group at position 1\n")
        _ = try directory.write("{\n  \"type\": \"object\",\n  \"$ref\": \"https://example.org/s.json\"\n}\n", to: "remote.json")
        let remote = try CLIRunner.run(["validate", "--schema", "remote.json", "ok.json"], in: directory.path)
        #expect(remote.status == 1)
        #expect(remote.stderr == """
            codesocial: error: remote.json:3:3: the schema cannot be used: schema root: cannot resolve $ref "https://example.org/s.json": codesocial does not fetch remote schemas
            hint: copy the referenced schema into this file under `$defs` and point at it with `$ref: "#/$defs/name"`

            """)
        #expect(!remote.stderr.contains("SchemaRegistry"))
    }
}
