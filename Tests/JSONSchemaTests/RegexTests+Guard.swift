import Foundation
import Testing
@testable import JSONSchema

/// The deadline on every match, and the shared cache under concurrency.
@Suite("ECMA-262 regex: ReDoS guard and cache")
struct RegexGuardTests {
    @Test("a catastrophic pattern on ICU stops at its deadline with .timeout",
          arguments: ["^(a+)+(?=$)", "^(a|aa)+\\b$", "^(a+)+$", "(x+x+)+y"])
    func catastrophicBacktracking(_ pattern: String) throws {
        // allowNative: false forces ICU for the regular ones too (the DFA would answer at once).
        let regex = try ECMARegex(pattern, allowNative: false)
        let subject = pattern == "(x+x+)+y" ? String(repeating: "x", count: 40) : String(repeating: "a", count: 40) + "!"
        let limit = Duration.milliseconds(500)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: ECMARegexError.timeout(pattern: pattern, limit: limit)) {
            _ = try regex.matches(subject, timeout: limit)
        }
        // Unguarded, ICU would take minutes. The kind above is the assertion; this bound is only a
        // sanity check of the product's deadline, wide enough for a loaded machine.
        #expect(clock.now - start < .seconds(15))
    }

    @Test("regular patterns run on the native DFA: catastrophic ones answer at once, exactly")
    func nativeMatcher() throws {
        for pattern in ["^(a+)+$", "^(a|aa)+$", "(x+x+)+y", "^(\\w+\\s?)+$"] {
            let regex = try ECMARegex(pattern)
            #expect(regex.usesNativeMatcher, "/\(pattern)/ should run natively")
            // A 1 ms limit on a catastrophic subject: ICU would throw .timeout; the DFA has no
            // deadline and answers (no wall clock needed to tell them apart).
            let subject = pattern == "(x+x+)+y" ? String(repeating: "x", count: 5000) : String(repeating: "a", count: 5000) + "!"
            #expect(try !regex.matches(subject, timeout: .milliseconds(1)))
            #expect(try regex.matches(pattern == "(x+x+)+y" ? "xxy" : "aaaa", timeout: .milliseconds(1)))
        }
        for pattern in ["\\p{L}+", "[\\p{Lu}\\d]", "\\P{gc=Nd}", "\\p{General_Category=Letter}"] {
            #expect(try ECMARegex(pattern).usesNativeMatcher, "/\(pattern)/ should run natively")
        }
        for pattern in ["(a)\\1", "a(?=b)", "\\bx", "\\p{Script=Greek}", "\\p{letter}", "(?i:a)", "(?<=a)b", "(?m:^a)"] {
            #expect(try !ECMARegex(pattern).usesNativeMatcher, "/\(pattern)/ needs ICU")
        }
    }

    @Test("ICU compiles up front only what it might refuse; the rest on the first match that needs it")
    func deferredICU() throws {
        // Regular patterns never need ICU; look-aheads need it only when a match runs.
        for pattern in ["^[a-z0-9]+(-[a-z0-9]+)*$", "^P(?!$)([0-9]+Y)?(T(?=[0-9])([0-9]+H)?)?$", "a{1000}", "\\bx", "(?i:a)"] {
            #expect(try !ECMARegex(pattern).hasCompiledICU, "/\(pattern)/ should wait for its first ICU match")
        }
        let lookahead = try ECMARegex("^P(?!$)([0-9]+Y)?(T(?=[0-9])([0-9]+H)?)?$")
        #expect(try lookahead.matches("P1Y", timeout: .seconds(5)))
        #expect(try !lookahead.matches("P", timeout: .seconds(5)))
        #expect(try !lookahead.matches("PT", timeout: .seconds(5)))
        #expect(lookahead.hasCompiledICU)
        // What ICU alone checks is checked when the schema compiles: property names, back-references,
        // look-behinds, large counts, long patterns.
        let checked = ["\\p{Script=Greek}", "\\p{L}", "(a)\\1", "(?<a>x)\\k<a>", "(?<=a)b", "(?<!a)b", "a{1001}", "x{2,5000}",
                       String(repeating: "ab", count: 2100)]
        for pattern in checked {
            #expect(try ECMARegex(pattern).hasCompiledICU, "/\(pattern.prefix(40))/ should be compiled by ICU at once")
        }
        // The ICU-only path used by the differential tests compiles at once too.
        #expect(try ECMARegex("^abc$", allowNative: false).hasCompiledICU)
    }

    @Test("patterns too large for a DFA fall back to ICU and still match")
    func dfaLimits() throws {
        // (a|b)*a(a|b){14} needs 2^15 DFA states: over the limit.
        let regex = try ECMARegex("(a|b)*a(a|b){14}$")
        #expect(!regex.usesNativeMatcher)
        #expect(try regex.matches("b" + "a" + String(repeating: "b", count: 14), timeout: .seconds(5)))
        let counted = try ECMARegex("^a{0,100000}$")
        #expect(!counted.usesNativeMatcher)
        #expect(try counted.matches("aaa", timeout: .seconds(5)))
        let bounded = try ECMARegex("^[a-z0-9-]{1,63}$")
        #expect(bounded.usesNativeMatcher)
        #expect(try bounded.matches(String(repeating: "a", count: 63), timeout: .seconds(5)))
        #expect(try !bounded.matches(String(repeating: "a", count: 64), timeout: .seconds(5)))
    }

    @Test("building the DFA of a hostile pattern stays within a counted work budget: refused at a limit, or built",
          arguments: [
              // The 120 letters share one class (same sets): the DFA is refused for its 2^13 states.
              ("(?:[\(RegexGuardTests.letters)]|[a-z])*a[a-z\(RegexGuardTests.letters)]{12}$", RegexDFA.Refusal.tooManyStates),
              ("(?:a|b|c|d|e|f|g|h)*[aceg](?:[a-h]){11}x", .tooManyStates),
              // 200 letters, each its own class, in 8 optional copies: each step is cheap, but
              // classes × states × NFA size exceeds the work budget.
              ("(?:" + (0..<200).map { String(UnicodeScalar(0x400 + $0)!) }.joined(separator: "|") + "){1,8}x", .workBudget),
              // 120 optional atoms: a large NFA, but a small DFA (121 states) built within the budget.
              (String(repeating: "(?:a?){30}", count: 4) + "b", nil),
          ] as [(String, RegexDFA.Refusal?)])
    func hostileConstruction(_ pattern: String, refusal: RegexDFA.Refusal?) throws {
        // Deterministic: the construction counts its steps; no wall clock.
        let node = try ECMAPatternTranslator.translate(pattern, lookbehindCap: ECMARegex.defaultLookbehindCap).node
        let construction = RegexDFA.build(node)
        let regex = try ECMARegex(pattern)
        switch construction.result {
        case let .failure(reason):
            #expect(reason == refusal)
            // One step (a closure and a set added) is at most a few times the NFA's size.
            #expect(construction.work <= RegexDFA.maxConstructionWork + 8 * RegexDFA.maxNFAStates)
            #expect(!regex.usesNativeMatcher)
        case .success:
            #expect(refusal == nil, "/\(pattern.prefix(40))…/ built a DFA: the construction limits do not hold")
            #expect(construction.work <= RegexDFA.maxConstructionWork)
            #expect(regex.usesNativeMatcher)
        }
        #expect(try regex.matches("zz", timeout: .seconds(5)) == false)
    }

    /// 120 letters outside ASCII, every other code point from U+0100: 240 set boundaries.
    static let letters = (0..<120).compactMap { UnicodeScalar(0x100 + $0 * 2).map(String.init) }.joined()

    @Test("the construction's work counter grows with the pattern, and small patterns stay far below the budget")
    func constructionWork() throws {
        let small = RegexDFA.build(try ECMAPatternTranslator.translate("^[a-z0-9]+(?:-[a-z0-9]+)*$", lookbehindCap: 256).node)
        guard case .success = small.result else {
            Issue.record("a slug pattern must run on the DFA")
            return
        }
        #expect(small.work > 0)
        #expect(small.work < RegexDFA.maxConstructionWork / 100)
        let unsupported = RegexDFA.build(try ECMAPatternTranslator.translate("(a)\\1", lookbehindCap: 256).node)
        #expect(throws: RegexDFA.Refusal.unsupported) { try unsupported.result.get() }
        let counted = RegexDFA.build(try ECMAPatternTranslator.translate("^a{0,100000}$", lookbehindCap: 256).node)
        #expect(throws: RegexDFA.Refusal.nfaTooLarge) { try counted.result.get() }
    }

    @Test("the guard does not cut a long but linear match short")
    func longLinearMatch() throws {
        let subject = String(repeating: "ab", count: 200_000) + "c"
        #expect(try ECMARegex("^(?:ab)+c$").matches(subject, timeout: .seconds(20)))
        #expect(try ECMARegex("^(?:ab)+d").matches(subject, timeout: .seconds(20)) == false)
    }

    @Test("one compiled pattern per source, shared safely by many threads")
    func cacheUnderConcurrency() async throws {
        let patterns = (0..<40).map { "^item-\($0)-[a-z]+\\d*$" }
        let results = await withTaskGroup(of: (Int, ObjectIdentifier, Bool).self) { group in
            for worker in 0..<16 {
                group.addTask {
                    var last: (Int, ObjectIdentifier, Bool) = (0, ObjectIdentifier(NSObject()), false)
                    for round in 0..<200 {
                        let index = (worker + round) % patterns.count
                        guard let regex = try? ECMARegex.cached(patterns[index]) else {
                            return (index, ObjectIdentifier(NSObject()), false)
                        }
                        let good = (try? regex.matches("item-\(index)-abc42", timeout: .seconds(5))) == true
                        let bad = (try? regex.matches("item-\(index)-ABC", timeout: .seconds(5))) == false
                        last = (index, ObjectIdentifier(regex), good && bad)
                        if !(good && bad) { return last }
                    }
                    return last
                }
            }
            var collected: [(Int, ObjectIdentifier, Bool)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 16)
        for (index, identity, correct) in results {
            #expect(correct, "pattern \(index) matched wrongly under concurrency")
            #expect(identity == ObjectIdentifier(try ECMARegex.cached(patterns[index])), "pattern \(index) compiled twice")
        }
    }

    @Test("one ICU-backed pattern shared by many threads matches correctly")
    func icuUnderConcurrency() async throws {
        let regex = try ECMARegex("^(?<word>[a-z]+)-\\k<word>\\b")
        #expect(!regex.usesNativeMatcher)
        let correct = await withTaskGroup(of: Bool.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    (0..<300).allSatisfy { round in
                        let word = String(repeating: "ab", count: 1 + (worker + round) % 7)
                        let good = (try? regex.matches("\(word)-\(word) tail", timeout: .seconds(5))) == true
                        let bad = (try? regex.matches("\(word)-\(word)x", timeout: .seconds(5))) == false
                        return good && bad
                    }
                }
            }
            var all = true
            for await result in group { all = all && result }
            return all
        }
        #expect(correct)
    }

    @Test("invalid patterns are cached with their error")
    func cachedErrors() {
        for _ in 0..<2 {
            #expect(throws: ECMARegexError.self) { _ = try ECMARegex.cached("(?P<x>a)") }
        }
    }

    @Test("UTF-16 ranges: text after an emoji is searched, nothing is truncated")
    func utf16Ranges() throws {
        let subject = String(repeating: "👩‍👩‍👧‍👦", count: 50) + "tail"
        #expect(try ECMARegex("tail$").matches(subject, timeout: .seconds(5)))
        #expect(try ECMARegex("^(?:👩\\u200D👩\\u200D👧\\u200D👦){50}tail$").matches(subject, timeout: .seconds(5)))
    }
}
