import JSONSchema

/// Generates the `codesocial.yml` scaffold from the schema: the whole grid in schema order, every
/// key preceded by a comment (its title and description in French or English, from the schema's
/// `title`/`description` and `x-title-fr`/`x-description-fr`), filled with the answers of
/// `codesocial init`.
///
/// Keys the schema lets be empty are written without a value (`narrative:`, a YAML null), so that
/// a fresh scaffold validates and `codesocial validate` reports them as incomplete (warnings).
/// Optional keys that cannot be empty (a licence, a date) are written as comments with an example.
/// Lists show a commented example item.
public struct Scaffold: Sendable {
    /// The width comments are wrapped to.
    static let width = 100

    private let schemaRoot: JSONObject

    /// Prepares a scaffold for `schema` (normally the bundled `codesocial.schema.json`).
    /// - Parameter schema: the schema document.
    /// - Throws: ``ScaffoldError/unsupportedSchema(_:)`` when it is not an object with properties.
    public init(schema: JSONValue) throws(ScaffoldError) {
        guard case .object(let root) = schema, case .object? = root["properties"] else {
            throw .unsupportedSchema("the schema is not an object with properties")
        }
        schemaRoot = root
    }

    /// The text of a new `codesocial.yml`.
    /// - Parameter options: the answers (name, id, kind, language, summary, maintainer).
    /// - Returns: the YAML document, its first line `# yaml-language-server: $schema=<$id>`.
    public func render(_ options: ScaffoldOptions) -> String {
        let root = SchemaNode(root: schemaRoot)
        var rendering = Rendering(language: options.language, values: providedValues(options))
        rendering.header(root, options: options)
        rendering.properties(of: root, path: [], indent: 0)
        return rendering.lines.joined(separator: "\n") + "\n"
    }

    /// The values `init` fills in, by path.
    private func providedValues(_ options: ScaffoldOptions) -> [[String]: ProvidedValue] {
        var maintainer = ["- name: " + YAMLText.scalar(options.maintainer.name)]
        if let email = options.maintainer.email {
            maintainer.append("  email: " + YAMLText.scalar(email))
        }
        return [
            ["id"]: .inline(options.id),
            ["name"]: .inline(YAMLText.scalar(options.name)),
            ["kind"]: .inline(options.kind.rawValue),
            ["summary"]: .inline(YAMLText.scalar(options.summary)),
            ["language"]: .inline(options.language.rawValue),
            ["governance", "maintainers"]: .block(maintainer),
        ]
    }
}

/// A value the scaffold fills in: on the key's line, or as lines below it.
enum ProvidedValue {
    case inline(String)
    case block([String])
}

/// The scaffold being written, line by line.
private struct Rendering {
    let language: Language
    let values: [[String]: ProvidedValue]
    var lines: [String] = []

    init(language: Language, values: [[String]: ProvidedValue]) {
        self.language = language
        self.values = values
    }

    private var fr: Bool { language == .fr }

    mutating func header(_ root: SchemaNode, options: ScaffoldOptions) {
        if let id = root.id { lines.append("# yaml-language-server: $schema=\(id)") }
        lines.append("#")
        lines.append("# #CodeSocial — \(options.name)")
        if let description = root.description(language) { comment(description, indent: 0) }
        comment(fr
            ? "Remplissez ce qui vous concerne, puis vérifiez avec `codesocial validate`. Les champs laissés vides sont signalés comme incomplets, sans erreur. Une section ou un modèle sans objet se remplace par `not_applicable: <raison>`. Référence des champs : `codesocial schema --reference --lang fr`."
            : "Fill in what applies to you, then check with `codesocial validate`. Fields left empty are reported as incomplete, not as errors. A section or model that does not apply is replaced by `not_applicable: <reason>`. Field reference: `codesocial schema --reference --lang en`.",
            indent: 0)
        lines.append("")
    }

