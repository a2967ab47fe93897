import Foundation
import Testing
@testable import JSONSchema

/// ECMA-262 meaning where ICU means something else, and what ECMA-262 rejects.
@Suite("ECMA-262 regex: semantics and syntax")
struct RegexSemanticsTests {
    /// Searches with both matchers and records an issue when they disagree.
    func search(_ pattern: String, _ subject: String) throws -> Bool {
        let icu = try ECMARegex(pattern, allowNative: false).matches(subject, timeout: .seconds(5))
        let regex = try ECMARegex(pattern)
        let result = try regex.matches(subject, timeout: .seconds(5))
        #expect(result == icu, "native matcher and ICU disagree on /\(pattern)/ with \(subject.debugDescription)")
        return result
    }

    @Test("matches like RegExp.prototype.test", arguments: [
        // Anchors: $ never before a trailing newline, ^ only at the start.
        ("^abc$", "abc", true), ("^abc$", "abc\n", false), ("^b", "a\nb", false), ("a$", "a\n", false),
        // Unanchored search.
        ("b", "abc", true), ("x", "abc", false),
        // . stops at the four ECMA line terminators, not at other controls.
        ("^.$", "\n", false), ("^.$", "\r", false), ("^.$", "\u{2028}", false), ("^.$", "\u{85}", true),
        // . and quantifiers count code points (unicode mode), not UTF-16 units or Characters.
        ("^.$", "😀", true), ("^.{3}$", "a😀b", true), ("^.{2}$", "e\u{301}", true), ("^🐲{2}$", "🐲🐲", true),
        ("😀$", "xx😀", true), ("^[😀-😂]$", "😁", true),
        // \d \w \s are ASCII (\s: ECMA whitespace incl. U+FEFF), and so are their complements.
        ("^\\d$", "٣", false), ("^\\D$", "٣", true), ("^\\w$", "é", false), ("^\\W$", "é", true),
        ("^\\s$", "\u{FEFF}", true), ("^\\s$", "\u{85}", false), ("^\\S$", "\u{85}", true),
        ("^[\\D]$", "5", false), ("^[^\\d]$", "5", false), ("^[^\\D]$", "5", true), ("^[^\\S]$", " ", true),
        ("^[\\w-]+$", "a-b_c", true), ("^[\\s\\d]+$", " 1\u{A0}2", true),
        // \b is an ASCII word boundary.
        ("caf\\b", "café", true), ("\\bé", "é", false), ("a\\Bb", "ab", true),
        // [] matches nothing, [^] anything (line terminators too).
        ("[]", "abc", false), ("^[^]$", "\n", true), ("a[]?b", "ab", true),
        // Escapes.
        ("^\\cJ$", "\n", true), ("^\\x41\\u0042\\u{43}$", "ABC", true), ("^\\uD83D\\uDE00$", "😀", true),
        ("^\\u{1F600}$", "😀", true), ("^\\0$", "\u{0}", true), ("^\\/$", "/", true), ("^[\\b]$", "\u{8}", true),
        ("^a\\.b$", "a.b", true), ("^a\\.b$", "axb", false),
        // Characters that are syntax in ICU but literal in ECMA classes.
        ("^[#&~]+$", "#&~", true), ("^[a&&b]+$", "&", true), ("^[[a]$", "[", true), ("^[+--]+$", "+,-", true),
        // Groups, names, back-references, look-arounds, modifiers.
        ("^(?<n>a)\\k<n>$", "aa", true), ("^(a)(b)\\2\\1$", "abba", true), ("^(a)\\1\\x30$", "aa0", true),
        ("(?<=a+)b", "aaab", true), ("(?<!a)b", "ab", false), ("^(?=ab)a", "ab", true),
        ("^(?i:ab)c$", "ABc", true), ("^(?i:ab)c$", "ABC", false), ("^(?s:.)$", "\n", true),
        ("^(?m:a$)", "a\nb", true), ("\\p{Lu}", "é", false), ("\\P{Lu}", "É", false), ("^\\p{Script=Greek}+$", "αβ", true),
        ("^a{2,3}$", "aaaa", false), ("^a+?$", "aa", true), ("^a{2,}$", "aaaa", true),
        // A back-reference before its group, or inside it, matches empty (ICU alone would fail).
        ("^\\1(a)$", "a", true), ("^(a\\1)$", "a", true), ("^\\k<x>(?<x>a)\\k<x>$", "aa", true),
        ("^(?:\\1b|(a))+$", "ab", true),
        // Lazy quantifiers over groups that can match empty (ICU alone loops or misses the match).
        ("(?:a?)*?x\\b|b", "b", true), ("(?:(?:-?|-{2})+?)??[^a]\\b|[a-z]{1,3}", "abc", true),
    ])
    func semantics(_ pattern: String, _ subject: String, _ expected: Bool) throws {
        #expect(try search(pattern, subject) == expected, "/\(pattern)/.test(\(subject.debugDescription))")
    }

