import JSONSchema

/// The checks every input goes through before any parser sees it: size, UTF-8, NUL bytes.
enum InputScan {
    /// Checks `bytes` and returns them without a leading UTF-8 byte order mark.
    ///
    /// - Throws: ``LoadError`` for a file over the size limit, invalid UTF-8 or a NUL byte,
    ///   with the line and column (in Unicode scalars) of the first offending byte.
    static func check(_ bytes: [UInt8], limits: Limits) throws(LoadError) -> ArraySlice<UInt8> {
        guard bytes.count <= limits.maxBytes else {
            throw LoadError(.fileTooLarge(size: nil, limit: limits.maxBytes), at: nil)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        try body.withUnsafeBufferPointer { buffer throws(LoadError) in
            try scan(buffer)
        }
        return body
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        var index = 0
        let count = buffer.count
        var line = 1
        var lineStart = 0
        var scalarsBeforeLine = 0  // scalars from lineStart to the current scalar
        func position() -> SourcePosition { SourcePosition(line: line, column: scalarsBeforeLine + 1) }
        while index < count {
            let byte = buffer[index]
            if byte < 0x80 {
                if byte == 0 { throw LoadError(.nulByte, at: position()) }
                index += 1
                if byte == 0x0A {
                    line += 1
                    lineStart = index
                    scalarsBeforeLine = 0
                } else {
                    scalarsBeforeLine += 1
                }
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: throw LoadError(.invalidUTF8, at: position())
            }
            guard index + length <= count else { throw LoadError(.invalidUTF8, at: position()) }
            for offset in 1..<length {
                let next = buffer[index + offset]
                guard next & 0xC0 == 0x80 else { throw LoadError(.invalidUTF8, at: position()) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw LoadError(.invalidUTF8, at: position())
            }
            index += length
            scalarsBeforeLine += 1
        }
        _ = lineStart
    }
}
