import JSONSchema

extension CatalogEntry {
    /// Extracts the catalog's view of a description.
    ///
    /// Tolerant by design: the registry checker validates descriptions; the catalog indexes
    /// whatever it is given, skipping members of the wrong type instead of failing.
    /// - Parameters:
    ///   - id: the registry id (the entry's path gives it; the description's own `id` is used when absent).
    ///   - description: the parsed description.
    public init(id: String? = nil, description: JSONValue) {
        let root: JSONObject
        if case .object(let object) = description { root = object } else { root = JSONObject([]) }
        let fallbackID: String
        if case .string(let text)? = root["id"] { fallbackID = text } else { fallbackID = "" }
        let resolvedID = id ?? fallbackID
        let catalogue = root["catalogue"].flatMap(Self.object)
        self.init(
            id: resolvedID,
            kind: Self.string(root["kind"]) ?? "",
            name: LocalizedText(root["name"]) ?? LocalizedText(resolvedID),
            summary: LocalizedText(root["summary"]) ?? LocalizedText(""),
            language: Self.string(root["language"]) ?? "",
            tags: Self.strings(root["tags"]),
            offers: Self.items(catalogue?["offers"]),
            needs: Self.items(catalogue?["needs"]),
            commons: Self.objects(root["commons"]).compactMap { object in
                guard let name = Self.string(object["name"]) else { return nil }
                return CommonsReference(name: name, role: Self.string(object["role"]) ?? "", url: Self.string(object["url"]))
            },
            relations: Self.objects(root["relations"]).compactMap { object in
                guard let other = Self.string(object["id"]) else { return nil }
                return RelationReference(id: other, kind: Self.string(object["kind"]) ?? "")
            },
            purposeText: Self.collectText(root["purpose"]),
            modelsText: Self.collectText(root["models"])
        )
    }

    /// Keys whose values are identifiers, addresses or dates rather than prose.
    static let nonProseKeys: Set<String> = [
        "id", "serves", "url", "urls", "links", "email", "ssh_key", "start", "end", "date", "status",
        "every", "last", "resources",
    ]

    /// Every prose string under a value, one per line, in document order.
    static func collectText(_ value: JSONValue?) -> String {
        var lines: [String] = []
        func walk(_ value: JSONValue, depth: Int) {
            guard depth < 64 else { return }
            switch value {
            case .string(let text):
                if !text.isEmpty { lines.append(text) }
            case .array(let elements):
                for element in elements { walk(element, depth: depth + 1) }
            case .object(let object):
                for (key, member) in object where !nonProseKeys.contains(key) && !key.hasPrefix("x-") {
                    walk(member, depth: depth + 1)
                }
            default:
                break
            }
        }
        if let value { walk(value, depth: 0) }
        return lines.joined(separator: "\n")
    }

    static func object(_ value: JSONValue) -> JSONObject? {
        if case .object(let object) = value { return object }
        return nil
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let elements)? = value else { return [] }
        return elements.compactMap { string($0) }
    }

    static func objects(_ value: JSONValue?) -> [JSONObject] {
        guard case .array(let elements)? = value else { return [] }
        return elements.compactMap(object)
    }

    static func items(_ value: JSONValue?) -> [CatalogItem] {
        objects(value).compactMap { object in
            guard let text = LocalizedText(object["text"]) else { return nil }
            return CatalogItem(kind: string(object["kind"]) ?? "other", text: text, tags: strings(object["tags"]))
        }
    }
}
