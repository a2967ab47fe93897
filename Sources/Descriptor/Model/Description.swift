import JSONSchema

/// A read-only, typed view of a description document (a `codesocial.yml` read into JSON).
///
/// It never fails on a document that does not follow the schema: accessors return nil or
/// skip elements of the wrong shape, so callers can use it on any readable file.
public struct Description: Sendable {
    /// The whole document.
    public let value: JSONValue

    /// Wraps a document.
    public init(_ value: JSONValue) { self.value = value }

    /// `id`.
    public var id: String? { value["id"]?.stringValue }
    /// `codesocial` (format version).
    public var formatVersion: Int? { value["codesocial"]?.numberValue?.intValue }
    /// `kind`.
    public var kind: String? { value["kind"]?.stringValue }
    /// `language`.
    public var language: String? { value["language"]?.stringValue }
    /// `name`.
    public var name: Text? { Text(value["name"]) }
    /// `summary`.
    public var summary: Text? { Text(value["summary"]) }
    /// `tags`.
    public var tags: [String] { value["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    /// `licence`.
    public var licence: String? { value["licence"]?.stringValue }
    /// `links`, in source order.
    public var links: [(name: String, url: String)] {
        value["links"]?.objectValue?.compactMap { member in member.value.stringValue.map { (member.key, $0) } } ?? []
    }

    /// The content of a model (nil when absent).
    public func model(_ name: ModelName) -> JSONValue? { value["models"]?[name.rawValue] }

    /// Whether a model is described, not applicable or empty.
    public func state(of model: ModelName) -> PartState { Description.state(of: self.model(model)) }

    /// Whether a section is described, not applicable or empty.
    public func state(of section: SectionName) -> PartState { Description.state(of: value[section.rawValue]) }

    /// The state of any part: `not_applicable` wins; otherwise described when any value
    /// (other than `x-` extensions) holds something.
    public static func state(of part: JSONValue?) -> PartState {
        guard let part else { return .empty }
        if let reason = part["not_applicable"]?.stringValue { return .notApplicable(reason: reason) }
        return isEmpty(part) ? .empty : .described
    }

    /// Whether a value holds nothing: null, blank strings, and containers of such values
    /// (`x-` extension keys are ignored).
    public static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return text.allSatisfy(\.isWhitespace)
        case .bool, .number: return false
        case .array(let elements): return elements.allSatisfy(isEmpty)
        case .object(let object):
            return object.allSatisfy { $0.key.hasPrefix("x-") || isEmpty($0.value) }
        }
    }

    /// An intention of a model.
    public struct Intention: Sendable, Hashable {
        /// The model it belongs to.
        public let model: ModelName
        /// Its id (slug).
        public let id: String
        /// What it is.
        public let text: Text?
        /// Where it is (`/models/economic/intentions/0`).
        public let pointer: JSONPointer
        /// `economic/open-workshops`, as actions reference it in `serves`.
        public var reference: String { "\(model.rawValue)/\(id)" }
    }

    /// Every intention of every model, in grid order.
    public var intentions: [Intention] {
        ModelName.allCases.flatMap { model -> [Intention] in
            guard let list = self.model(model)?["intentions"]?.arrayValue else { return [] }
            let base = JSONPointer(tokens: ["models", model.rawValue, "intentions"])
            return list.enumerated().compactMap { index, element in
                guard let id = element["id"]?.stringValue else { return nil }
                return Intention(model: model, id: id, text: Text(element["text"]), pointer: base.appending(index: index))
            }
        }
    }

    /// An action (ETCC).
    public struct Action: Sendable, Hashable {
        /// Its id.
        public let id: String?
        /// Its title.
        public let title: Text?
        /// `idea`, `planned`, `ongoing`, `done` or `dropped`.
        public let status: String?
        /// The intentions it serves, as `<model>/<intention id>`.
        public let serves: [String]
        /// Start date.
        public let start: String?
        /// End date.
        public let end: String?
        /// Where it is (`/actions/0`).
        public let pointer: JSONPointer
    }

