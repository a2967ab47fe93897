/// How complete a description is: reported as figures and warnings, never as errors.
public struct Completeness: Sendable, Hashable {
    /// How many of the six models are described, not applicable, or empty.
    public var models: Tally
    /// The same for the optional sections (`general`, `story`, `purpose`, `catalogue`,
    /// `actions`, `commons`, `relations`, `knowledge_seeds`).
    public var sections: Tally
    /// Intentions declared across all models.
    public var intentions: Int
    /// Actions listed.
    public var actions: Int
    /// Intentions that no action serves.
    public var unservedIntentions: Int
    /// Actions that serve no intention.
    public var actionsServingNothing: Int

    /// Counts of parts by state.
    public struct Tally: Sendable, Hashable {
        /// Parts with content.
        public var described: Int
        /// Parts marked `not_applicable`.
        public var notApplicable: Int
        /// Parts neither described nor marked not applicable.
        public var empty: Int

        /// Creates a tally.
        public init(described: Int = 0, notApplicable: Int = 0, empty: Int = 0) {
            self.described = described
            self.notApplicable = notApplicable
            self.empty = empty
        }
    }

    /// Creates figures.
    public init(
        models: Tally = Tally(), sections: Tally = Tally(), intentions: Int = 0, actions: Int = 0,
        unservedIntentions: Int = 0, actionsServingNothing: Int = 0
    ) {
        self.models = models
        self.sections = sections
        self.intentions = intentions
        self.actions = actions
        self.unservedIntentions = unservedIntentions
        self.actionsServingNothing = actionsServingNothing
    }

    /// One line for people: "models: 4 described, 1 not applicable, 1 empty; 5 intentions,
    /// 3 actions, 2 intentions not yet served".
    public func summary(in language: Language) -> String {
        if language == .fr {
            var text = "modèles : \(models.described) décrit\(frPlural(models.described)), "
                + "\(models.notApplicable) non applicable\(frPlural(models.notApplicable)), "
                + "\(models.empty) vide\(frPlural(models.empty)) ; "
                + "\(intentions) intention\(frPlural(intentions)), \(actions) action\(frPlural(actions))"
            if unservedIntentions > 0 {
                text += ", \(unservedIntentions) intention\(frPlural(unservedIntentions)) pas encore servie\(frPlural(unservedIntentions))"
            }
            if actionsServingNothing > 0 {
                text += ", \(actionsServingNothing) action\(frPlural(actionsServingNothing)) sans intention"
            }
            return text
        }
        var text = "models: \(models.described) described, \(models.notApplicable) not applicable, \(models.empty) empty; "
            + "\(intentions) intention\(plural(intentions)), \(actions) action\(plural(actions))"
        if unservedIntentions > 0 {
            text += ", \(unservedIntentions) intention\(plural(unservedIntentions)) not yet served"
        }
        if actionsServingNothing > 0 {
            text += ", \(actionsServingNothing) action\(plural(actionsServingNothing)) serving no intention"
        }
        return text
    }

    private func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
    /// French plural: 0 and 1 are singular.
    private func frPlural(_ count: Int) -> String { count > 1 ? "s" : "" }
}
