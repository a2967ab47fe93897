/// The code points of `\p{…}` General_Category escapes, for the native matcher.
///
/// ECMA-262 accepts `\p{Lu}`, `\p{Uppercase_Letter}`, `\p{gc=Lu}`, `\p{General_Category=Lu}` and the
/// groups (`L`, `Letter`, `N`, `digit`, …) named in Unicode's PropertyValueAliases.txt. The sets come
/// from the Unicode data Swift ships (`Unicode.Scalar.Properties.generalCategory`), computed once per
/// process on first use. Other properties (scripts, binary properties) stay with ICU.
enum GeneralCategorySets {
    /// The ranges of the General_Category value `name` (with an optional `gc=` or
    /// `General_Category=` prefix), or nil when `name` is not one.
    static func ranges(for name: String) -> [ClosedRange<UInt32>]? {
        var value = Substring(name)
        if let equals = name.firstIndex(of: "=") {
            let key = name[..<equals]
            guard key == "gc" || key == "General_Category" else { return nil }
            value = name[name.index(after: equals)...]
        }
        guard let categories = categories[String(value)] else { return nil }
        return CodePointSet.normalize(categories.flatMap { table[$0] ?? [] })
    }

    private typealias Category = Unicode.GeneralCategory

    /// Value names (short, long and other aliases) to the categories they cover.
    private static let categories: [String: [Category]] = {
        let letters: [Category] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        let marks: [Category] = [.nonspacingMark, .spacingMark, .enclosingMark]
        let numbers: [Category] = [.decimalNumber, .letterNumber, .otherNumber]
        let punctuation: [Category] = [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
        ]
        let symbols: [Category] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        let separators: [Category] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        let others: [Category] = [.control, .format, .surrogate, .privateUse, .unassigned]
        let entries: [([String], [Category])] = [
            (["L", "Letter"], letters), (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            (["Lu", "Uppercase_Letter"], [.uppercaseLetter]), (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
            (["Lt", "Titlecase_Letter"], [.titlecaseLetter]), (["Lm", "Modifier_Letter"], [.modifierLetter]),
            (["Lo", "Other_Letter"], [.otherLetter]),
            (["M", "Mark", "Combining_Mark"], marks), (["Mn", "Nonspacing_Mark"], [.nonspacingMark]),
            (["Mc", "Spacing_Mark"], [.spacingMark]), (["Me", "Enclosing_Mark"], [.enclosingMark]),
            (["N", "Number"], numbers), (["Nd", "Decimal_Number", "digit"], [.decimalNumber]),
            (["Nl", "Letter_Number"], [.letterNumber]), (["No", "Other_Number"], [.otherNumber]),
            (["P", "Punctuation", "punct"], punctuation), (["Pc", "Connector_Punctuation"], [.connectorPunctuation]),
            (["Pd", "Dash_Punctuation"], [.dashPunctuation]), (["Ps", "Open_Punctuation"], [.openPunctuation]),
            (["Pe", "Close_Punctuation"], [.closePunctuation]), (["Pi", "Initial_Punctuation"], [.initialPunctuation]),
            (["Pf", "Final_Punctuation"], [.finalPunctuation]), (["Po", "Other_Punctuation"], [.otherPunctuation]),
            (["S", "Symbol"], symbols), (["Sm", "Math_Symbol"], [.mathSymbol]), (["Sc", "Currency_Symbol"], [.currencySymbol]),
            (["Sk", "Modifier_Symbol"], [.modifierSymbol]), (["So", "Other_Symbol"], [.otherSymbol]),
            (["Z", "Separator"], separators), (["Zs", "Space_Separator"], [.spaceSeparator]),
            (["Zl", "Line_Separator"], [.lineSeparator]), (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
            (["C", "Other"], others), (["Cc", "Control", "cntrl"], [.control]), (["Cf", "Format"], [.format]),
            (["Cs", "Surrogate"], [.surrogate]), (["Co", "Private_Use"], [.privateUse]), (["Cn", "Unassigned"], [.unassigned]),
        ]
        var result: [String: [Category]] = [:]
        for (names, covered) in entries {
            for name in names { result[name] = covered }
        }
        return result
    }()

    /// Every code point's category, as ranges per category (one pass over the code space).
    private static let table: [Category: [ClosedRange<UInt32>]] = {
        var result: [Category: [ClosedRange<UInt32>]] = [:]
        var runStart: UInt32 = 0
        var runCategory: Category = .control
        func close(_ end: UInt32) { result[runCategory, default: []].append(runStart...end) }
        for value in UInt32(0)...CodePointSet.maxCodePoint {
            let category: Category = Unicode.Scalar(value)?.properties.generalCategory ?? .surrogate
            if value == 0 {
                runCategory = category
            } else if category != runCategory {
                close(value - 1)
                runStart = value
                runCategory = category
            }
        }
        close(CodePointSet.maxCodePoint)
        return result
    }()
}
