/// Reliance matching (`codesocial match ID`): which entries could work with a given one.
///
/// An entry matches when
/// - it offers something of a kind this entry needs, or needs something of a kind this entry
///   offers (same catalogue kind; for kind `other` at least one significant word must be
///   shared); shared significant words (French and English stop words removed, accents and
///   ligatures folded, plurals reduced) raise the score and are reported;
/// - it shares a common (same name, compared folded);
/// - it shares tags;
/// - either entry declares a relation to the other.
///
/// Scores: each complementary offer/need 5 + 2 per shared word (at most 3 counted), each
/// shared common 3, each shared tag 1, each relation 4. Ties are broken by id.
public struct Matcher: Sendable {
    /// Creates a matcher.
    public init() {}

    /// Ranks `candidates` by how relevant they are to `entry`; entries with no reason are left out.
    /// - Parameters:
    ///   - entry: the entry looking for partners.
    ///   - candidates: the other entries of the registry (the entry itself is skipped).
    ///   - limit: at most this many results.
    /// - Returns: matches, best first.
    public func matches(for entry: CatalogEntry, among candidates: [CatalogEntry], limit: Int = 20) -> [Match] {
        let mine = Profile(entry)
        var results: [Match] = []
        for candidate in candidates where candidate.id != entry.id {
            let theirs = Profile(candidate)
            var reasons: [(Int, MatchReason)] = []
            for pair in complements(needs: mine.needs, offers: theirs.offers) {
                reasons.append((pair.score, .theyOfferWhatYouNeed(kind: pair.kind, offer: pair.offer, need: pair.need, sharedWords: pair.words)))
            }
            for pair in complements(needs: theirs.needs, offers: mine.offers) {
                reasons.append((pair.score, .youOfferWhatTheyNeed(kind: pair.kind, offer: pair.offer, need: pair.need, sharedWords: pair.words)))
            }
            for (key, common) in mine.commons.sorted(by: { $0.key < $1.key }) {
                if let other = theirs.commons[key] {
                    reasons.append((3, .sharedCommon(name: common.name, yourRole: common.role, theirRole: other.role)))
                }
            }
            let tags = mine.tags.keys.filter { theirs.tags[$0] != nil }.sorted().compactMap { mine.tags[$0] }
            if !tags.isEmpty { reasons.append((tags.count, .sharedTags(tags))) }
            for relation in entry.relations where relation.id == candidate.id {
                reasons.append((4, .relationTo(kind: relation.kind)))
            }
            for relation in candidate.relations where relation.id == entry.id {
                reasons.append((4, .relationFrom(kind: relation.kind)))
            }
            guard !reasons.isEmpty else { continue }
            let ordered = reasons.enumerated().sorted { a, b in
                a.element.0 != b.element.0 ? a.element.0 > b.element.0 : a.offset < b.offset
            }
            results.append(Match(
                entry: candidate,
                score: reasons.reduce(0) { $0 + $1.0 },
                reasons: ordered.map(\.element.1)
            ))
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry.id < $1.entry.id }
        return Array(results.prefix(max(0, limit)))
    }

    struct Pair {
        var kind: String
        var offer: String
        var need: String
        var words: [String]
        var score: Int
    }

    /// Offers meeting needs: same kind, and shared words when the kind is `other`.
    func complements(needs: [Profile.Item], offers: [Profile.Item]) -> [Pair] {
        var pairs: [Pair] = []
        for need in needs {
            for offer in offers where offer.kind == need.kind {
                let shared = need.words.intersection(offer.words).sorted()
                if need.kind == "other" && shared.isEmpty { continue }
                pairs.append(Pair(kind: need.kind, offer: offer.text, need: need.text, words: shared, score: 5 + 2 * min(shared.count, 3)))
            }
        }
        return pairs
    }

    /// An entry prepared for matching: folded words, commons and tags by folded key.
    struct Profile {
        struct Item {
            var kind: String
            var text: String
            var words: Set<String>
        }

        var offers: [Item]
        var needs: [Item]
        var commons: [String: CatalogEntry.CommonsReference]
        var tags: [String: String]

        init(_ entry: CatalogEntry) {
            func items(_ list: [CatalogEntry.CatalogItem]) -> [Item] {
                list.map { item in
                    let text = item.text.resolved(preferring: entry.language)
                    let words = TextFolding.significantWords(([item.text.allText] + item.tags).joined(separator: " "))
                    return Item(kind: item.kind.lowercased(), text: text, words: words)
                }
            }
            offers = items(entry.offers)
            needs = items(entry.needs)
            commons = [:]
            for common in entry.commons { commons[TextFolding.key(common.name), default: common] = common }
            tags = [:]
            for tag in entry.tags { tags[TextFolding.key(tag), default: tag] = tag }
        }
    }
}
