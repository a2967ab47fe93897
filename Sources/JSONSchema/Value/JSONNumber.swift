/// An exact JSON number: integers of any size and decimals, compared, hashed and divided exactly.
///
/// Integers that fit in `Int64` use a fast path; every other value is kept as a normalised
/// decimal `±0.d₁d₂…dₙ × 10^(exponent + n)` (digits without leading or trailing zeros), so that
/// two numbers are equal exactly when their storage is equal: `1.0 == 1`, `1e2 == 100`,
/// and `0.3` is a multiple of `0.1`.
public struct JSONNumber: Sendable, Hashable {
    @usableFromInline
    enum Storage: Sendable, Hashable {
        /// An integer that fits in `Int64`.
        case int(Int64)
        /// `(negative ? -1 : 1) × digits × 10^exponent`; `digits` are values 0...9, most
        /// significant first, with no leading or trailing zero; never an integer fitting `Int64`.
        indirect case decimal(negative: Bool, digits: [UInt8], exponent: Int)
    }

    @usableFromInline
    let storage: Storage

    @usableFromInline
    init(storage: Storage) { self.storage = storage }

    /// The largest exponent magnitude accepted in number text (`1e1000000000` is refused).
    public static let maxExponentMagnitude = 1_000_000_000

    /// Creates the number for an integer.
    @inlinable
    public init(_ int: Int) { self.storage = .int(Int64(int)) }

    /// Creates the number for a 64-bit integer.
    @inlinable
    public init(_ int: Int64) { self.storage = .int(int) }

    /// Creates the number nearest to a finite `Double` (its shortest round-tripping text);
    /// returns nil for NaN and infinities, which JSON cannot represent.
    public init?(_ double: Double) {
        guard double.isFinite else { return nil }
        if double == double.rounded(), let exact = Int64(exactly: double) {
            self.storage = .int(exact)
            return
        }
        guard let parsed = JSONNumber("\(double)") else { return nil }
        self = parsed
    }

    /// Parses JSON (or YAML core-schema) number text: `-12`, `0.5`, `1e400`, `-3.25E-2`.
    ///
    /// Accepts the JSON grammar, plus a leading `+`, leading zeros and a bare leading or
    /// trailing dot (`.5`, `5.`) that YAML allows. Returns nil for anything else, and for
    /// exponents beyond ``maxExponentMagnitude``.
    public init?(_ literal: String) {
        var text = literal
        guard let number = text.withUTF8({ JSONNumber.parse($0, strictJSON: false) }) else { return nil }
        self = number
    }

