extension DescriptionDiff {
    /// Where in a description a change happened: member names and list items by id.
    public struct DiffPath: Sendable, Hashable, CustomStringConvertible {
        /// A step: a member name or a list item's id.
        public enum Step: Sendable, Hashable {
            /// A member of an object.
            case key(String)
            /// An element of a list, by its `id` or `name`.
            case item(String)
        }

        /// The steps from the root.
        public var steps: [Step]

        /// The root.
        public init(_ steps: [Step] = []) { self.steps = steps }

        func appending(_ key: String) -> DiffPath { DiffPath(steps + [.key(key)]) }
        func appending(item id: String) -> DiffPath { DiffPath(steps + [.item(id)]) }

        /// `models.economic.revenue_streams`, `actions[plant-trees].status`.
        public var description: String {
            var text = ""
            for step in steps {
                switch step {
                case .key(let key): text += text.isEmpty ? key : "." + key
                case .item(let id): text += "[\(id)]"
                }
            }
            return text.isEmpty ? "description" : text
        }
    }

    /// One change.
    public struct Change: Sendable, Hashable {
        /// Where.
        public var path: DiffPath
        /// What.
        public var kind: Kind

        /// What happened at a path.
        public enum Kind: Sendable, Hashable {
            /// The member appeared.
            case added
            /// The member disappeared.
            case removed
            /// The value changed.
            case changed
            /// A section or model was replaced by `not_applicable` with this reason.
            case nowNotApplicable(reason: String)
            /// A section or model that was `not_applicable` is described again.
            case nowApplicable
            /// Elements added to a list (their ids, names or texts).
            case itemsAdded([String])
            /// Elements removed from a list.
            case itemsRemoved([String])
            /// The same elements in another order.
            case reordered
        }

        /// Creates a change.
        public init(path: DiffPath, kind: Kind) {
            self.path = path
            self.kind = kind
        }

        /// Whether the change is to one of the six models (`models.<model>`), and which.
        var model: String? {
            guard path.steps.count == 2, path.steps[0] == .key("models"), case .key(let name) = path.steps[1] else { return nil }
            return name
        }

        /// A stable machine-readable name of the change kind.
        public var code: String {
            switch kind {
            case .added: "added"
            case .removed: "removed"
            case .changed: "changed"
            case .nowNotApplicable: "not-applicable"
            case .nowApplicable: "applicable"
            case .itemsAdded: "items-added"
            case .itemsRemoved: "items-removed"
            case .reordered: "reordered"
            }
        }

        /// The change in a sentence.
        public func message(in language: DisplayLanguage) -> String {
            let where_ = path.description
            let subject = model.map { language == .french ? "modèle \($0)" : "model \($0)" } ?? where_
            let topLevelList = path.steps.count == 1
            func list(_ items: [String]) -> String {
                let shown = items.prefix(5).joined(separator: ", ")
                return items.count > 5 ? "\(shown), …" : shown
            }
            func noun(_ count: Int) -> String {
                count == 1 && where_.hasSuffix("s") && where_ != "commons" ? String(where_.dropLast()) : where_
            }
            switch (kind, language) {
            case (.added, .english): return "\(subject) added"
            case (.added, .french): return "\(subject) ajouté"
            case (.removed, .english): return "\(subject) removed"
            case (.removed, .french): return "\(subject) supprimé"
            case (.changed, .english): return "\(subject) changed"
            case (.changed, .french): return "\(subject) modifié"
            case (.nowNotApplicable(let reason), .english):
                return "\(subject) now not applicable" + (reason.isEmpty ? "" : " (\(reason))")
            case (.nowNotApplicable(let reason), .french):
                return "\(subject) désormais non applicable" + (reason.isEmpty ? "" : " (\(reason))")
            case (.nowApplicable, .english): return "\(subject) applicable again (now described)"
            case (.nowApplicable, .french): return "\(subject) de nouveau applicable (désormais décrit)"
            case (.itemsAdded(let items), .english):
                return topLevelList
                    ? "\(items.count) \(noun(items.count)) added (\(list(items)))"
                    : "\(where_): \(items.count) added (\(list(items)))"
            case (.itemsAdded(let items), .french):
                return "\(where_) : \(items.count) ajout\(items.count > 1 ? "s" : "") (\(list(items)))"
            case (.itemsRemoved(let items), .english):
                return topLevelList
                    ? "\(items.count) \(noun(items.count)) removed (\(list(items)))"
                    : "\(where_): \(items.count) removed (\(list(items)))"
            case (.itemsRemoved(let items), .french):
                return "\(where_) : \(items.count) retiré\(items.count > 1 ? "s" : "") (\(list(items)))"
            case (.reordered, .english): return "\(where_) reordered"
            case (.reordered, .french): return "\(where_) réordonné"
            }
        }
    }
}
