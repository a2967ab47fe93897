import JSONSchema

/// Where a flow collection (`[` or `{`) first goes past the nesting limit, found by scanning
/// the source text.
///
/// libyaml looks ahead up to 1024 characters on a line to decide whether a flow collection is
/// a key, and stops with its own "maximum nesting level" error (at 1000 levels) before the
/// loader has seen the events that go past ``Limits/maxDepth``. The loader then scans from
/// the end of the last event it received, knowing how many collections are open, to report
/// the place where the limit is first exceeded rather than where libyaml gave up.
enum FlowNesting {
    /// The line and column (in Unicode scalars) of the opening bracket that makes the nesting
    /// exceed `limit`, scanning from `start` with `open` collections already open; nil when the
    /// scan does not find one (libyaml's own position is then used).
    static func overflow(in bytes: UnsafeBufferPointer<UInt8>, from start: SourcePosition, open: Int, limit: Int) -> SourcePosition? {
        var line = 1
        var column = 1
        var level = open
        var inDouble = false
        var inSingle = false
        var inComment = false
        var previous: UInt8 = 0x0A
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let started = line > start.line || (line == start.line && column >= start.column)
            if started {
                if inComment {
                    if byte == 0x0A || byte == 0x0D { inComment = false }
                } else if inDouble {
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                        column += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inDouble = false
                    }
                } else if inSingle {
                    if byte == UInt8(ascii: "'") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                            index += 1
                            column += 1
                        } else {
                            inSingle = false
                        }
                    }
                } else {
                    let afterSeparator = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(previous)
                    switch byte {
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        level += 1
                        if level > limit { return SourcePosition(line: line, column: column) }
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        level = max(0, level - 1)
                    case UInt8(ascii: "\"") where afterSeparator:
                        inDouble = true
                    case UInt8(ascii: "'") where afterSeparator:
                        inSingle = true
                    case UInt8(ascii: "#") where previous == 0x20 || previous == 0x09 || previous == 0x0A || previous == 0x0D:
                        inComment = true
                    default:
                        break
                    }
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
            index += 1
        }
        return nil
    }
}
