/// An entry found by reliance matching, with the reasons it was found.
public struct Match: Sendable, Hashable {
    /// The other entry.
    public var entry: CatalogEntry
    /// Higher is closer; see ``Matcher`` for the weights.
    public var score: Int
    /// Why it matched, strongest first.
    public var reasons: [MatchReason]

    /// Creates a match.
    public init(entry: CatalogEntry, score: Int, reasons: [MatchReason]) {
        self.entry = entry
        self.score = score
        self.reasons = reasons
    }
}

/// One reason two entries are relevant to each other.
public enum MatchReason: Sendable, Hashable {
    /// The other entry offers something of the kind this entry needs.
    case theyOfferWhatYouNeed(kind: String, offer: String, need: String, sharedWords: [String])
    /// This entry offers something of the kind the other entry needs.
    case youOfferWhatTheyNeed(kind: String, offer: String, need: String, sharedWords: [String])
    /// Both take part in the same common.
    case sharedCommon(name: String, yourRole: String, theirRole: String)
    /// Both carry these tags.
    case sharedTags([String])
    /// This entry declares a relation to the other.
    case relationTo(kind: String)
    /// The other entry declares a relation to this one.
    case relationFrom(kind: String)

    /// The reason in a sentence, in French or English.
    public func message(in language: DisplayLanguage) -> String {
        func words(_ shared: [String]) -> String {
            guard !shared.isEmpty else { return "" }
            let list = shared.joined(separator: ", ")
            return language == .french ? " (mots communs : \(list))" : " (shared words: \(list))"
        }
        switch (self, language) {
        case let (.theyOfferWhatYouNeed(kind, offer, need, shared), .english):
            return "offers \(kind) “\(offer)” for your need “\(need)”" + words(shared)
        case let (.theyOfferWhatYouNeed(kind, offer, need, shared), .french):
            return "propose (\(kind)) « \(offer) » pour votre besoin « \(need) »" + words(shared)
        case let (.youOfferWhatTheyNeed(kind, offer, need, shared), .english):
            return "needs \(kind) “\(need)” that you offer: “\(offer)”" + words(shared)
        case let (.youOfferWhatTheyNeed(kind, offer, need, shared), .french):
            return "a besoin (\(kind)) de « \(need) », que vous proposez : « \(offer) »" + words(shared)
        case let (.sharedCommon(name, yours, theirs), .english):
            return "shares the common “\(name)” (you: \(yours), they: \(theirs))"
        case let (.sharedCommon(name, yours, theirs), .french):
            return "partage le commun « \(name) » (vous : \(yours), eux : \(theirs))"
        case let (.sharedTags(tags), .english):
            return "shared tags: \(tags.joined(separator: ", "))"
        case let (.sharedTags(tags), .french):
            return "étiquettes communes : \(tags.joined(separator: ", "))"
        case let (.relationTo(kind), .english):
            return "you declare a relation to it (\(kind))"
        case let (.relationTo(kind), .french):
            return "vous déclarez une relation avec lui (\(kind))"
        case let (.relationFrom(kind), .english):
            return "it declares a relation to you (\(kind))"
        case let (.relationFrom(kind), .french):
            return "il déclare une relation avec vous (\(kind))"
        }
    }

    /// A stable machine-readable name of the reason (`offers`, `needs`, `commons`, `tags`,
    /// `relation-to`, `relation-from`).
    public var code: String {
        switch self {
        case .theyOfferWhatYouNeed: "offers"
        case .youOfferWhatTheyNeed: "needs"
        case .sharedCommon: "commons"
        case .sharedTags: "tags"
        case .relationTo: "relation-to"
        case .relationFrom: "relation-from"
        }
    }
}
