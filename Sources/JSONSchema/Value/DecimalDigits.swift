/// Arithmetic on base-10 digit arrays (values 0...9, most significant first).
enum DecimalDigits {
    /// Divides by a small number; returns the remainder and replaces `digits` with the quotient.
    static func divide(_ digits: inout [UInt8], by divisor: UInt8) -> UInt8 {
        var remainder = 0
        var quotient: [UInt8] = []
        quotient.reserveCapacity(digits.count)
        for digit in digits {
            let current = remainder * 10 + Int(digit)
            let q = current / Int(divisor)
            remainder = current % Int(divisor)
            if !quotient.isEmpty || q != 0 { quotient.append(UInt8(q)) }
        }
        digits = quotient.isEmpty ? [0] : quotient
        return UInt8(remainder)
    }

    /// Removes up to `limit` factors `p` from `digits`; returns how many were removed.
    static func stripFactor(_ digits: inout [UInt8], _ p: UInt8, limit: Int) -> Int {
        var removed = 0
        while removed < limit, !(digits.count == 1 && digits[0] == 0) {
            guard let last = digits.last else { break }
            if p == 2, last % 2 != 0 { break }
            if p == 5, last % 5 != 0 { break }
            var copy = digits
            if divide(&copy, by: p) != 0 { break }
            digits = copy
            removed += 1
        }
        return removed
    }

    /// Whether `digits` is divisible by `divisor` (divisor not zero).
    static func isDivisible(_ digits: [UInt8], by divisor: [UInt8]) -> Bool {
        if divisor.count == 1, divisor[0] == 1 { return true }
        if divisor.count <= 19, let d = UInt64(digitsText(divisor)) {
            var remainder: UInt64 = 0
            for digit in digits {
                let product = remainder.multipliedFullWidth(by: 10)
                let (low, carry) = product.low.addingReportingOverflow(UInt64(digit))
                let high = product.high + (carry ? 1 : 0)
                remainder = d.dividingFullWidth((high, low)).remainder
            }
            return remainder == 0
        }
        // Schoolbook long division with a big divisor.
        var remainder: [UInt8] = []
        for digit in digits {
            if !(remainder.isEmpty && digit == 0) { remainder.append(digit) }
            while compare(remainder, divisor) >= 0 { subtract(&remainder, divisor) }
        }
        return remainder.isEmpty
    }

    static func digitsText(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }

    /// Compares two integers without leading zeros (empty means zero).
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    /// `a -= b` for `a >= b`, keeping `a` without leading zeros.
    static func subtract(_ a: inout [UInt8], _ b: [UInt8]) {
        var borrow = 0
        var i = a.count - 1, j = b.count - 1
        while i >= 0 {
            var value = Int(a[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 10 }
            a[i] = UInt8(value)
            i -= 1
            j -= 1
        }
        let firstNonZero = a.firstIndex { $0 != 0 } ?? a.count
        a.removeFirst(firstNonZero)
    }
}
