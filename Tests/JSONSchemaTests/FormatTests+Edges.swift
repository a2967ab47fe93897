import Testing
@testable import JSONSchema

/// Edges the suite does not cover, read from the RFCs.
@Suite("Format checkers: RFC edges")
struct FormatEdgeTests {
    @Test("valid and invalid values", arguments: [
        // RFC 3339: leap seconds are judged in UTC, offsets bounded, fractions of any length.
        ("date-time", "2016-12-31T23:59:60Z", true), ("date-time", "2017-01-01T00:59:60+01:00", true),
        ("date-time", "2016-12-31T23:59:60+00:01", false), ("date-time", "2020-02-29T00:00:00.0Z", true),
        ("date-time", "2020-02-29T00:00:00.Z", false), ("date-time", "2020-02-29 00:00:00Z", false),
        ("time", "00:00:00+23:59", true), ("time", "00:00:00+00:00:00", false),
        ("date", "9999-12-31", true), ("date", "2000-02-29", true), ("date", "1900-02-29", false),
        // RFC 3339 appendix A durations.
        ("duration", "PT1H2M3S", true), ("duration", "P1Y2M3DT4H", true), ("duration", "P1W", true),
        ("duration", "PT", false), ("duration", "P1MT", false), ("duration", "PTT1S", false), ("duration", "P1Y1Y", false),
        // Host names: 253 characters in all, 63 per label, A-labels decoded.
        ("hostname", String(repeating: "a.", count: 126) + "a", true),
        ("hostname", String(repeating: "a.", count: 126) + "ab", false),
        ("hostname", "xn--bcher-kva.example", true), ("hostname", "xn--", false), ("hostname", "xn--abc-", false),
        ("hostname", "XN--BCHER-KVA.example", true), ("hostname", "ab--cd.example", true),
        // Malformed Punycode, and the Bidi rule (RFC 5893): a name with an RTL label has no label starting with a digit.
        ("hostname", "xn--bcher-kva0.example", false), ("hostname", "xn--mgbh0fb.example", true),
        ("hostname", "xn--mgbh0fb.1example", false), ("hostname", "xn--mgbh0fb.xn--bcher-kva", true),
        // E-mail: 64-octet local part, address literals.
        ("email", String(repeating: "a", count: 64) + "@example.com", true),
        ("email", String(repeating: "a", count: 65) + "@example.com", false),
        ("email", "a@[IPv6:fe80::1]", true), ("email", "a@[IPv6:fe80::1%eth0]", false),
        ("email", "\"a\\\"b\"@example.com", true), ("email", "\"ab@example.com", false),
        ("email", "a@xn--bcher-kva.example", true), ("email", "a@-example.com", false),
        // IP addresses.
        ("ipv6", "1:2:3:4:5:6:7::", true), ("ipv6", "::1:2:3:4:5:6:7", true), ("ipv6", "1:2:3:4:5:6:7:8::", false),
        ("ipv6", "::ffff:1.2.3.4", true), ("ipv6", "1.2.3.4::", false), ("ipv4", "01.2.3.4", false),
        // URIs: empty port, IPvFuture, percent-encodings at the end.
        ("uri", "http://a:/", true), ("uri", "http://[v7.x:y]/", true), ("uri", "http://[v7.]/", false),
        ("uri", "a:%41", true), ("uri", "a:%4", false), ("uri-reference", "%zz", false),
        ("iri", "http://é.example/", true), ("uri", "http://é.example/", false),
        ("iri", "http://a/?\u{E000}", true), ("iri", "http://a/\u{E000}", false),
        // Pointers, UUIDs, regexes.
        ("json-pointer", "/a~", false), ("relative-json-pointer", "0", true), ("relative-json-pointer", "0#/a", false),
        ("uuid", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true), ("regex", "(?<=a+)b", true), ("regex", "\\p{Nope}", false),
    ])
    func check(_ format: String, _ value: String, _ expected: Bool) {
        #expect(FormatChecker.check(format, value) == expected, "\(format): \(value.debugDescription)")
    }

    @Test("Punycode decodes RFC 3492 sample strings and round-trips")
    func punycode() throws {
        let decoded = Punycode.decode("bcher-kva".unicodeScalars.map { $0 }[...])
        #expect(decoded.map { String(String.UnicodeScalarView($0)) } == "bücher")
        let japanese = Punycode.decode("3B-ww4c5e180e575a65lsy2b".unicodeScalars.map { $0 }[...])
        #expect(japanese.map { String(String.UnicodeScalarView($0)) } == "3年B組金八先生")
        #expect(Punycode.decode("99999999999999999999".unicodeScalars.map { $0 }[...]) == nil)
        for sample in ["bücher", "3年B組金八先生", "ليهمابتكلموشعربي؟", "абв-где"] {
            let scalars = Array(sample.unicodeScalars)
            let encoded = try #require(Punycode.encode(scalars))
            #expect(Punycode.decode(encoded[...]) == scalars, "round trip of \(sample)")
        }
        #expect(Punycode.encode(Array("bücher".unicodeScalars)).map { String(String.UnicodeScalarView($0)) } == "bcher-kva")
    }
}