    /// Parses number bytes; `strictJSON` enforces the RFC 8259 grammar exactly.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, strictJSON: Bool) -> JSONNumber? {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        } else if !strictJSON, index < count, bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        let intStart = index
        while index < count, bytes[index] &- 48 < 10 { index += 1 }
        let intEnd = index
        var fracStart = index, fracEnd = index
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fracStart = index
            while index < count, bytes[index] &- 48 < 10 { index += 1 }
            fracEnd = index
            if strictJSON, fracEnd == fracStart { return nil }
        }
        if intEnd == intStart && fracEnd == fracStart { return nil }
        if strictJSON {
            if intEnd == intStart { return nil }
            if intEnd - intStart > 1, bytes[intStart] == UInt8(ascii: "0") { return nil }
        }
        var exponent = 0
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var expNegative = false
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                expNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let expStart = index
            while index < count, bytes[index] &- 48 < 10 {
                exponent = exponent * 10 + Int(bytes[index] &- 48)
                if exponent > maxExponentMagnitude { return nil }
                index += 1
            }
            if index == expStart { return nil }
            if expNegative { exponent = -exponent }
        }
        if index != count { return nil }

        // Fast path: a plain integer of at most 18 digits.
        if fracEnd == fracStart, exponent == 0, intEnd - intStart <= 18 {
            var value: Int64 = 0
            for i in intStart..<intEnd { value = value * 10 + Int64(bytes[i] &- 48) }
            return JSONNumber(storage: .int(negative ? -value : value))
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(intEnd - intStart + fracEnd - fracStart)
        for i in intStart..<intEnd { digits.append(bytes[i] &- 48) }
        for i in fracStart..<fracEnd { digits.append(bytes[i] &- 48) }
        return JSONNumber.normalised(negative: negative, digits: digits, exponent: exponent - (fracEnd - fracStart))
    }

    /// Builds the canonical storage for `±digits × 10^exponent` (digits may have leading or
    /// trailing zeros).
    static func normalised(negative: Bool, digits: [UInt8], exponent: Int) -> JSONNumber {
        var start = 0
        while start < digits.count, digits[start] == 0 { start += 1 }
        if start == digits.count { return JSONNumber(storage: .int(0)) }
        var end = digits.count
        var exponent = exponent
        while digits[end - 1] == 0 {
            end -= 1
            exponent += 1
        }
        let significant = end - start
        // An integer that fits in Int64?
        if exponent >= 0, significant + exponent <= 19 {
            var magnitude: UInt64 = 0
            var overflow = false
            for i in start..<end {
                let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(digits[i]))
                magnitude = m2
                overflow = overflow || o1 || o2
            }
            for _ in 0..<exponent where !overflow {
                let (m, o) = magnitude.multipliedReportingOverflow(by: 10)
                magnitude = m
                overflow = overflow || o
            }
            if !overflow {
                if !negative, magnitude <= UInt64(Int64.max) {
                    return JSONNumber(storage: .int(Int64(magnitude)))
                }
                if negative, magnitude <= UInt64(Int64.max) + 1 {
                    return JSONNumber(storage: .int(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)))
                }
            }
        }
        let trimmed = (start == 0 && end == digits.count) ? digits : Array(digits[start..<end])
        return JSONNumber(storage: .decimal(negative: negative, digits: trimmed, exponent: exponent))
    }

    /// The value as `Int64`, when it is an integer in range.
    @inlinable
    public var int64Value: Int64? {
        if case .int(let value) = storage { return value }
        return nil
    }

    /// The value as `Int`, when it is an integer in range.
    @inlinable
    public var intValue: Int? {
        if case .int(let value) = storage { return Int(exactly: value) }
        return nil
    }

    /// Whether the number is an integer (`1.0` and `1e400` are).
    @inlinable
    public var isInteger: Bool {
        switch storage {
        case .int: return true
        case .decimal(_, _, let exponent): return exponent >= 0
        }
    }

    /// Whether the number is below zero.
    public var isNegative: Bool {
        switch storage {
        case .int(let value): return value < 0
        case .decimal(let negative, _, _): return negative
        }
    }

    /// The nearest `Double` (may be infinite for huge magnitudes, or zero for tiny ones).
    public var doubleValue: Double {
        switch storage {
        case .int(let value): return Double(value)
        case .decimal:
            return Double(scientificText) ?? (isNegative ? -.infinity : .infinity)
        }
    }

    /// Sign, digits and exponent of the value, for exact arithmetic.
    func decomposed() -> (negative: Bool, digits: [UInt8], exponent: Int) {
        switch storage {
        case .decimal(let negative, let digits, let exponent):
            return (negative, digits, exponent)
        case .int(let value):
            if value == 0 { return (false, [0], 0) }
            var magnitude = value.magnitude
            var digits: [UInt8] = []
            while magnitude > 0 {
                digits.append(UInt8(magnitude % 10))
                magnitude /= 10
            }
            var exponent = 0
            var start = 0
            while digits[start] == 0 {
                start += 1
                exponent += 1
            }
            return (value < 0, Array(digits[start...].reversed()), exponent)
        }
    }

    /// `d.ddde±x` text, which `Double(_:)` reads.
    var scientificText: String {
        let (negative, digits, exponent) = decomposed()
        var text = negative ? "-" : ""
        text.append(Character(Unicode.Scalar(digits[0] + 48)))
        if digits.count > 1 {
            text.append(".")
            for digit in digits.dropFirst() { text.append(Character(Unicode.Scalar(digit + 48))) }
        }
        text.append("e\(exponent + digits.count - 1)")
        return text
    }
}
