/// A search: free text plus optional filters.
public struct SearchQuery: Sendable, Hashable {
    /// What the user typed; any text is accepted (it is sanitised, never passed to FTS5 as syntax).
    public var text: String
    /// Only entries of this kind (`project`, `organisation`, …).
    public var kind: String?
    /// Only entries carrying this tag (compared case- and accent-insensitively).
    public var tag: String?
    /// Only entries offering something of this catalogue kind (`place`, `skill`, …).
    public var offers: String?
    /// Only entries needing something of this catalogue kind.
    public var needs: String?
    /// At most this many hits.
    public var limit: Int

    /// Creates a query.
    public init(text: String, kind: String? = nil, tag: String? = nil, offers: String? = nil, needs: String? = nil, limit: Int = 20) {
        self.text = text
        self.kind = kind
        self.tag = tag
        self.offers = offers
        self.needs = needs
        self.limit = limit
    }

    /// The FTS5 expression for the text: each significant word quoted (so no user input is
    /// ever read as FTS5 syntax), the last word matched as a prefix when `prefixLast`, words
    /// joined by `AND` or `OR`. `nil` when the text has no word at all.
    /// - Parameters:
    ///   - joiner: `"AND"` (all words) or `"OR"` (any word).
    ///   - prefixLast: whether the last word also matches longer words (`mobil` → `mobilité`).
    public func ftsExpression(joiner: String = "AND", prefixLast: Bool = true) -> String? {
        let terms = Self.terms(text)
        guard !terms.isEmpty else { return nil }
        return terms.enumerated().map { index, term in
            let quoted = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return prefixLast && index == terms.count - 1 && term.count >= 2 ? quoted + "*" : quoted
        }.joined(separator: " \(joiner) ")
    }

    /// The last significant word of the query, folded, if any.
    var lastTerm: String? { Self.terms(text).last }

    /// The folded words of a query, without stop words and one-letter elisions (`l'`, `d'`)
    /// unless nothing else remains.
    static func terms(_ text: String) -> [String] {
        let words = TextFolding.words(text)
        let significant = words.filter { $0.count > 1 && !StopWords.all.contains($0) }
        var seen = Set<String>()
        return (significant.isEmpty ? words : significant).filter { seen.insert($0).inserted }
    }
}

/// One search result.
public struct SearchHit: Sendable, Hashable {
    /// The matching entry.
    public var entry: CatalogEntry
    /// Relevance (higher is better): the negated bm25 score with column weights
    /// name 10, tags 6, summary 4, purpose, models and catalogue 1.
    public var relevance: Double
    /// The passage that matched, with the matching words marked.
    public var snippet: Snippet

    /// Creates a hit.
    public init(entry: CatalogEntry, relevance: Double, snippet: Snippet) {
        self.entry = entry
        self.relevance = relevance
        self.snippet = snippet
    }
}

/// A passage of an entry with its matching words marked.
public struct Snippet: Sendable, Hashable {
    /// Consecutive pieces of the passage.
    public var segments: [Segment]

    /// A piece of a passage.
    public struct Segment: Sendable, Hashable {
        /// The text.
        public var text: String
        /// Whether it is a matching word.
        public var isMatch: Bool

        /// Creates a segment.
        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// Creates a snippet from segments.
    public init(segments: [Segment]) { self.segments = segments }

    /// Parses SQLite's `snippet()` output delimited by `open` and `close` markers.
    init(marked text: String, open: Character, close: Character) {
        var segments: [Segment] = []
        var current = ""
        var inMatch = false
        for character in text {
            if character == open || character == close {
                if !current.isEmpty { segments.append(Segment(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = character == open
            } else {
                current.append(character == "\n" ? " " : character)
            }
        }
        if !current.isEmpty { segments.append(Segment(text: current, isMatch: inMatch)) }
        self.segments = segments
    }

    /// The passage without marks.
    public var plainText: String { segments.map(\.text).joined() }

    /// The passage with matching words wrapped in `open` and `close` (e.g. ANSI bold, `**`).
    public func rendered(open: String, close: String) -> String {
        segments.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }
}
