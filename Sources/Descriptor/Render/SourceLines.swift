/// The lines of a source text as the YAML and JSON readers count them, for showing the line
/// under a diagnostic: a line ends at LF, CRLF or a lone CR, and a leading UTF-8 byte order
/// mark is not part of the first line (it is not shown and takes no column).
///
/// Works on Unicode scalars: Swift's `Character` merges CR LF into one grapheme, so
/// splitting a `String` on `"\n"` never finds the end of a CRLF line.
public struct SourceLines: Sendable {
    private let lines: [Substring.UnicodeScalarView]

    /// Splits `source` into lines.
    public init(_ source: String) {
        var scalars = source.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var lines: [Substring.UnicodeScalarView] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(scalars[start..<index])
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(scalars[start...])
        self.lines = lines
    }

    /// Number of lines (a final line break ends the last line and starts an empty one).
    public var count: Int { lines.count }

    /// The text of line `number` (1-based) without its line break, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(Substring(lines[number - 1]))
    }
}
