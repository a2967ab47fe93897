/// "Did you mean …?": the closest candidate by edit distance.
public enum Suggestions {
    /// The candidate closest to `word` within a distance of about a third of its length
    /// (at least 1, at most 4); nil when none is close enough or `word` is a candidate.
    public static func closest(to word: String, among candidates: some Sequence<String>, caseInsensitive: Bool = false) -> String? {
        let target = Array((caseInsensitive ? word.lowercased() : word).unicodeScalars)
        let limit = min(4, max(1, target.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let other = Array((caseInsensitive ? candidate.lowercased() : candidate).unicodeScalars)
            if abs(other.count - target.count) > limit { continue }
            let distance = editDistance(target, other, limit: limit)
            if distance == 0 && !caseInsensitive { return nil }
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count 1), cut off past `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
