import Testing
@testable import JSONSchema

@Suite("JSONNumber: exact numbers")
struct JSONNumberTests {
    @Test("equal values are equal and hash alike whatever their text", arguments: [
        ("1", "1.0"), ("100", "1e2"), ("0.5", "5e-1"), ("-0", "0"), ("1E400", "10e399"),
        ("12345678901234567890123", "12345678901234567890123.000"),
        ("9223372036854775807", "9223372036854775807.0"), ("-9223372036854775808", "-9.223372036854775808e18"),
    ])
    func equality(_ a: String, _ b: String) throws {
        let x = try #require(JSONNumber(a)), y = try #require(JSONNumber(b))
        #expect(x == y)
        #expect(x.hashValue == y.hashValue)
        #expect(JSONValue.number(x) == .number(y))
    }

    @Test("ordering is exact beyond Int64 and Double")
    func ordering() throws {
        let big = try #require(JSONNumber("18446744073709551616"))
        let bigger = try #require(JSONNumber("18446744073709551617"))
        #expect(big < bigger)
        #expect(try #require(JSONNumber("-1e400")) < JSONNumber(Int.min))
        #expect(try #require(JSONNumber("0.1")) < #require(JSONNumber("0.10000000000000000001")))
        #expect(try #require(JSONNumber("-0.5")) < JSONNumber(0))
        #expect(try JSONNumber(3) > #require(JSONNumber("2.999999999999999999999")))
    }

    @Test("multipleOf is exact on decimals and big numbers", arguments: [
        ("0.3", "0.1", true), ("0.0075", "0.0001", true), ("0.00751", "0.0001", false),
        ("1e308", "0.5", true), ("12345678901234567890124", "3", false), ("12345678901234567890123", "3", true),
        ("19.99", "0.01", true), ("10", "4", false), ("1e-400", "1e-401", true), ("4.5", "1.5", true),
        ("1e1000", "3", false), ("36893488147419103232", "12345678901234567890123", false),
        ("24691357802469135780246", "12345678901234567890123", true),
    ])
    func multiple(_ value: String, _ divisor: String, _ expected: Bool) throws {
        let a = try #require(JSONNumber(value)), b = try #require(JSONNumber(divisor))
        #expect(a.isMultiple(of: b) == expected)
    }

    @Test("canonical text", arguments: [
        ("1.0", "1"), ("1e2", "100"), ("0.25", "0.25"), ("1e400", "1e+400"), ("-1.5e-20", "-1.5e-20"),
        ("0.001", "0.001"), ("123456789012345678901234", "123456789012345678901234"), ("-0.0", "0"),
    ])
    func text(_ input: String, _ expected: String) throws {
        #expect(try #require(JSONNumber(input)).description == expected)
    }

    @Test("integer detection and conversions")
    func conversions() throws {
        #expect(try #require(JSONNumber("1.0")).isInteger)
        #expect(try #require(JSONNumber("1e400")).isInteger)
        #expect(try #require(JSONNumber("1e400")).int64Value == nil)
        #expect(try !#require(JSONNumber("1.5")).isInteger)
        #expect(try #require(JSONNumber("2.5e1")).int64Value == 25)
        #expect(try #require(JSONNumber("1e400")).doubleValue == .infinity)
        #expect(try #require(JSONNumber("0.1")).doubleValue == 0.1)
        #expect(JSONNumber("01", ) != nil) // YAML-style text is accepted by init?(String)
        #expect(JSONNumber("1e") == nil)
        #expect(JSONNumber("abc") == nil)
        #expect(JSONNumber("1e2000000000") == nil)
    }
}
