/// The SPDX licence list, embedded in the binary (Generated/SPDXLicenceList.swift, made by
/// scripts/generate-spdx-list).
public enum SPDXLicences {
    /// What an identifier is on the list.
    public enum Status: Sendable, Equatable {
        /// A current licence; `canonical` is its id as SPDX spells it.
        case current(canonical: String)
        /// A deprecated licence id (still recognised).
        case deprecated(canonical: String)
        /// A `LicenseRef-…` / `DocumentRef-…` reference to a licence outside the list.
        case reference
        /// Not on the list.
        case unknown
    }

    private static let table: [String: (String, Bool)] = {
        var table: [String: (String, Bool)] = [:]
        for id in currentIdentifiers.split(separator: "\n") { table[id.lowercased()] = (String(id), false) }
        for id in deprecatedIdentifiers.split(separator: "\n") where table[id.lowercased()] == nil {
            table[id.lowercased()] = (String(id), true)
        }
        return table
    }()

    /// All current identifiers, in list order.
    public static var current: [String] { currentIdentifiers.split(separator: "\n").map(String.init) }

    /// Looks an identifier up, case-insensitively as SPDX matches them; a trailing `+`
    /// ("or later") is accepted.
    public static func status(of identifier: String) -> Status {
        var id = identifier
        if id.hasPrefix("LicenseRef-") || id.hasPrefix("DocumentRef-") { return id.count > 11 ? .reference : .unknown }
        if id.hasSuffix("+") { id.removeLast() }
        guard let (canonical, deprecated) = table[id.lowercased()] else { return .unknown }
        return deprecated ? .deprecated(canonical: canonical) : .current(canonical: canonical)
    }

    /// The current identifiers closest to a mistyped one (for "did you mean").
    public static func suggestion(for identifier: String) -> String? {
        Suggestions.closest(to: identifier, among: current, caseInsensitive: true)
    }
}
