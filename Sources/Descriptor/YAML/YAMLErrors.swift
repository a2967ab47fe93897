import JSONSchema
internal import Yams

/// Turns Yams / libyaml errors into ``LoadError``s with a line and column.
enum YAMLErrors {
    static func map(_ error: YamlError, text: String, limits: Limits) -> LoadError {
        switch error {
        case .reader(let problem, let offset, _, _):
            let position = offset.map { characterPosition(text, offset: $0) }
            if problem.contains("control characters") {
                return LoadError(.yamlSyntax("control characters are not allowed"), at: position)
            }
            return LoadError(.yamlSyntax(problem), at: position)
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let position = SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1))
            if problem.contains("another document") {
                return LoadError(.severalDocuments, at: position)
            }
            if problem.contains("Maximum nesting level") || (context?.text.contains("Maximum nesting level") ?? false) {
                return LoadError(.tooDeep(limit: limits.maxDepth), at: position)
            }
            var text = problem
            if let context, !context.text.isEmpty {
                text += " (\(context.text) at line \(context.mark.line))"
            }
            return LoadError(.yamlSyntax(text), at: position)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = SourcePosition(line: max(context.mark.line, 1), column: max(context.mark.column, 1))
            let second = secondOccurrence(of: key, after: first, in: text)
            return LoadError(.duplicateKey(key, first: second == nil ? nil : first), at: second ?? first)
        case .dataCouldNotBeDecoded:
            return LoadError(.invalidUTF8, at: nil)
        case .memory:
            return LoadError(.yamlSyntax("out of memory"), at: nil)
        default:
            return LoadError(.yamlSyntax(String(describing: error)), at: nil)
        }
    }

    /// Line and column of the `offset`-th character of `text`.
    static func characterPosition(_ text: String, offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        for character in text {
            if index == offset { break }
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// Where a duplicate key appears again in a block mapping: a later line, at the same
    /// column as the first occurrence, holding the key plain or quoted, before the mapping
    /// ends (a line indented less). Nil when it cannot be found (flow mappings).
    static func secondOccurrence(of key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line - 1 < lines.count else { return nil }
        let candidates = [key, "\"\(key)\"", "'\(key)'"]
        for lineIndex in first.line..<lines.count {
            let line = lines[lineIndex].unicodeScalars
            var indent = 0
            var index = line.startIndex
            while index != line.endIndex, line[index] == " " || line[index] == "-" {
                indent += 1
                index = line.index(after: index)
            }
            let rest = Substring(line[index...])
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if indent + 1 < first.column { return nil }
            guard indent + 1 == first.column else { continue }
            for candidate in candidates where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop(while: { $0 == " " })
                if after.hasPrefix(":") { return SourcePosition(line: lineIndex + 1, column: first.column) }
            }
        }
        return nil
    }
}
