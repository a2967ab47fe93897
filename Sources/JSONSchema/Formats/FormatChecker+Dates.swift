/// RFC 3339 `date`, `time`, `date-time` and the `duration` of RFC 3339 appendix A.
extension FormatChecker {
    /// RFC 3339 `full-date`: `YYYY-MM-DD`, a real calendar day (proleptic Gregorian).
    static func isDate(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        return scalars.count == 10 && isFullDate(scalars, 0)
    }

    /// RFC 3339 `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`, a leap second only at 23:59 UTC.
    static func isTime(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        return isFullTime(scalars, 0)
    }

    /// RFC 3339 `date-time`: `full-date "T" full-time` (`T` and `Z` in either case).
    static func isDateTime(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count > 11, isFullDate(scalars, 0), scalars[10] == "T" || scalars[10] == "t" else { return false }
        return isFullTime(scalars, 11)
    }

    private static func isFullDate(_ scalars: [Unicode.Scalar], _ start: Int) -> Bool {
        guard start + 10 <= scalars.count,
              let year = digits(scalars, start, 4), scalars[start + 4] == "-",
              let month = digits(scalars, start + 5, 2), scalars[start + 7] == "-",
              let day = digits(scalars, start + 8, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `full-time` from `start` to the end of `scalars`.
    private static func isFullTime(_ scalars: [Unicode.Scalar], _ start: Int) -> Bool {
        guard let hour = digits(scalars, start, 2), start + 8 <= scalars.count, scalars[start + 2] == ":",
              let minute = digits(scalars, start + 3, 2), scalars[start + 5] == ":",
              let second = digits(scalars, start + 6, 2)
        else { return false }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = start + 8
        if index < scalars.count, scalars[index] == "." {
            index += 1
            let fractionStart = index
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < scalars.count else { return false }
        var offsetMinutes = 0
        switch scalars[index] {
        case "Z", "z":
            guard index + 1 == scalars.count else { return false }
        case "+", "-":
            guard index + 6 == scalars.count,
                  let offsetHour = digits(scalars, index + 1, 2), scalars[index + 3] == ":",
                  let offsetMinute = digits(scalars, index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (scalars[index] == "+" ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            // A leap second is inserted at 23:59:60 UTC: local time minus the offset must be 23:59.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// RFC 3339 appendix A `duration` (ISO 8601): `P` then date units in order `Y M D`
    /// (only adjacent runs: `Y`, `YM`, `YMD`, `M`, `MD`, `D`), an optional `T` with `H M S` runs,
    /// or weeks alone (`PnW`). Integers only; no sign, no fraction.
    static func isDuration(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.first == "P" else { return false }
        var index = 1
        var dateUnits: [Unicode.Scalar] = []
        var timeUnits: [Unicode.Scalar] = []
        var sawTime = false
        while index < scalars.count {
            if scalars[index] == "T" {
                guard !sawTime else { return false }
                sawTime = true
                index += 1
                continue
            }
            let digitsStart = index
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            guard index > digitsStart, index < scalars.count else { return false }
            if sawTime { timeUnits.append(scalars[index]) } else { dateUnits.append(scalars[index]) }
            index += 1
        }
        if sawTime && timeUnits.isEmpty { return false }
        if dateUnits == ["W"] { return !sawTime }
        let dateRuns: [[Unicode.Scalar]] = [[], ["Y"], ["Y", "M"], ["Y", "M", "D"], ["M"], ["M", "D"], ["D"]]
        let timeRuns: [[Unicode.Scalar]] = [[], ["H"], ["H", "M"], ["H", "M", "S"], ["M"], ["M", "S"], ["S"]]
        guard dateRuns.contains(dateUnits), timeRuns.contains(timeUnits) else { return false }
        return !(dateUnits.isEmpty && timeUnits.isEmpty)
    }
}