    /// The actions, in order (empty when the section is absent or not applicable).
    public var actions: [Action] {
        guard let list = value["actions"]?.arrayValue else { return [] }
        return list.enumerated().compactMap { index, element in
            guard element.objectValue != nil else { return nil }
            return Action(
                id: element["id"]?.stringValue, title: Text(element["title"]), status: element["status"]?.stringValue,
                serves: element["serves"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                start: element["start"]?.stringValue, end: element["end"]?.stringValue,
                pointer: JSONPointer(tokens: ["actions", String(index)]))
        }
    }

    /// An offer or a need of the contributive catalogue.
    public struct CatalogueItem: Sendable, Hashable {
        /// `skill`, `resource`, `service`, `funding`, `knowledge`, `place`, `tool`, `time` or `other`.
        public let kind: String?
        /// What is offered or needed.
        public let text: Text?
        /// Keywords.
        public let tags: [String]
        /// Where it is (`/catalogue/offers/0`).
        public let pointer: JSONPointer
    }

    /// `catalogue.offers`.
    public var offers: [CatalogueItem] { catalogue("offers") }
    /// `catalogue.needs`.
    public var needs: [CatalogueItem] { catalogue("needs") }

    private func catalogue(_ name: String) -> [CatalogueItem] {
        guard let list = value["catalogue"]?[name]?.arrayValue else { return [] }
        return list.enumerated().compactMap { index, element in
            guard element.objectValue != nil else { return nil }
            return CatalogueItem(
                kind: element["kind"]?.stringValue, text: Text(element["text"]),
                tags: element["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                pointer: JSONPointer(tokens: ["catalogue", name, String(index)]))
        }
    }

    /// A common the project produces, uses or contributes to.
    public struct Common: Sendable, Hashable {
        /// Its name.
        public let name: String?
        /// `produces`, `uses` or `contributes`.
        public let role: String?
        /// SPDX id of its licence.
        public let licence: String?
        /// Where to find it.
        public let url: String?
    }

    /// `commons`.
    public var commons: [Common] {
        value["commons"]?.arrayValue?.compactMap { element in
            guard element.objectValue != nil else { return nil }
            return Common(
                name: element["name"]?.stringValue, role: element["role"]?.stringValue,
                licence: element["licence"]?.stringValue, url: element["url"]?.stringValue)
        } ?? []
    }

    /// A relation with another registry entry.
    public struct Relation: Sendable, Hashable {
        /// The other entry's id.
        public let id: String?
        /// `partner`, `member_of`, `uses`, `inspired_by`, `funds`, `hosts` or `fork_of`.
        public let kind: String?
        /// What it is about.
        public let text: Text?
        /// Where it is (`/relations/0`).
        public let pointer: JSONPointer
    }

    /// `relations`.
    public var relations: [Relation] {
        guard let list = value["relations"]?.arrayValue else { return [] }
        return list.enumerated().compactMap { index, element in
            guard element.objectValue != nil else { return nil }
            return Relation(
                id: element["id"]?.stringValue, kind: element["kind"]?.stringValue, text: Text(element["text"]),
                pointer: JSONPointer(tokens: ["relations", String(index)]))
        }
    }

    /// A maintainer of the description.
    public struct Maintainer: Sendable, Hashable {
        /// Name.
        public let name: String?
        /// E-mail address.
        public let email: String?
        /// Public SSH key.
        public let sshKey: String?
    }

    /// `governance.maintainers`.
    public var maintainers: [Maintainer] {
        value["governance"]?["maintainers"]?.arrayValue?.compactMap { element in
            guard element.objectValue != nil else { return nil }
            return Maintainer(
                name: element["name"]?.stringValue, email: element["email"]?.stringValue,
                sshKey: element["ssh_key"]?.stringValue)
        } ?? []
    }
}
