import Foundation
import JSONSchema

/// The engine benchmark: times this engine on the documents `scripts/bench-schema` generates.
///
/// Usage: `SchemaBench <folder>` where the folder holds `schema.json` and the four documents
/// (`small-valid`, `small-invalid`, `large-valid`, `large-invalid`). Writes one JSON line per
/// (engine, document) to `<folder>/ours.jsonl` and progress to stderr; `scripts/bench-schema`
/// then prints the comparison table. Exit 2 on a usage or input problem, 1 when a document gets
/// the wrong verdict (the numbers would mean nothing).
@main
enum SchemaBench {
    static let documents = ["small-valid", "small-invalid", "large-valid", "large-invalid"]

    static func main() {
        // `--only <engine> <document>` times one cell (for profilers such as callgrind).
        var arguments = Array(CommandLine.arguments.dropFirst())
        var only: (engine: String, document: String)?
        if let flag = arguments.firstIndex(of: "--only"), flag + 2 < arguments.count {
            only = (arguments[flag + 1], arguments[flag + 2])
            arguments.removeSubrange(flag...(flag + 2))
        }
        guard arguments.count == 1, let folder = arguments.first else {
            fail("usage: SchemaBench <folder> [--only flag|exhaustive|parse <document>] (see scripts/bench-schema)", code: 2)
        }
        let schema = load(folder, "schema")
        let validator: Validator
        do {
            validator = try Validator(schema: schema)
        } catch {
            fail("schema.json does not compile: \(error)", code: 2)
        }
        var lines: [String] = []
        for name in documents where only == nil || only?.document == name {
            let bytes = read(folder, name)
            let document = load(folder, name)
            let expected = name.hasSuffix("-valid")
            guard validator.isValid(document) == expected, validator.validate(document).isValid == expected else {
                fail("\(name): this engine's verdict is not \(expected ? "valid" : "invalid")", code: 1)
            }
            let runs: [(String, () -> Bool)] = [
                ("codesocial flag", { validator.isValid(document) }),
                ("codesocial exhaustive", { validator.validate(document).isValid }),
                ("codesocial parse", { (try? JSONParser.parseValue(bytes)) != nil }),
            ]
            for (engine, call) in runs where only == nil || engine.hasSuffix(" " + (only?.engine ?? "")) {
                if only != nil {
                    // A fixed amount of work, so that a profiler sees the steady state.
                    let calls = name.hasPrefix("large") ? 30 : 3000
                    let clock = ContinuousClock()
                    let start = clock.now
                    var verdicts = 0
                    for _ in 0..<calls where call() { verdicts += 1 }
                    print("\(engine) \(name): \(Timing.seconds(clock.now - start) / Double(calls) * 1e6) µs per call (\(verdicts)/\(calls) true)")
                    continue
                }
                let (median, calls) = Timing.measure(call)
                let micros = median * 1e6
                lines.append(#"{"engine": "\#(engine)", "document": "\#(name)", "median_us": \#(micros), "calls": \#(calls)}"#)
                let padded = engine.padding(toLength: 28, withPad: " ", startingAt: 0)
                let doc = name.padding(toLength: 14, withPad: " ", startingAt: 0)
                FileHandle.standardError.write(Data("  \(padded) \(doc) \(String(format: "%12.1f", micros)) µs  (\(calls) calls)\n".utf8))
            }
        }
        guard only == nil else { return }
        let output = URL(fileURLWithPath: folder).appendingPathComponent("ours.jsonl")
        do {
            try (lines.joined(separator: "\n") + "\n").write(to: output, atomically: true, encoding: .utf8)
        } catch {
            fail("cannot write \(output.path): \(error)", code: 2)
        }
    }

    static func read(_ folder: String, _ name: String) -> Data {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("\(name).json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            fail("cannot read \(path); run scripts/bench-schema, which generates it", code: 2)
        }
        return data
    }

    static func load(_ folder: String, _ name: String) -> JSONValue {
        do {
            return try JSONParser.parseValue(read(folder, name))
        } catch {
            fail("\(name).json: \(error)", code: 2)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("SchemaBench: \(message)\n".utf8))
        exit(code)
    }
}
