import Foundation
import JSONSchema

/// Generates the field reference of the description format (docs/format.md in English,
/// docs/format.fr.md in French) from the schema: one table per section, every field with its
/// type, whether it is required, its title and its description.
public struct FieldReference: Sendable {
    private let schemaRoot: JSONObject

    /// The committed reference file for `language`, relative to the package root.
    public static func path(for language: Language) -> String {
        language == .fr ? "docs/format.fr.md" : "docs/format.md"
    }

    /// The command that regenerates the reference for `language`.
    public static func command(for language: Language) -> String {
        "codesocial schema --reference --lang \(language.rawValue) --output \(path(for: language))"
    }

    /// Prepares the reference of `schema` (normally the bundled `codesocial.schema.json`).
    /// - Throws: ``ScaffoldError/unsupportedSchema(_:)`` when it is not an object with properties.
    public init(schema: JSONValue) throws(ScaffoldError) {
        guard case .object(let root) = schema, case .object? = root["properties"] else {
            throw .unsupportedSchema("the schema is not an object with properties")
        }
        schemaRoot = root
    }

    /// The reference as Markdown, in `language`.
    public func markdown(in language: Language) -> String {
        var writer = ReferenceWriter(language: language, root: SchemaNode(root: schemaRoot))
        writer.document()
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

/// The Markdown being written.
private struct ReferenceWriter {
    let language: Language
    let root: SchemaNode
    var lines: [String] = []

    init(language: Language, root: SchemaNode) {
        self.language = language
        self.root = root
    }

    private var fr: Bool { language == .fr }
    private func pick(_ french: String, _ english: String) -> String { fr ? french : english }

    mutating func document() {
        lines.append("<!-- " + pick(
            "Généré à partir de schema/codesocial.schema.json par `\(FieldReference.command(for: language))`. Ne pas modifier à la main : modifiez le schéma, puis régénérez.",
            "Generated from schema/codesocial.schema.json by `\(FieldReference.command(for: language))`. Do not edit by hand: change the schema, then regenerate.") + " -->")
        lines.append("")
        lines.append(pick("# Le format `codesocial.yml` : référence des champs", "# The `codesocial.yml` format: field reference"))
        lines.append("")
        lines.append(pick("*[English version](format.md)*", "*[Version française](format.fr.md)*"))
        lines.append("")
        if let description = root.description(language) { lines.append(description); lines.append("") }
        if let id = root.id {
            lines.append(pick("Schéma : `\(id)` (JSON Schema 2020-12), livré avec l'outil : `codesocial schema` l'affiche.",
                              "Schema: `\(id)` (JSON Schema 2020-12), bundled with the tool: `codesocial schema` prints it."))
            lines.append("")
        }
        lines.append(pick(
            "Le fichier est en YAML 1.2 (schéma core : `yes`, `no`, `on`, `off` et les dates restent des chaînes) ou en JSON. Une section ou un modèle marqué « ou `not_applicable` » peut être remplacé par `not_applicable: <raison>`, qui le distingue d'une section vide. Les clés qui commencent par `x-` sont des extensions acceptées partout.",
            "The file is YAML 1.2 (core schema: `yes`, `no`, `on`, `off` and dates stay strings) or JSON. A section or model marked “or `not_applicable`” can be replaced by `not_applicable: <reason>`, which tells it apart from an empty section. Keys starting with `x-` are extensions, accepted anywhere."))
        lines.append("")

        // Top-level fields that are not sections, then one heading per section.
        let top = root.properties.filter { $0.name != "not_applicable" }
        lines.append(pick("## Champs de premier niveau", "## Top-level fields"))
        lines.append("")
        tableHeader()
        for (name, node) in top {
            row(path: name, node: node, required: root.required.contains(name), linkSection: node.isSection)
        }
        lines.append("")
        for (name, node) in top where node.isSection {
            lines.append("<a id=\"\(anchor(name))\"></a>")
            lines.append("")
            lines.append("## " + (node.title(language).map { "\($0) (`\(name)`)" } ?? "`\(name)`"))
            lines.append("")
            if let description = node.description(language) { lines.append(description); lines.append("") }
            tableHeader()
            fields(of: node, prefix: name)
            lines.append("")
        }
        types()
    }

    private mutating func types() {
        lines.append("<a id=\"types\"></a>")
        lines.append("")
        lines.append(pick("## Types de valeurs", "## Value types"))
        lines.append("")
        for (name, node) in root.definitions {
            lines.append("<a id=\"\(typeAnchor(name))\"></a>")
            lines.append("")
            lines.append("### " + (node.title(language).map { "\($0) (`\(name)`)" } ?? "`\(name)`"))
            lines.append("")
            if let description = node.description(language) { lines.append(description); lines.append("") }
            var facts: [String] = []
            if let pattern = node["pattern"]?.stringValue { facts.append(pick("motif", "pattern") + " `\(pattern)`") }
            if let format = node["format"]?.stringValue { facts.append("format `\(format)`") }
            if let maxLength = node["maxLength"] { facts.append(pick("au plus \(maxLength) caractères", "at most \(maxLength) characters")) }
            if !facts.isEmpty { lines.append(facts.joined(separator: " · ")); lines.append("") }
        }
    }

    /// Rows for every field under `node`, depth first, with dotted paths (`[]` for list items).
    private mutating func fields(of node: SchemaNode, prefix: String) {
        for (name, child) in node.properties where name != "not_applicable" {
            let path = "\(prefix).\(name)"
            row(path: path, node: child, required: node.required.contains(name), linkSection: false)
            if child.isMapping { fields(of: child, prefix: path) }
            if let item = child.items, item.isMapping { fields(of: item, prefix: path + "[]") }
        }
        if let item = node.items, item.isMapping, prefix.firstIndex(of: ".") == nil {
            fields(of: item, prefix: prefix + "[]")
        }
    }

    private mutating func tableHeader() {
        lines.append(pick("| Champ | Type | Obligatoire | Description |", "| Field | Type | Required | Description |"))
        lines.append("|---|---|---|---|")
    }

    private mutating func row(path: String, node: SchemaNode, required: Bool, linkSection: Bool) {
        let field = linkSection ? "[`\(path)`](#\(anchor(path)))" : "`\(path)`"
        var text = ""
        if let title = node.title(language) { text = "**\(cell(title))**" }
        if let description = node.description(language) { text += (text.isEmpty ? "" : " — ") + cell(description) }
        lines.append("| \(field) | \(cell(typeSummary(node))) | \(required ? pick("oui", "yes") : "") | \(text) |")
    }

    /// The type column: a link to a value type, a section, a list, a choice, …
    private func typeSummary(_ node: SchemaNode) -> String {
        var summary: String
        if let constant = node.constValue {
            summary = pick("toujours `\(constant)`", "always `\(constant)`")
        } else if !node.enumValues.isEmpty {
            summary = pick("l'une de ", "one of ") + node.enumValues.map { "`\($0)`" }.joined(separator: ", ")
        } else if let name = node.refName {
            summary = typeLink(name)
        } else if node.isMapping {
            summary = pick("section", "section")
        } else if let item = node.items {
            let itemSummary: String
            if item.isMapping { itemSummary = pick("objets", "objects") }
            else if let name = item.refName { itemSummary = typeLink(name) }
            else if let pattern = item["pattern"]?.stringValue { itemSummary = pick("chaînes", "strings") + " (`\(pattern)`)" }
            else { itemSummary = item.types.map(typeWord).joined(separator: pick(" ou ", " or ")) }
            summary = pick("liste de ", "list of ") + itemSummary
            if let minItems = node["minItems"] { summary += pick(" (au moins \(minItems))", " (at least \(minItems))") }
        } else if let values = node.additionalProperties, let name = values.refName {
            summary = pick("table nom → ", "map of name → ") + typeLink(name)
        } else {
            summary = node.types.filter { $0 != "null" }.map(typeWord).joined(separator: pick(" ou ", " or "))
        }
        if node.acceptsNotApplicable { summary += pick(" ou `not_applicable`", " or `not_applicable`") }
        return summary
    }

    private func typeLink(_ name: String) -> String {
        let title = root.definitions.first { $0.name == name }?.node.title(language) ?? name
        return "[\(cell(title))](#\(typeAnchor(name)))"
    }

    private func typeWord(_ type: String) -> String {
        switch type {
        case "string": pick("chaîne", "string")
        case "integer": pick("entier", "integer")
        case "number": pick("nombre", "number")
        case "boolean": pick("booléen", "boolean")
        case "object": pick("objet", "object")
        case "array": pick("liste", "list")
        default: type
        }
    }



    private func anchor(_ path: String) -> String {
        "field-" + path.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "[]", with: "")
    }

    private func typeAnchor(_ name: String) -> String { "type-" + name.replacingOccurrences(of: "_", with: "-") }

    /// Text safe inside a table cell: one line, `|` escaped.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