    @Test("look-behinds with unbounded quantifiers stay exact on long subjects")
    func longLookbehind() throws {
        let regex = try ECMARegex("(?<=^a+)b")
        let long = String(repeating: "a", count: 5000) + "b"
        #expect(try regex.matches(long, timeout: .seconds(10)))
        #expect(try regex.matches("aab", timeout: .seconds(5)))
        #expect(try !regex.matches(String(repeating: "a", count: 5000) + "cb", timeout: .seconds(10)))
    }

    @Test("rejects what ECMA-262 (unicode mode) rejects, with a reason", arguments: [
        ("\\a", "invalid escape '\\a' at position 1"),
        ("(?P<name>x)", "'(?P' groups are Python syntax"),
        ("(?P<n>a)(?P=n)", "'(?P' groups are Python syntax"),
        ("(?#comment)a", "'(?#…)' comments are not ECMA-262"),
        ("(?i)abc", "no global inline flags such as (?i)"),
        ("(?ims)abc", "no global inline flags such as (?i)"),
        ("^(abc]", "lone ']' (write \\] for a literal bracket) at position 6"),
        ("(abc", "unterminated group at position 1"),
        ("abc)", "unmatched ')' at position 4"),
        ("[abc", "unterminated character class at position 1"),
        ("a**", "nothing to repeat before '*'"),
        ("*a", "nothing to repeat before '*' at position 1"),
        ("a{2,1}", "numbers out of order"),
        ("a{", "lone '{'"),
        ("a}", "lone '}'"),
        ("]", "lone ']'"),
        ("^*", "an anchor cannot be repeated"),
        ("(?=a)*", "a look-around assertion cannot be repeated"),
        ("\\1(a)\\2", "reference to group 2, but the pattern has 1 group"),
        ("\\k<x>", "no group named 'x'"),
        ("(?<a>x)(?<a>y)", "duplicate group name 'a'"),
        ("[z-a]", "range out of order"),
        ("[\\d-z]", "a class escape such as \\d cannot bound a range"),
        ("\\c1", "'\\c' must be followed by a letter"),
        ("\\x4", "'\\x' must be followed by two hexadecimal digits"),
        ("\\u{110000}", "'\\u{…}' needs hexadecimal digits up to 10FFFF"),
        ("\\p{Foo}", "ICU cannot compile it"),
        ("\\pL", "'\\p' must be followed by {property}"),
        ("\\", "'\\' at the end of the pattern"),
        ("\\01", "octal escapes are not allowed"),
        ("-\\-", "invalid escape '\\-' (in ECMA-262 unicode mode only ^ $ \\ . * + ? ( ) [ ] { } | / are escaped; write '-' alone, or \\- only inside [...]) at position 2"),
        ("[\\@]", "invalid escape '\\@' (in ECMA-262 unicode mode only ^ $ \\ . * + ? ( ) [ ] { } | / are escaped; write '@' alone) at position 2"),
    ])
    func rejects(_ pattern: String, _ reason: String) {
        #expect {
            _ = try ECMARegex(pattern)
        } throws: { error in
            guard case let .invalid(reported, message) = error as? ECMARegexError else { return false }
            return reported == pattern && message.contains(reason)
        }
    }

    @Test("accepts the ECMA-262 syntax the suite's format tests call valid", arguments: [
        "(?<name>x)", "(?<n>a)\\k<n>", "(?<=a+)b", "[]", "[^]", "\\cA", "([abc])+\\s+$", "[\\-]", "\\/",
        "(?i-m:a)", "(?<$é_1>a)",
    ])
    func accepts(_ pattern: String) throws {
        _ = try ECMARegex(pattern)
    }

    @Test("hostile nesting is an error, not a stack overflow")
    func deepNesting() {
        let pattern = String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000)
        #expect {
            _ = try ECMARegex(pattern)
        } throws: { error in
            guard case let .invalid(_, message) = error as? ECMARegexError else { return false }
            return message.contains("nested deeper than 200 levels")
        }
    }

    @Test("the error message names the pattern and the reason")
    func message() {
        let error = ECMARegexError.invalid(pattern: "\\a", reason: "invalid escape '\\a' at position 1")
        #expect(error.description == "invalid regular expression /\\a/: invalid escape '\\a' at position 1")
        let timeout = ECMARegexError.timeout(pattern: "^(a+)+$", limit: .milliseconds(250))
        #expect(timeout.description.hasPrefix("pattern /^(a+)+$/ took longer than 250 ms to match and was stopped"))
    }
}
