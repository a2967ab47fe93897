import Testing
@testable import JSONSchema

/// The native DFA against ICU on generated patterns and subjects (deterministic seed).
@Suite("ECMA-262 regex: native matcher agrees with ICU")
struct RegexDifferentialTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let atoms = ["a", "b", "é", "😀", "[ab]", "[^a]", ".", "\\d", "\\w", "\\s", "[a-c\\d]", "[^\\s]", "\\u{1F600}", "\\n", "-",
                        "\\p{L}", "\\P{Lu}", "[\\p{N}a]"]
    static let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "+?"]

    static func pattern(_ generator: inout Generator, depth: Int = 0) -> String {
        var alternatives: [String] = []
        for _ in 0..<(1 + generator.next(depth == 0 ? 3 : 2)) {
            var text = ""
            for _ in 0..<(1 + generator.next(4)) {
                if depth < 2 && generator.next(5) == 0 {
                    // Lazy quantifiers on groups included: without back-references the translation
                    // writes them greedy, which keeps ICU clear of its lazy-loop bug (`(?:a?)*?x|b`).
                    text += "(" + (generator.next(2) == 0 ? "?:" : "") + pattern(&generator, depth: depth + 1) + ")"
                    text += generator.pick(quantifiers)
                } else {
                    text += generator.pick(atoms) + generator.pick(quantifiers)
                }
            }
            alternatives.append(text)
        }
        var result = alternatives.joined(separator: "|")
        if generator.next(3) == 0 { result = "^(?:" + result + ")" }
        if generator.next(3) == 0 { result += "$" }
        return result
    }

    static func subject(_ generator: inout Generator) -> String {
        let pieces = ["a", "b", "c", "é", "😀", "1", " ", "\n", "-", "\u{2028}", "ab", "aab"]
        var text = ""
        for _ in 0..<generator.next(9) { text += generator.pick(pieces) }
        return text
    }

    @Test("General_Category escapes: the native sets (Swift's Unicode data) agree with ICU's up to Unicode 16",
          arguments: ["L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pd",
                      "Ps", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Cc", "Cf", "Co", "Cn"])
    func generalCategory(_ name: String) throws {
        let native = try ECMARegex("^\\p{\(name)}$")
        let icu = try ECMARegex("^\\p{\(name)}$", allowNative: false)
        #expect(native.usesNativeMatcher)
        var differences: [String] = []
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 61) {
            // Swift's Unicode data can be newer than ICU's (Unicode 17 vs 16 here): compare the code
            // points both know; newer ones follow Swift's data on the native path.
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major <= 16 else { continue }
            let text = String(Character(scalar))
            if try native.matches(text, timeout: .seconds(1)) != icu.matches(text, timeout: .seconds(1)) {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty, "\\p{\(name)} differs from ICU at U+\(differences.prefix(10))")
    }

    @Test("300 generated patterns × 12 subjects give the same answer on both matchers")
    func generated() throws {
        var generator = Generator(state: 20_261_123)
        var compared = 0
        var native = 0
        var icuTimeouts = 0
        for _ in 0..<300 {
            let source = Self.pattern(&generator)
            let fast = try ECMARegex(source)
            let icu = try ECMARegex(source, allowNative: false)
            if fast.usesNativeMatcher { native += 1 }
            for _ in 0..<12 {
                let text = Self.subject(&generator)
                // ICU itself can backtrack for long on generated nested quantifiers: such cases
                // prove nothing about the DFA and are counted, not compared.
                guard let expected = try? icu.matches(text, timeout: .milliseconds(200)) else {
                    icuTimeouts += 1
                    continue
                }
                #expect(try fast.matches(text, timeout: .seconds(5)) == expected,
                        "/\(source)/ on \(text.debugDescription): ICU says \(expected)")
                compared += 1
            }
        }
        #expect(native >= 290, "almost every generated pattern is small and regular, so should run natively")
        #expect(icuTimeouts < compared / 50, "too many ICU timeouts (\(icuTimeouts)) for a meaningful comparison")
        print("native matcher vs ICU: \(compared) comparisons, \(native) patterns native, \(icuTimeouts) ICU timeouts skipped")
    }
}
