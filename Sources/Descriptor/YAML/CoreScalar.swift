import JSONSchema

/// Resolution of plain YAML scalars by the YAML 1.2 core schema (not YAML 1.1):
/// `yes`/`no`/`on`/`off` and dates stay strings, `012` is 12, `0o17` and `0x1F` are integers,
/// `.inf`/`.nan` exist in YAML but not in JSON and are reported.
enum CoreScalar {
    /// What a plain scalar resolves to.
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case nonFinite
        case string
    }

    /// Resolves a plain (unquoted, untagged) scalar.
    static func resolve(_ text: String) -> Resolved {
        var text = text
        return text.withUTF8 { resolve(bytes: $0) } ?? .string
    }

    // swiftlint:disable:next cyclomatic_complexity
    private static func resolve(bytes: UnsafeBufferPointer<UInt8>) -> Resolved? {
        let count = bytes.count
        if count == 0 { return .null }
        let first = bytes[0]
        // Fast exit: most scalars are words that cannot be anything but strings.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(bytes)
        case UInt8(ascii: "~"):
            return count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return equalsAny(bytes, ["null", "Null", "NULL"]) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return equalsAny(bytes, ["true", "True", "TRUE"]) ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return equalsAny(bytes, ["false", "False", "FALSE"]) ? .bool(false) : .string
        default:
            return .string
        }
    }

    private static func equalsAny(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        for word in words where word.utf8CodeUnitCount == bytes.count {
            let start = word.utf8Start
            var equal = true
            for index in 0..<bytes.count where start[index] != bytes[index] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    /// Numbers of the core schema:
    /// int `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`;
    /// float `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Resolved {
        let count = bytes.count
        // 0o / 0x integers
        if count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let radix: UInt64 = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            var value: UInt64 = 0
            for index in 2..<count {
                guard let digit = hexDigit(bytes[index]), UInt64(digit) < radix else { return .string }
                let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
                let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
                if overflow1 || overflow2 {
                    // Too large for 64 bits: exact decimal text by long multiplication.
                    return bigInteger(bytes, radix: Int(radix)).map(Resolved.number) ?? .string
                }
                value = sum
            }
            return JSONNumber(String(value)).map(Resolved.number) ?? .string
        }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        // .inf / .nan
        if index < count, bytes[index] == UInt8(ascii: "."), count - index == 4 {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)...]), as: UTF8.self)
            if ["inf", "Inf", "INF"].contains(rest) { return .nonFinite }
            if index == 0, ["nan", "NaN", "NAN"].contains(rest) { return .nonFinite }
        }
        let intStart = index
        while index < count, isDigit(bytes[index]) { index += 1 }
        let intEnd = index
        var fracStart = index, fracEnd = index
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fracStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            fracEnd = index
        }
        let hasInt = intEnd > intStart
        let hasFrac = fracEnd > fracStart
        guard hasInt || hasFrac else { return .string }
        var exponent = ""
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var sign = ""
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                if bytes[index] == UInt8(ascii: "-") { sign = "-" }
                index += 1
            }
            let expStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            guard index > expStart else { return .string }
            exponent = "e" + sign + String(decoding: UnsafeBufferPointer(rebasing: bytes[expStart..<index]), as: UTF8.self)
        }
        guard index == count else { return .string }
        // Canonical JSON text: no '+', no leading zeros, a digit on both sides of '.'.
        var integerDigits = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[intStart..<intEnd]), as: UTF8.self))
        while integerDigits.count > 1, integerDigits.first == "0" { integerDigits = integerDigits.dropFirst() }
        if integerDigits.isEmpty { integerDigits = "0" }
        var literal = (negative ? "-" : "") + integerDigits
        if hasFrac {
            literal += "." + String(decoding: UnsafeBufferPointer(rebasing: bytes[fracStart..<fracEnd]), as: UTF8.self)
        }
        literal += exponent
        return JSONNumber(literal).map(Resolved.number) ?? .string
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Converts a long octal or hexadecimal literal to an exact decimal number.
    private static func bigInteger(_ bytes: UnsafeBufferPointer<UInt8>, radix: Int) -> JSONNumber? {
        guard bytes.count <= 4096 else { return nil }
        var decimal: [Int] = [0]  // little-endian base-10 digits
        for index in 2..<bytes.count {
            guard let digit = hexDigit(bytes[index]) else { return nil }
            var carry = Int(digit)
            for position in decimal.indices {
                let value = decimal[position] * radix + carry
                decimal[position] = value % 10
                carry = value / 10
            }
            while carry > 0 {
                decimal.append(carry % 10)
                carry /= 10
            }
        }
        return JSONNumber(String(decimal.reversed().map { Character(String($0)) }))
    }
}
