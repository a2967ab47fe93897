import Foundation
import JSONSchema

/// A readable text rendering of a whole description, section by section, for
/// `codesocial show ID --format text`: titles from the schema, texts in the chosen language,
/// and each of the six models marked described, not applicable (with its reason) or empty.
public struct DescriptionSummary: Sendable {
    /// The six model keys, in the grid's order.
    public static let modelKeys = ["artistic_cultural", "social_human", "ecological", "technological", "economic", "legal_financial"]

    /// Members shown in the header rather than as sections.
    static let headerKeys: Set<String> = ["codesocial", "id", "name", "kind", "summary", "language", "tags", "links", "licence"]

    /// How one model is filled in.
    public enum ModelStatus: String, Sendable, Hashable {
        /// At least one member has content.
        case described
        /// Replaced by `not_applicable: <reason>`.
        case notApplicable = "not_applicable"
        /// Missing, or present with nothing in it.
        case empty
    }

    let titles: SchemaTitles
    let language: DisplayLanguage

    /// Creates a renderer.
    /// - Parameters:
    ///   - titles: the schema's titles.
    ///   - language: the language of titles, labels and, where a text has translations, of texts.
    public init(titles: SchemaTitles, language: DisplayLanguage) {
        self.titles = titles
        self.language = language
    }

    /// How each model of a description is filled in, in the grid's order.
    public static func modelStatuses(of description: JSONValue) -> [(model: String, status: ModelStatus)] {
        guard case .object(let root) = description, case .object(let models)? = root["models"] else {
            return modelKeys.map { ($0, .empty) }
        }
        return modelKeys.map { key in
            guard case .object(let model)? = models[key] else { return (key, .empty) }
            if model["not_applicable"] != nil { return (key, .notApplicable) }
            return (key, model.contains(where: { !isEmpty($0.value) }) ? .described : .empty)
        }
    }

