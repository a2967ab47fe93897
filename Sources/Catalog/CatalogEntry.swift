import JSONSchema

/// What the catalog knows about one registry entry: the fields that search, filters,
/// listing and reliance matching use, extracted once from a description.
public struct CatalogEntry: Hashable, Sendable, Codable {
    /// The registry id (`wemob`).
    public var id: String
    /// `project`, `organisation`, `idea` or `collaboration` (empty when missing).
    public var kind: String
    /// The entry's name.
    public var name: LocalizedText
    /// The one-paragraph summary.
    public var summary: LocalizedText
    /// The description's main language tag.
    public var language: String
    /// Tags as written.
    public var tags: [String]
    /// What the entry offers to others (`catalogue.offers`).
    public var offers: [CatalogItem]
    /// What the entry needs from others (`catalogue.needs`).
    public var needs: [CatalogItem]
    /// Commons it produces, uses or contributes to.
    public var commons: [CommonsReference]
    /// Relations to other entries.
    public var relations: [RelationReference]
    /// All text of `purpose`, for full-text search (not stored with the entry).
    public var purposeText: String
    /// All text of `models`, for full-text search (not stored with the entry).
    public var modelsText: String

    /// One offer or need of the contributive catalogue.
    public struct CatalogItem: Hashable, Sendable, Codable {
        /// `skill`, `resource`, `service`, `funding`, `knowledge`, `place`, `tool`, `time` or `other`.
        public var kind: String
        /// What is offered or needed.
        public var text: LocalizedText
        /// The item's own tags.
        public var tags: [String]

        /// Creates an item.
        public init(kind: String, text: LocalizedText, tags: [String] = []) {
            self.kind = kind
            self.text = text
            self.tags = tags
        }
    }

    /// A common the entry takes part in.
    public struct CommonsReference: Hashable, Sendable, Codable {
        /// The common's name.
        public var name: String
        /// `produces`, `uses` or `contributes`.
        public var role: String
        /// The common's URL, when given.
        public var url: String?

        /// Creates a commons reference.
        public init(name: String, role: String, url: String? = nil) {
            self.name = name
            self.role = role
            self.url = url
        }
    }

    /// A relation to another registry entry.
    public struct RelationReference: Hashable, Sendable, Codable {
        /// The other entry's id.
        public var id: String
        /// `partner`, `member_of`, `uses`, `inspired_by`, `funds`, `hosts` or `fork_of`.
        public var kind: String

        /// Creates a relation reference.
        public init(id: String, kind: String) {
            self.id = id
            self.kind = kind
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, name, summary, language, tags, offers, needs, commons, relations
    }

    /// Creates an entry from its parts.
    public init(
        id: String, kind: String, name: LocalizedText, summary: LocalizedText, language: String = "",
        tags: [String] = [], offers: [CatalogItem] = [], needs: [CatalogItem] = [],
        commons: [CommonsReference] = [], relations: [RelationReference] = [],
        purposeText: String = "", modelsText: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.summary = summary
        self.language = language
        self.tags = tags
        self.offers = offers
        self.needs = needs
        self.commons = commons
        self.relations = relations
        self.purposeText = purposeText
        self.modelsText = modelsText
    }

    /// Decodes a stored entry (search texts are not stored and come back empty).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(String.self, forKey: .kind)
        name = try c.decode(LocalizedText.self, forKey: .name)
        summary = try c.decode(LocalizedText.self, forKey: .summary)
        language = try c.decode(String.self, forKey: .language)
        tags = try c.decode([String].self, forKey: .tags)
        offers = try c.decode([CatalogItem].self, forKey: .offers)
        needs = try c.decode([CatalogItem].self, forKey: .needs)
        commons = try c.decode([CommonsReference].self, forKey: .commons)
        relations = try c.decode([RelationReference].self, forKey: .relations)
        purposeText = ""
        modelsText = ""
    }

    /// Encodes the stored fields.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(summary, forKey: .summary)
        try c.encode(language, forKey: .language)
        try c.encode(tags, forKey: .tags)
        try c.encode(offers, forKey: .offers)
        try c.encode(needs, forKey: .needs)
        try c.encode(commons, forKey: .commons)
        try c.encode(relations, forKey: .relations)
    }
}
