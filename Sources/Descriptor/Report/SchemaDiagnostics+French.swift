import JSONSchema

extension SchemaDiagnostics {
    /// The French wording of every schema error kind (the engine's `message` is English).
    /// The switch is exhaustive on purpose: a new kind in the engine does not compile until it
    /// has a French wording here.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func french(_ kind: ValidationError.Kind) -> String {
        func plural(_ count: Int, _ word: String, _ many: String? = nil) -> String {
            "\(count) \(count == 1 || count == 0 ? word : many ?? word + "s")"
        }
        func quote(_ text: String) -> String { "`\(text)`" }
        switch kind {
        case .falseSchema:
            return "aucune valeur n'est permise ici"
        case .type(let expected, let actual):
            return "attendu \(ValueText.typeList(expected, .fr)), trouvé \(ValueText.describe(actual, .fr))"
        case .notInEnum(let allowed, let actual):
            if allowed.count == 1 { return "attendu \(ValueText.short(allowed[0])), trouvé \(ValueText.short(actual))" }
            return "attendu l'une des valeurs \(allowed.map(ValueText.short).joined(separator: ", ")), trouvé \(ValueText.short(actual))"
        case .notConst(let expected, let actual):
            return "attendu \(ValueText.short(expected)), trouvé \(ValueText.short(actual))"
        case .notMultipleOf(let divisor, let actual):
            return "attendu un multiple de \(divisor), trouvé \(actual)"
        case .belowMinimum(let limit, let exclusive, let actual):
            return "attendu \(exclusive ? "une valeur supérieure à" : "au moins") \(limit), trouvé \(actual)"
        case .aboveMaximum(let limit, let exclusive, let actual):
            return "attendu \(exclusive ? "une valeur inférieure à" : "au plus") \(limit), trouvé \(actual)"
        case .tooShort(let limit, let actual):
            return "attendu au moins \(plural(limit, "caractère")), trouvé \(actual)"
        case .tooLong(let limit, let actual):
            return "attendu au plus \(plural(limit, "caractère")), trouvé \(actual)"
        case .patternMismatch(let pattern, let actual):
            return "\(ValueText.short(.string(actual))) ne correspond pas au motif \(pattern)"
        case .patternTimeout(let pattern, let limit):
            return "le motif \(pattern) a mis trop de temps à s'appliquer (plus de \(duration(limit))) ; la valeur est refusée : simplifiez le motif (les quantificateurs imbriqués comme (a+)+ explosent)"
        case .invalidFormat(let format, let actual):
            return "\(ValueText.short(.string(actual))) n'est pas un \(format) valide"
        case .tooFewItems(let limit, let actual):
            return "attendu au moins \(plural(limit, "élément")), trouvé \(actual)"
        case .tooManyItems(let limit, let actual):
            return "attendu au plus \(plural(limit, "élément")), trouvé \(actual)"
        case .duplicateItems(let first, let second):
            return "les éléments \(first) et \(second) sont égaux, mais les éléments doivent être uniques"
        case .tooFewContains(let limit, let actual):
            return "attendu au moins \(plural(limit, "élément")) conforme\(limit > 1 ? "s" : "") au schéma `contains`, trouvé \(actual)"
        case .tooManyContains(let limit, let actual):
            return "attendu au plus \(plural(limit, "élément")) conforme\(limit > 1 ? "s" : "") au schéma `contains`, trouvé \(actual)"
        case .tooFewProperties(let limit, let actual):
            return "attendu au moins \(plural(limit, "clé")), trouvé \(actual)"
        case .tooManyProperties(let limit, let actual):
            return "attendu au plus \(plural(limit, "clé")), trouvé \(actual)"
        case .missingProperty(let property):
            return "clé obligatoire \(quote(property)) manquante"
        case .missingDependentProperty(let property, let dependency):
            return "clé \(quote(property)) manquante, obligatoire quand \(quote(dependency)) est présente"
        case .unevaluatedPropertyNotAllowed(let name, let allowed) where allowed.contains(name):
            return "la clé \(quote(name)) est déclarée mais sa valeur est invalide, elle compte donc comme non évaluée : corrigez les erreurs qu'elle contient"
        case .additionalPropertyNotAllowed(let name, let allowed), .unevaluatedPropertyNotAllowed(let name, let allowed):
            if allowed.isEmpty { return "la clé \(quote(name)) n'est pas permise" }
            return "la clé \(quote(name)) n'est pas permise (clés permises : \(allowed.map(quote).joined(separator: ", ")))"
        case .additionalItemNotAllowed(let index, let limit):
            return "l'élément \(index) n'est pas permis : au plus \(plural(limit, "élément")) attendu\(limit > 1 ? "s" : "")"
        case .unevaluatedItemNotAllowed(let index):
            return "l'élément \(index) n'est pas permis ici"
        case .matchesNot:
            return "la valeur ne doit pas correspondre au schéma de `not`"
        case .noAlternativeMatched(let count):
            return "la valeur ne correspond à aucune des \(count) possibilités"
        case .severalAlternativesMatched(let indexes):
            return "la valeur correspond aux possibilités \(indexes.map(String.init).joined(separator: " et ")), mais une seule doit correspondre"
        case .evaluationLimit(let steps):
            return "validation arrêtée après \(steps) évaluations de schéma (des possibilités qui réévaluent les mêmes valeurs de façon exponentielle) ; la valeur est refusée"
        case .recursionLimit(let depth):
            return "évaluation du schéma imbriquée sur plus de \(depth) niveaux (un cycle de $ref qui ne consomme rien, ou une valeur trop imbriquée)"
        }
    }

    /// `2 s`, `250 ms`, `40 µs`.
    private static func duration(_ value: Duration) -> String {
        let (seconds, attoseconds) = value.components
        let micros = seconds.multipliedReportingOverflow(by: 1_000_000)
        guard !micros.overflow else { return "\(seconds) s" }
        let total = micros.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000)
        guard !total.overflow else { return "\(seconds) s" }
        let micro = total.partialValue
        if micro % 1_000_000 == 0 { return "\(micro / 1_000_000) s" }
        if micro >= 1000 { return "\(micro / 1000) ms" }
        return "\(micro) µs"
    }
}
