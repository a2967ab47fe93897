extension JSONParser {
    /// The recursive-descent reader over a byte buffer.
    struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        let limits: Limits
        let recordPositions: Bool
        var index = 0
        var depth = 0
        var map = SourceMap()
        /// Tokens of the pointer to the value being read (only with `recordPositions`).
        var path: [String] = []
        // Memo for position(at:): positions are asked in increasing order, so counting
        // forward from the last answer keeps the total work linear.
        var memoOffset = 0
        var memoLine = 1
        var memoColumn = 1

        init(buffer: UnsafeBufferPointer<UInt8>, limits: Limits, recordPositions: Bool) {
            self.buffer = buffer
            self.limits = limits
            self.recordPositions = recordPositions
        }

        mutating func parseDocument() throws(JSONParseError) -> JSONValue {
            if buffer.count > limits.maxBytes {
                throw error(.limitExceeded, "the document is \(buffer.count) bytes, above the limit of \(limits.maxBytes) bytes", at: 0)
            }
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                index = 3
                memoOffset = 3
            }
            skipWhitespace()
            if index >= buffer.count {
                throw error(.unexpectedEnd, "the document is empty: expected a JSON value", at: index)
            }
            let value = try parseValue(key: nil)
            skipWhitespace()
            if index < buffer.count {
                throw error(.trailingContent, "unexpected \(describe(at: index)) after the end of the JSON value", at: index)
            }
            return value
        }

        // MARK: Positions and errors

        mutating func position(at offset: Int) -> SourcePosition {
            if offset < memoOffset {
                memoOffset = 0
                memoLine = 1
                memoColumn = 1
            }
            var i = memoOffset
            while i < offset {
                let byte = buffer[i]
                if byte == 0x0A {
                    memoLine += 1
                    memoColumn = 1
                } else if byte & 0xC0 != 0x80 {
                    memoColumn += 1
                }
                i += 1
            }
            memoOffset = offset
            return SourcePosition(line: memoLine, column: memoColumn)
        }

        mutating func error(_ kind: JSONParseError.Kind, _ message: String, at offset: Int) -> JSONParseError {
            JSONParseError(kind: kind, message: message, position: position(at: min(offset, buffer.count)), offset: offset)
        }

        func describe(at offset: Int) -> String {
            guard offset < buffer.count else { return "end of input" }
            let byte = buffer[offset]
            if byte >= 0x20 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
            if byte < 0x20 { return "control character U+\(hex(UInt32(byte)))" }
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }

        func hex(_ value: UInt32) -> String {
            let text = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - text.count)) + text
        }

        // MARK: Values

        @inline(__always)
        mutating func skipWhitespace() {
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 } else { return }
            }
        }

        mutating func parseValue(key: SourcePosition?) throws(JSONParseError) -> JSONValue {
            guard index < buffer.count else {
                throw error(.unexpectedEnd, "unexpected end of input: expected a JSON value", at: index)
            }
            if recordPositions {
                let start = position(at: index)
                map.record(value: start, key: key, for: JSONPointer(tokens: path))
            }
            switch buffer[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"): return try parseLiteral("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default:
                throw error(.unexpectedCharacter, "unexpected \(describe(at: index)): expected a JSON value (object, array, string, number, true, false or null)", at: index)
            }
        }

        mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
            let start = index
            let count = word.utf8CodeUnitCount
            let matches = start + count <= buffer.count
                && (0..<count).allSatisfy { buffer[start + $0] == word.utf8Start[$0] }
            if !matches || (start + count < buffer.count && isIdentifierByte(buffer[start + count])) {
                throw error(.unexpectedCharacter, "invalid literal: expected '\(word)' (JSON literals are lowercase; strings need double quotes)", at: start)
            }
            index += count
            return value
        }

        func isIdentifierByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte &- 48 < 10 || byte == UInt8(ascii: "_")
        }

        mutating func enter(at offset: Int) throws(JSONParseError) {
            depth += 1
            if depth > limits.maxDepth {
                throw error(.limitExceeded, "nesting deeper than \(limits.maxDepth) levels of arrays and objects", at: offset)
            }
        }

        mutating func parseArray() throws(JSONParseError) -> JSONValue {
            let open = index
            try enter(at: open)
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if index < buffer.count, buffer[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                if recordPositions { path.append(String(elements.count)) }
                elements.append(try parseValue(key: nil))
                if recordPositions { path.removeLast() }
                skipWhitespace()
                guard index < buffer.count else {
                    throw error(.unexpectedEnd, "unexpected end of input: the array opened at \(position(at: open)) is not closed with ']'", at: index)
                }
                let byte = buffer[index]
                index += 1
                if byte == UInt8(ascii: ",") {
                    skipWhitespace()
                    if index < buffer.count, buffer[index] == UInt8(ascii: "]") {
                        throw error(.unexpectedCharacter, "trailing comma before ']': remove the last ','", at: index - 1)
                    }
                    continue
                }
                if byte == UInt8(ascii: "]") { break }
                throw error(.unexpectedCharacter, "unexpected \(describe(at: index - 1)) in array: expected ',' or ']'", at: index - 1)
            }
            depth -= 1
            return .array(elements)
        }

        mutating func parseObject() throws(JSONParseError) -> JSONValue {
            let open = index
            try enter(at: open)
            index += 1
            var members: [JSONObject.Element] = []
            var seen: Set<ScalarKey>? = nil
            var keyOffsets: [Int] = []
            skipWhitespace()
            if index < buffer.count, buffer[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(JSONObject(elements: members))
            }
            while true {
                skipWhitespace()
                guard index < buffer.count else {
                    throw error(.unexpectedEnd, "unexpected end of input: the object opened at \(position(at: open)) is not closed with '}'", at: index)
                }
                guard buffer[index] == UInt8(ascii: "\"") else {
                    let hint = buffer[index] == UInt8(ascii: "}") ? "trailing comma before '}': remove the last ','" : "unexpected \(describe(at: index)): expected a member name in double quotes"
                    throw error(.unexpectedCharacter, hint, at: index)
                }
                let keyOffset = index
                let keyPosition = recordPositions ? position(at: keyOffset) : nil
                let key = try parseString()
                // Duplicate keys: linear for small objects, a set beyond.
                if members.count >= 16 {
                    if seen == nil { seen = Set(members.map { ScalarKey($0.key) }) }
                }
                let duplicateIndex: Int?
                if var set = seen {
                    seen = nil
                    let inserted = set.insert(ScalarKey(key)).inserted
                    seen = set
                    duplicateIndex = inserted ? nil : members.firstIndex { JSONValue.sameScalars($0.key, key) }
                } else {
                    duplicateIndex = members.firstIndex { JSONValue.sameScalars($0.key, key) }
                }
                if let duplicateIndex {
                    let first = position(at: keyOffsets[duplicateIndex])
                    throw error(.duplicateKey(key), "duplicate key \"\(key)\" in object (first defined at \(first)): each key may appear only once", at: keyOffset)
                }
                skipWhitespace()
                guard index < buffer.count, buffer[index] == UInt8(ascii: ":") else {
                    throw error(index < buffer.count ? .unexpectedCharacter : .unexpectedEnd, "expected ':' after member name \"\(key)\", found \(describe(at: index))", at: index)
                }
                index += 1
                skipWhitespace()
                if recordPositions { path.append(key) }
                let value = try parseValue(key: keyPosition)
                if recordPositions { path.removeLast() }
                members.append((key: key, value: value))
                keyOffsets.append(keyOffset)
                skipWhitespace()
                guard index < buffer.count else {
                    throw error(.unexpectedEnd, "unexpected end of input: the object opened at \(position(at: open)) is not closed with '}'", at: index)
                }
                let byte = buffer[index]
                index += 1
                if byte == UInt8(ascii: ",") { continue }
                if byte == UInt8(ascii: "}") { break }
                throw error(.unexpectedCharacter, "unexpected \(describe(at: index - 1)) in object: expected ',' or '}'", at: index - 1)
            }
            depth -= 1
            return .object(JSONObject(elements: members))
        }

        mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
            let start = index
            while index < buffer.count {
                let byte = buffer[index]
                if byte &- 48 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") {
                    index += 1
                } else {
                    break
                }
            }
            if index - start > limits.maxNumberLength {
                throw error(.limitExceeded, "number of \(index - start) characters, above the limit of \(limits.maxNumberLength)", at: start)
            }
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<index])
            guard let number = JSONNumber.parse(slice, strictJSON: true) else {
                let text = String(decoding: slice, as: UTF8.self)
                throw error(.invalidNumber, "invalid number '\(text)' (JSON numbers have no leading zeros, no '+', digits on both sides of '.', and exponents below 10^9)", at: start)
            }
            return number
        }
    }
}
