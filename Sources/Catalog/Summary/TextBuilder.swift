import JSONSchema

/// Accumulates indented lines for ``DescriptionSummary``.
struct TextBuilder {
    /// The language whose translation is shown when a text has several.
    let preferred: String
    private(set) var result = ""

    init(preferred: String) { self.preferred = preferred }

    mutating func line(_ text: String, indent: Int) {
        result += String(repeating: "  ", count: indent) + text + "\n"
    }

    mutating func blank() {
        if !result.isEmpty && !result.hasSuffix("\n\n") { result += "\n" }
    }

    /// A possibly multi-line text, each line indented.
    mutating func paragraph(_ text: String, indent: Int) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            self.line(String(line), indent: indent)
        }
    }

    /// `Label: text` on one line, or the label then the text indented when it has several lines.
    mutating func labelled(_ label: String, _ text: String, indent: Int) {
        if text.contains("\n") {
            line("\(label):", indent: indent)
            paragraph(text.trimmingCharacters(in: .whitespacesAndNewlines), indent: indent + 1)
        } else {
            line("\(label): \(text)", indent: indent)
        }
    }

    mutating func bullet(_ text: String, indent: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            self.line((index == 0 ? "- " : "  ") + line, indent: indent)
        }
    }

    /// A text (string or translations) in the preferred language.
    func text(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if case .object(let object) = value, DescriptionDiff.isText(object) {
            return LocalizedText(value)?.resolved(preferring: preferred)
        }
        if case .string(let text) = value { return text }
        return nil
    }

    /// A scalar, or a list of scalars joined by commas; `nil` for structures.
    func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.description
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return nil
        case .array(let list):
            let parts = list.compactMap { element -> String? in
                if case .array = element { return nil }
                if case .object = element { return nil }
                return scalar(element)
            }
            return parts.count == list.count ? parts.joined(separator: ", ") : nil
        case .object: return text(value)
        }
    }
}
