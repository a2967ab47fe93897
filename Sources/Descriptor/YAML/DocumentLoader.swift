import Foundation
import JSONSchema

/// A description file read into a JSON value, with where each value came from.
public struct LoadedDocument: Sendable {
    /// The document as JSON.
    public let value: JSONValue
    /// Where every value and key starts in the source.
    public let positions: SourcePositions
    /// The positions as the engine's ``SourceMap`` (built on demand).
    public var sourceMap: SourceMap { positions.sourceMap }
    /// The syntax it was read as.
    public let syntax: DocumentSyntax
}

/// The syntax of an input file.
public enum DocumentSyntax: String, Sendable {
    /// YAML 1.2 (core schema); JSON is read as YAML when the syntax is not known.
    case yaml
    /// Strict JSON (RFC 8259), for `.json` files.
    case json

    /// The syntax a path's extension implies: `.json` is JSON, anything else YAML.
    public init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .yaml
    }
}

/// Reads description bytes (YAML or JSON) into a ``LoadedDocument``, under ``Limits``.
public enum DocumentLoader {
    /// Loads one document.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - syntax: YAML (also reads JSON) or strict JSON.
    ///   - limits: size, depth and expansion bounds.
    /// - Throws: ``LoadError``, with line and column when known.
    public static func load(_ data: Data, syntax: DocumentSyntax, limits: Limits = .default) throws(LoadError) -> LoadedDocument {
        let bytes = [UInt8](data)
        let body = try InputScan.check(bytes, limits: limits)
        switch syntax {
        case .json:
            do {
                let jsonLimits = JSONParser.Limits(maxDepth: limits.maxDepth, maxBytes: limits.maxBytes)
                let (value, map) = try JSONParser.parse(body, limits: jsonLimits)
                return LoadedDocument(value: value, positions: SourcePositions(map), syntax: .json)
            } catch {
                throw jsonError(error, limits: limits)
            }
        case .yaml:
            let (value, positions) = try YAMLLoader.load(body, limits: limits)
            return LoadedDocument(value: value, positions: positions, syntax: .yaml)
        }
    }

    private static func jsonError(_ error: JSONParseError, limits: Limits) -> LoadError {
        switch error.kind {
        case .duplicateKey(let key): LoadError(.duplicateKey(key, first: nil), at: error.position)
        case .invalidUTF8: LoadError(.invalidUTF8, at: error.position)
        case .limitExceeded where error.message.lowercased().contains("dep") || error.message.lowercased().contains("nest"):
            LoadError(.tooDeep(limit: limits.maxDepth), at: error.position)
        default: LoadError(.jsonSyntax(error.message), at: error.position)
        }
    }
}