    /// Writes the properties of `node`; returns how many keys were written live (not commented).
    @discardableResult
    mutating func properties(of node: SchemaNode, path: [String], indent: Int) -> Int {
        var live = 0
        let pad = String(repeating: " ", count: indent)
        for (name, child) in node.properties where name != "not_applicable" {
            let childPath = path + [name]
            if indent == 0, !lines.isEmpty, lines.last != "", child.isSection || values[childPath] != nil && isBlock(childPath) {
                lines.append("")
            }
            describe(child, parent: node, indent: indent)
            if let value = values[childPath] {
                switch value {
                case .inline(let text): lines.append("\(pad)\(name): \(text)")
                case .block(let block):
                    lines.append("\(pad)\(name):")
                    lines += block.map { "\(pad)  \($0)" }
                    // The item's other keys, commented, so that they can be found.
                    for (member, memberNode) in child.items?.properties ?? [] where !block.contains(where: { $0.contains("\(member):") }) {
                        lines.append("\(pad)    # \(member):" + (example(for: memberNode).map { " \($0)" } ?? "")
                                     + (memberNode.title(language).map { "  # \($0)" } ?? ""))
                    }
                }
                live += 1
            } else if let constant = child.constValue {
                lines.append("\(pad)\(name): \(YAMLText.scalar(constant))")
                live += 1
            } else if child.isMapping {
                let keyLine = lines.count
                lines.append("\(pad)\(name):")
                if properties(of: child, path: childPath, indent: indent + 2) == 0, !child.acceptsNull {
                    lines[keyLine] = "\(pad)\(name): {}"
                }
                live += 1
            } else if child.acceptsNull {
                lines.append("\(pad)\(name):")
                exampleMembers(of: child, indent: indent + 2)
                live += 1
            } else {
                lines.append("\(pad)# \(name):" + (example(for: child).map { " \($0)" } ?? ""))
            }
        }
        return live
    }

    private func isBlock(_ path: [String]) -> Bool {
        if case .block? = values[path] { return true }
        return false
    }



    /// The comment above a key: title — description, and how to mark the section not applicable
    /// when it can be and its parent cannot (so the hint appears once per section).
    private mutating func describe(_ node: SchemaNode, parent: SchemaNode, indent: Int) {
        let title = node.title(language)
        let description = node.description(language)
        switch (title, description) {
        case let (title?, description?): comment("\(title) — \(description)", indent: indent)
        case let (text?, nil), let (nil, text?): comment(text, indent: indent)
        case (nil, nil): break
        }
        if node.acceptsNotApplicable, !parent.acceptsNotApplicable {
            comment(fr ? "Sans objet ? Remplacez le contenu par `not_applicable: <raison>`."
                       : "Does not apply? Replace the content with `not_applicable: <reason>`.", indent: indent)
        }
    }

    /// Commented example content under an empty key: one list item, or one map member.
    private mutating func exampleMembers(of node: SchemaNode, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        if let item = node.items, !item.properties.isEmpty {
            // `- key: example`, each followed by its title as a trailing comment, aligned, so that
            // uncommenting a line leaves valid YAML.
            let members = item.properties.filter { $0.name != "not_applicable" }
            let entries = members.enumerated().map { position, member in
                (text: (position == 0 ? "- " : "  ") + member.name + ":" + (example(for: member.node).map { " \($0)" } ?? ""),
                 title: member.node.title(language))
            }
            let column = (entries.map(\.text.count).max() ?? 0) + 2
            for entry in entries {
                let padding = String(repeating: " ", count: column - entry.text.count)
                lines.append("\(pad)# \(entry.text)" + (entry.title.map { "\(padding)# \($0)" } ?? ""))
            }
        } else if node.types.contains("object"), let values = node.additionalProperties, values.refName == "url" {
            lines.append("\(pad)# website: \(example(for: values) ?? "")")
        }
    }

    /// An example value for a key, when its type has an obvious one.
    private func example(for node: SchemaNode) -> String? {
        if let first = node["examples"]?.arrayValue?.first { return YAMLText.scalar(first) }
        if let value = node.enumValues.first { return value }
        switch node.refName {
        case "date": return "2024-01"
        case "duration": return "P1Y"
        case "spdx_id": return "CC-BY-SA-4.0"
        case "email": return "contact@example.org"
        case "url": return "https://example.org"
        case "slug": return fr ? "exemple" : "example"
        case "language_tag": return language.rawValue
        default: return nil
        }
    }

    /// Appends `text` as comment lines wrapped to ``Scaffold/width``.
    private mutating func comment(_ text: String, indent: Int) {
        let prefix = String(repeating: " ", count: indent) + "# "
        lines += wrap(text, width: Scaffold.width - prefix.count).map { prefix + $0 }
    }
}

extension YAMLText {
    /// A scalar for a JSON value written in YAML flow style (numbers and booleans as themselves).
    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): scalar(text)
        case .null: "null"
        default: value.description
        }
    }
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole).
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
    }
    return lines
}
