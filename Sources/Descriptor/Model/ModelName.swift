/// The six systemic models of the grid, in the grid's order.
public enum ModelName: String, Sendable, CaseIterable, Hashable {
    /// Artistic and cultural.
    case artisticCultural = "artistic_cultural"
    /// Social and human.
    case socialHuman = "social_human"
    /// Ecological.
    case ecological
    /// Technological.
    case technological
    /// Economic.
    case economic
    /// Legal and financial.
    case legalFinancial = "legal_financial"

    /// The model's title in `language` ("Modèle économique", "Economic model").
    public func title(in language: Language) -> String {
        switch (self, language) {
        case (.artisticCultural, .fr): "Modèle artistique et culturel"
        case (.artisticCultural, .en): "Artistic and cultural model"
        case (.socialHuman, .fr): "Modèle social et humain"
        case (.socialHuman, .en): "Social and human model"
        case (.ecological, .fr): "Modèle écologique"
        case (.ecological, .en): "Ecological model"
        case (.technological, .fr): "Modèle technologique"
        case (.technological, .en): "Technological model"
        case (.economic, .fr): "Modèle économique"
        case (.economic, .en): "Economic model"
        case (.legalFinancial, .fr): "Modèle juridique et financier"
        case (.legalFinancial, .en): "Legal and financial model"
        }
    }
}

/// The optional top-level sections whose completeness is reported, in the grid's order.
public enum SectionName: String, Sendable, CaseIterable, Hashable {
    /// General information.
    case general
    /// Story and narrative.
    case story
    /// Purpose (raison d'être).
    case purpose
    /// Actions (ETCC).
    case actions
    /// Contributive catalogue.
    case catalogue
    /// Commons.
    case commons
    /// Relations with other entries.
    case relations
    /// Knowledge seeds.
    case knowledgeSeeds = "knowledge_seeds"
}

/// Whether a part of the grid (a section or a model) is filled in.
public enum PartState: Sendable, Hashable {
    /// It has content.
    case described
    /// It is marked `not_applicable`, with this reason.
    case notApplicable(reason: String)
    /// It is absent, null, or holds nothing but empty values.
    case empty
}
