import JSONSchema

/// Short texts about values and places, for messages.
enum ValueText {
    /// `` `purpose.stakes` `` for `/purpose/stakes`, `` `actions[2].serves[0]` `` for array
    /// indexes; `the document` / `le document` for the root.
    static func field(_ pointer: JSONPointer) -> String {
        guard !pointer.isRoot else { return "`.`" }
        var text = ""
        for token in pointer.tokens {
            if !token.isEmpty, token.utf8.allSatisfy({ $0 &- 48 < 10 }) {
                text += "[\(token)]"
            } else {
                text += text.isEmpty ? token : ".\(token)"
            }
        }
        return "`\(text)`"
    }

    /// A value's JSON text, shortened past 60 characters.
    static func short(_ value: JSONValue) -> String {
        let text = value.serialized()
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "…"
    }

    /// What a value is, for "got …".
    static func describe(_ value: JSONValue, _ language: Language) -> String {
        let fr = language == .fr
        switch value {
        case .null: return fr ? "une valeur vide (null)" : "an empty value (null)"
        case .bool(let flag): return fr ? "le booléen \(flag)" : "the boolean \(flag)"
        case .number(let number): return fr ? "le nombre \(number)" : "the number \(number)"
        case .string: return fr ? "le texte \(short(value))" : "the string \(short(value))"
        case .array(let items): return fr ? "une liste (\(items.count) élément\(items.count == 1 ? "" : "s"))" : "a list (\(items.count) item\(items.count == 1 ? "" : "s"))"
        case .object: return fr ? "une table (clé: valeur)" : "a mapping (key: value)"
        }
    }

    /// "a string, a mapping or null" / "un texte, une table ou une valeur vide".
    static func typeList(_ types: [String], _ language: Language) -> String {
        let fr = language == .fr
        let words = types.map { type -> String in
            switch type {
            case "string": return fr ? "un texte" : "a string"
            case "object": return fr ? "une table (clé: valeur)" : "a mapping (key: value)"
            case "array": return fr ? "une liste" : "a list"
            case "integer": return fr ? "un nombre entier" : "an integer"
            case "number": return fr ? "un nombre" : "a number"
            case "boolean": return fr ? "un booléen (true ou false)" : "a boolean (true or false)"
            case "null": return fr ? "une valeur vide" : "an empty value"
            default: return type
            }
        }
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + (fr ? " ou " : " or ") + words[words.count - 1]
    }
}
