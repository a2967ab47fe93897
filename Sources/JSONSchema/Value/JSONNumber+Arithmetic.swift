extension JSONNumber: Comparable {
    /// Orders numbers by value, exactly.
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if case .int(let a) = lhs.storage, case .int(let b) = rhs.storage { return a < b }
        return compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
    static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if case .int(let a) = lhs.storage, case .int(let b) = rhs.storage { return a < b ? -1 : (a == b ? 0 : 1) }
        let signL = lhs.signum, signR = rhs.signum
        if signL != signR { return signL < signR ? -1 : 1 }
        if signL == 0 { return 0 }
        let a = lhs.decomposed(), b = rhs.decomposed()
        let magnitude = compareMagnitudes(a.digits, a.exponent, b.digits, b.exponent)
        return signL > 0 ? magnitude : -magnitude
    }

    /// -1, 0 or 1 for the value's sign.
    var signum: Int {
        switch storage {
        case .int(let value): return value.signum() == 0 ? 0 : (value < 0 ? -1 : 1)
        case .decimal(let negative, _, _): return negative ? -1 : 1
        }
    }

    /// Compares `0.a × 10^(ea + |a|)` with `0.b × 10^(eb + |b|)` (normalised digits).
    static func compareMagnitudes(_ a: [UInt8], _ ea: Int, _ b: [UInt8], _ eb: Int) -> Int {
        let adjustedA = a.count + ea, adjustedB = b.count + eb
        if adjustedA != adjustedB { return adjustedA < adjustedB ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Whether `self / divisor` is an integer, computed exactly (no floating point).
    ///
    /// A zero divisor gives false. Works for any size: `1e308` is a multiple of `0.5`,
    /// `0.3` of `0.1`, `12345678901234567890123` of `3`.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if case .int(let a) = storage, case .int(let b) = divisor.storage {
            if b == 0 { return false }
            if b == -1 { return true }
            return a % b == 0
        }
        if divisor.signum == 0 { return false }
        if signum == 0 { return true }
        let (_, ma, ea) = decomposed()
        let (_, mb, eb) = divisor.decomposed()
        // a/b = (ma/mb)·10^k with k = ea − eb. Write mb = 2^x·5^y·r with gcd(r, 10) = 1.
        // Then a/b is an integer iff r | ma, v2(ma) + k ≥ x and v5(ma) + k ≥ y.
        let k = ea - eb
        var r = mb
        let x = DecimalDigits.stripFactor(&r, 2, limit: Int.max)
        let y = DecimalDigits.stripFactor(&r, 5, limit: Int.max)
        if x - k > 0 {
            var copy = ma
            if DecimalDigits.stripFactor(&copy, 2, limit: x - k) < x - k { return false }
        }
        if y - k > 0 {
            var copy = ma
            if DecimalDigits.stripFactor(&copy, 5, limit: y - k) < y - k { return false }
        }
        return DecimalDigits.isDivisible(ma, by: r)
    }
}

extension JSONNumber: CustomStringConvertible {
    /// Canonical text: plain integers and decimals for moderate magnitudes (`100`, `0.25`),
    /// scientific notation otherwise (`1e+400`, `1.5e-20`). Equal numbers have equal text.
    public var description: String {
        switch storage {
        case .int(let value): return String(value)
        case .decimal(let negative, let digits, let exponent):
            var text = negative ? "-" : ""
            let adjusted = digits.count + exponent
            func append(_ slice: ArraySlice<UInt8>) {
                for digit in slice { text.append(Character(Unicode.Scalar(digit + 48))) }
            }
            if exponent >= 0, exponent <= 20 {
                append(digits[...])
                text.append(String(repeating: "0", count: exponent))
            } else if exponent < 0, adjusted > -6 {
                if adjusted > 0 {
                    append(digits[..<adjusted])
                    text.append(".")
                    append(digits[adjusted...])
                } else {
                    text.append("0.")
                    text.append(String(repeating: "0", count: -adjusted))
                    append(digits[...])
                }
            } else {
                append(digits[..<1])
                if digits.count > 1 {
                    text.append(".")
                    append(digits[1...])
                }
                let power = adjusted - 1
                text.append(power < 0 ? "e-\(-power)" : "e+\(power)")
            }
            return text
        }
    }
}