    /// Whether a value holds no content (empty string, list or object, or `null`).
    static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .array(let list): return list.allSatisfy(isEmpty)
        case .object(let object): return object.allSatisfy { isEmpty($0.value) }
        default: return false
        }
    }

    /// Renders a description.
    /// - Parameter description: the parsed description.
    /// - Returns: the text, lines ending with `\n`.
    public func render(_ description: JSONValue) -> String {
        guard case .object(let root) = description else { return "" }
        var out = TextBuilder(preferred: preferredLanguage(root))
        let name = out.text(root["name"]) ?? string(root["id"]) ?? "?"
        out.line("\(name)" + (string(root["id"]).map { " (\($0))" } ?? ""), indent: 0)
        var facts: [String] = []
        for key in ["kind", "language", "licence"] {
            if let value = root[key], let text = out.scalar(value) { facts.append("\(label([key])): \(text)") }
        }
        if !facts.isEmpty { out.line(facts.joined(separator: " · "), indent: 0) }
        if let tags = root["tags"], let text = out.scalar(tags) { out.line("\(label(["tags"])): \(text)", indent: 0) }
        if let summary = out.text(root["summary"]) { out.blank(); out.paragraph(summary, indent: 0) }
        if case .object(let links)? = root["links"], links.count > 0 {
            out.blank()
            out.line("\(label(["links"])):", indent: 0)
            for (key, value) in links { out.line("\(key): \(out.scalar(value) ?? "")", indent: 1) }
        }
        let order = titles.memberOrder(at: []) + root.keys
        var seen = Set<String>()
        for key in order where !Self.headerKeys.contains(key) && seen.insert(key).inserted {
            guard let value = root[key] else { continue }
            out.blank()
            if key == "models" {
                renderModels(value, into: &out)
            } else {
                renderSection(value, path: [key], into: &out)
            }
        }
        return out.result
    }

    func renderModels(_ value: JSONValue, into out: inout TextBuilder) {
        let statuses = Self.modelStatuses(of: .object(JSONObject([("models", value)])))
        let counts = [ModelStatus.described, .notApplicable, .empty].map { status in statuses.filter { $0.status == status }.count }
        let tally = language == .french
            ? "\(counts[0]) décrits, \(counts[1]) non applicables, \(counts[2]) vides"
            : "\(counts[0]) described, \(counts[1]) not applicable, \(counts[2]) empty"
        out.line("# \(label(["models"])) — \(tally)", indent: 0)
        guard case .object(let models) = value else { return }
        let keys = Self.modelKeys + models.keys.filter { !Self.modelKeys.contains($0) }
        for key in keys {
            let status = statuses.first { $0.model == key }?.status ?? .empty
            let title = label(["models", key])
            switch status {
            case .described:
                out.line("## \(title) — \(language == .french ? "décrit" : "described")", indent: 0)
                if case .object(let model)? = models[key] { renderMembers(model, path: ["models", key], into: &out, indent: 1) }
            case .notApplicable:
                let reason: String
                if case .object(let model)? = models[key] { reason = out.text(model["not_applicable"]) ?? "" } else { reason = "" }
                out.line("## \(title) — \(language == .french ? "non applicable" : "not applicable")" + (reason.isEmpty ? "" : " : \(reason)"), indent: 0)
            case .empty:
                out.line("## \(title) — \(language == .french ? "vide" : "empty")", indent: 0)
            }
        }
    }

    func renderSection(_ value: JSONValue, path: [String], into out: inout TextBuilder) {
        let title = label(path)
        if case .object(let object) = value, object["not_applicable"] != nil {
            let reason = out.text(object["not_applicable"]) ?? ""
            out.line("# \(title) — \(language == .french ? "non applicable" : "not applicable")" + (reason.isEmpty ? "" : " : \(reason)"), indent: 0)
            return
        }
        if Self.isEmpty(value) {
            out.line("# \(title) — \(language == .french ? "vide" : "empty")", indent: 0)
            return
        }
        out.line("# \(title)", indent: 0)
        renderValue(value, path: path, into: &out, indent: 1)
    }

    func renderMembers(_ object: JSONObject, path: [String], into out: inout TextBuilder, indent: Int) {
        let order = titles.memberOrder(at: path) + object.keys
        var seen = Set<String>()
        for key in order where seen.insert(key).inserted {
            guard let value = object[key], !Self.isEmpty(value) else { continue }
            let memberPath = path + [key]
            if let text = out.text(value) ?? out.scalar(value) {
                out.labelled(label(memberPath), text, indent: indent)
            } else {
                out.line("\(label(memberPath)):", indent: indent)
                renderValue(value, path: memberPath, into: &out, indent: indent + 1)
            }
        }
    }

    func renderValue(_ value: JSONValue, path: [String], into out: inout TextBuilder, indent: Int) {
        switch value {
        case .object(let object):
            if let text = out.text(value) {
                out.paragraph(text, indent: indent)
            } else {
                renderMembers(object, path: path, into: &out, indent: indent)
            }
        case .array(let list):
            for element in list { out.bullet(itemLine(element, out: out), indent: indent) }
        default:
            if let text = out.scalar(value) { out.paragraph(text, indent: indent) }
        }
    }

    /// One line for a list element: its main text, then its other simple members.
    func itemLine(_ value: JSONValue, out: TextBuilder) -> String {
        if let text = out.text(value) ?? out.scalar(value) { return text }
        guard case .object(let object) = value else { return "…" }
        let mainKeys = ["title", "name", "text", "question", "id"]
        let main = mainKeys.first { object[$0] != nil }
        var line = main.flatMap { key in object[key].flatMap { out.text($0) ?? out.scalar($0) } } ?? ""
        var details: [String] = []
        for (key, member) in object where key != main && !Self.isEmpty(member) {
            if let text = out.text(member) ?? out.scalar(member) { details.append("\(key): \(text)") }
        }
        if !details.isEmpty { line += (line.isEmpty ? "" : " ") + "(" + details.joined(separator: "; ") + ")" }
        return line
    }

    func label(_ path: [String]) -> String {
        titles.title(for: path, in: language) ?? path.last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? ""
    }

    func preferredLanguage(_ root: JSONObject) -> String { language.rawValue }

    func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
