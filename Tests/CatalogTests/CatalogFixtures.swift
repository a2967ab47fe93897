import Foundation
import JSONSchema
@testable import Catalog

/// Builds descriptions for catalog tests.
enum CatalogFixtures {
    static func json(_ text: String) -> JSONValue {
        do {
            return try JSONParser.parseValue(text)
        } catch {
            preconditionFailure("bad fixture JSON: \(error)\n\(text)")
        }
    }

    static func quoted(_ text: String) -> JSONValue { .string(text) }

    /// A description with the given parts; catalogue items are (kind, text).
    static func description(
        id: String, name: String, kind: String = "project", summary: String = "Un projet.",
        tags: [String] = [], offers: [(String, String)] = [], needs: [(String, String)] = [],
        commons: [String] = [], relations: [(String, String)] = [], purpose: String = "",
        economic: String = ""
    ) -> JSONValue {
        func items(_ list: [(String, String)]) -> JSONValue {
            .array(list.map { .object(JSONObject([("kind", .string($0.0)), ("text", .string($0.1))])) })
        }
        var members: [(String, JSONValue)] = [
            ("codesocial", 1), ("id", .string(id)), ("name", .string(name)), ("kind", .string(kind)),
            ("summary", .string(summary)), ("language", "fr"),
            ("tags", .array(tags.map(JSONValue.string))),
        ]
        if !purpose.isEmpty { members.append(("purpose", .object(JSONObject([("context", .string(purpose))])))) }
        members.append(("models", .object(JSONObject([
            ("economic", .object(JSONObject([("revenue_streams", .string(economic))]))),
            ("social_human", .object(JSONObject([("not_applicable", "Pas encore de salariés")]))),
        ]))))
        members.append(("catalogue", .object(JSONObject([("offers", items(offers)), ("needs", items(needs))]))))
        members.append(("commons", .array(commons.map { .object(JSONObject([("name", .string($0)), ("role", "uses")])) })))
        members.append(("relations", .array(relations.map { .object(JSONObject([("id", .string($0.0)), ("kind", .string($0.1))])) })))
        return .object(JSONObject(members))
    }

    static func entry(
        id: String, name: String, kind: String = "project", summary: String = "Un projet.",
        tags: [String] = [], offers: [(String, String)] = [], needs: [(String, String)] = [],
        commons: [String] = [], relations: [(String, String)] = [], purpose: String = "",
        economic: String = ""
    ) -> CatalogEntry {
        CatalogEntry(description: description(
            id: id, name: name, kind: kind, summary: summary, tags: tags, offers: offers, needs: needs,
            commons: commons, relations: relations, purpose: purpose, economic: economic
        ))
    }
}

/// A temporary directory removed when released (CatalogTests need nothing more).
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("codesocial-catalog-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
