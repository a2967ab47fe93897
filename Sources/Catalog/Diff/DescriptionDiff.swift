import JSONSchema

/// A semantic diff between two versions of a description: what changed, section by section
/// ("models.economic.revenue_streams changed", "2 actions added", "summary changed",
/// "model social_human now not applicable") rather than lines.
///
/// Objects are compared member by member down to their leaves; a text (`"…"` or
/// `{fr: …, en: …}`) is one leaf; lists of objects with an `id` (actions, intentions,
/// relations) or a `name` (commons, contacts, roles) are matched by it, so an edited action is
/// "changed" and not "removed and added"; other lists are compared as collections.
public struct DescriptionDiff: Sendable, Hashable {
    /// The changes in document order.
    public var changes: [Change]

    /// Whether the two versions are the same description.
    public var isEmpty: Bool { changes.isEmpty }

    /// Compares two versions; `nil` stands for "no description" (entry created or deleted).
    /// - Parameters:
    ///   - old: the earlier version.
    ///   - new: the later version.
    public init(from old: JSONValue?, to new: JSONValue?) {
        var changes: [Change] = []
        Self.compare(old, new, at: DiffPath(), into: &changes, depth: 0)
        self.changes = changes
    }

    /// The messages of every change, in French or English.
    public func messages(in language: DisplayLanguage) -> [String] {
        changes.map { $0.message(in: language) }
    }

    static let maxDepth = 48

    static func compare(_ old: JSONValue?, _ new: JSONValue?, at path: DiffPath, into changes: inout [Change], depth: Int) {
        if old == new { return }
        guard let old else {
            changes.append(Change(path: path, kind: .added))
            return
        }
        guard let new else {
            changes.append(Change(path: path, kind: .removed))
            return
        }
        guard depth < maxDepth else {
            changes.append(Change(path: path, kind: .changed))
            return
        }
        switch (old, new) {
        case (.object(let a), .object(let b)):
            compareObjects(a, b, at: path, into: &changes, depth: depth)
        case (.array(let a), .array(let b)):
            compareArrays(a, b, at: path, into: &changes, depth: depth)
        default:
            changes.append(Change(path: path, kind: .changed))
        }
    }

    static func compareObjects(_ a: JSONObject, _ b: JSONObject, at path: DiffPath, into changes: inout [Change], depth: Int) {
        let wasNA = a["not_applicable"] != nil
        let isNA = b["not_applicable"] != nil
        if !wasNA && isNA {
            changes.append(Change(path: path, kind: .nowNotApplicable(reason: Self.plain(b["not_applicable"]))))
            return
        }
        if wasNA && !isNA {
            changes.append(Change(path: path, kind: .nowApplicable))
            return
        }
        if isText(a) || isText(b) {
            changes.append(Change(path: path, kind: .changed))
            return
        }
        for key in a.keys where b[key] == nil || a[key] != b[key] {
            compare(a[key], b[key], at: path.appending(key), into: &changes, depth: depth + 1)
        }
        for key in b.keys where a[key] == nil {
            changes.append(Change(path: path.appending(key), kind: .added))
        }
    }

    static func compareArrays(_ a: [JSONValue], _ b: [JSONValue], at path: DiffPath, into changes: inout [Change], depth: Int) {
        if let key = identityKey(a, b) {
            let old = keyed(a, by: key)
            let new = keyed(b, by: key)
            let added = new.map(\.0).filter { id in !old.contains { $0.0 == id } }
            let removed = old.map(\.0).filter { id in !new.contains { $0.0 == id } }
            if !added.isEmpty { changes.append(Change(path: path, kind: .itemsAdded(added))) }
            if !removed.isEmpty { changes.append(Change(path: path, kind: .itemsRemoved(removed))) }
            for (id, value) in old {
                if let match = new.first(where: { $0.0 == id }), match.1 != value {
                    compare(value, match.1, at: path.appending(item: id), into: &changes, depth: depth + 1)
                }
            }
            return
        }
        var remaining = b
        var removed: [String] = []
        for value in a {
            if let index = remaining.firstIndex(of: value) {
                remaining.remove(at: index)
            } else {
                removed.append(label(value))
            }
        }
        let added = remaining.map(label)
        if !added.isEmpty { changes.append(Change(path: path, kind: .itemsAdded(added))) }
        if !removed.isEmpty { changes.append(Change(path: path, kind: .itemsRemoved(removed))) }
        if added.isEmpty && removed.isEmpty { changes.append(Change(path: path, kind: .reordered)) }
    }

    /// `id` when every element of both lists is an object with a string `id` unique in its
    /// list, else the same with `name`, else `nil`.
    static func identityKey(_ a: [JSONValue], _ b: [JSONValue]) -> String? {
        guard !(a.isEmpty && b.isEmpty) else { return nil }
        func ids(_ values: [JSONValue], _ key: String) -> [String]? {
            var result: [String] = []
            for value in values {
                guard case .object(let object) = value, case .string(let id)? = object[key] else { return nil }
                result.append(id)
            }
            return Set(result).count == result.count ? result : nil
        }
        for key in ["id", "name"] where ids(a, key) != nil && ids(b, key) != nil {
            return key
        }
        return nil
    }

    static func keyed(_ values: [JSONValue], by key: String) -> [(String, JSONValue)] {
        var seen = Set<String>()
        return values.compactMap { value in
            guard case .object(let object) = value, case .string(let id)? = object[key], seen.insert(id).inserted else { return nil }
            return (id, value)
        }
    }

    /// A text: an object whose members are all strings keyed by language tags
    /// (`fr`, `en`, `fr-CA`, `oc-aranes`).
    static func isText(_ object: JSONObject) -> Bool {
        guard object.count > 0 else { return false }
        for (key, value) in object {
            guard case .string = value, isLanguageTag(key) else { return false }
        }
        return true
    }

    /// `^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`.
    static func isLanguageTag(_ key: String) -> Bool {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// A short label for a list element in a message.
    static func label(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.description
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "[…]"
        case .object(let object):
            for key in ["id", "name", "title", "text", "question"] {
                if let value = object[key] {
                    let text = plain(value)
                    if !text.isEmpty { return text }
                }
            }
            return "{…}"
        }
    }

    /// The text of a string or of a text map (first translation), else a label.
    static func plain(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: return text
        case .object(let object)? where isText(object):
            if case .string(let text)? = object.first(where: { _ in true })?.value { return text }
            return ""
        case let value?: return label(value)
        case nil: return ""
        }
    }
}
