extension JSONParser.Reader {
    /// Reads a string literal starting at the opening quote; validates UTF-8 and escapes.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        index += 1
        let start = index
        var ascii = true
        // Fast path: no escapes.
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buffer[start..<index])
                index += 1
                if !ascii { try validateUTF8(from: start, to: index - 1) }
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(at: index) }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        if index >= buffer.count { throw unterminated(open) }
        // Slow path: escapes present.
        var bytes: [UInt8] = Array(buffer[start..<index])
        if !ascii { try validateUTF8(from: start, to: index) }
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if byte < 0x20 { throw controlCharacter(at: index) }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &bytes)
                continue
            }
            if byte >= 0x80 {
                let end = try utf8SequenceEnd(at: index)
                bytes.append(contentsOf: buffer[index..<end])
                index = end
                continue
            }
            bytes.append(byte)
            index += 1
        }
        throw unterminated(open)
    }

    mutating func controlCharacter(at offset: Int) -> JSONParseError {
        error(.invalidString, "control character U+\(hex(UInt32(buffer[offset]))) in string: write it as an escape (\\n, \\t, \\u00XX)", at: offset)
    }

    mutating func unterminated(_ open: Int) -> JSONParseError {
        error(.unexpectedEnd, "unexpected end of input: the string opened at \(position(at: open)) has no closing '\"'", at: buffer.count)
    }

    mutating func parseEscape(into bytes: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < buffer.count else { throw unterminated(escapeStart) }
        let code = buffer[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""): bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C)
        case UInt8(ascii: "/"): bytes.append(0x2F)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart)
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < buffer.count, buffer[index] == UInt8(ascii: "\\"), buffer[index + 1] == UInt8(ascii: "u") else {
                    throw error(.invalidString, "lone high surrogate \\u\(hex(scalar)) in string: it must be followed by a low surrogate \\uDC00-\\uDFFF", at: escapeStart)
                }
                let lowStart = index
                index += 2
                let low = try readHex4(lowStart)
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw error(.invalidString, "high surrogate \\u\(hex(scalar)) followed by \\u\(hex(low)), not a low surrogate", at: lowStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw error(.invalidString, "lone low surrogate \\u\(hex(scalar)) in string", at: escapeStart)
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw error(.invalidString, "invalid code point \\u\(hex(scalar))", at: escapeStart)
            }
            bytes.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw error(.invalidString, "invalid escape '\\\(describeEscape(code))' in string: valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: escapeStart)
        }
    }

    func describeEscape(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "0x" + String(byte, radix: 16)
    }

    mutating func readHex4(_ escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= buffer.count else { throw unterminated(escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default:
                throw error(.invalidString, "invalid \\u escape: expected four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Validates the UTF-8 in `[from, to)`.
    mutating func validateUTF8(from: Int, to: Int) throws(JSONParseError) {
        var i = from
        while i < to {
            if buffer[i] < 0x80 {
                i += 1
            } else {
                i = try utf8SequenceEnd(at: i)
            }
        }
    }

    /// The end of the well-formed UTF-8 sequence starting at `offset` (a non-ASCII byte).
    mutating func utf8SequenceEnd(at offset: Int) throws(JSONParseError) -> Int {
        let lead = buffer[offset]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default:
            throw error(.invalidUTF8, "invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true)): the file must be UTF-8 encoded", at: offset)
        }
        guard offset + length <= buffer.count else {
            throw error(.invalidUTF8, "truncated UTF-8 sequence: the file must be UTF-8 encoded", at: offset)
        }
        let second = buffer[offset + 1]
        guard second >= lower && second <= upper else {
            throw error(.invalidUTF8, "invalid UTF-8 sequence: the file must be UTF-8 encoded", at: offset)
        }
        for k in 2..<max(2, length) where buffer[offset + k] & 0xC0 != 0x80 {
            throw error(.invalidUTF8, "invalid UTF-8 sequence: the file must be UTF-8 encoded", at: offset)
        }
        return offset + length
    }
}
