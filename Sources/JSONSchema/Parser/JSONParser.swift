import Foundation

/// A strict RFC 8259 JSON parser producing exact ``JSONValue``s and a ``SourceMap``.
///
/// Rejects everything RFC 8259 does not allow (comments, trailing commas, single quotes,
/// leading zeros, NaN, control characters in strings, lone surrogates), invalid UTF-8,
/// duplicate object keys, and input beyond the configured ``Limits``. A leading UTF-8
/// byte order mark is ignored. Numbers are kept exact (``JSONNumber``).
public enum JSONParser {
    /// Bounds protecting against hostile input.
    public struct Limits: Sendable, Equatable {
        /// Maximum nesting of arrays and objects (default 512).
        public var maxDepth: Int
        /// Maximum input size in bytes (default 256 MiB).
        public var maxBytes: Int
        /// Maximum length of one number literal, in characters (default 4096).
        public var maxNumberLength: Int

        /// Creates limits.
        public init(maxDepth: Int = 512, maxBytes: Int = 256 << 20, maxNumberLength: Int = 4096) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
            self.maxNumberLength = maxNumberLength
        }
    }

    /// Parses JSON bytes into a value and the source position of every value and key.
    ///
    /// - Throws: ``JSONParseError`` with line, column and a readable message.
    public static func parse(
        _ bytes: some Collection<UInt8>, limits: Limits = Limits()
    ) throws(JSONParseError) -> (JSONValue, SourceMap) {
        let array = Array(bytes)
        var map = SourceMap()
        let value = try array.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSONValue in
            var reader = Reader(buffer: buffer, limits: limits, recordPositions: true)
            let value = try reader.parseDocument()
            map = reader.map
            return value
        }
        return (value, map)
    }

    /// Parses JSON text into a value and its source map.
    public static func parse(_ text: String, limits: Limits = Limits()) throws(JSONParseError) -> (JSONValue, SourceMap) {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Parses JSON bytes into a value only (faster: no source map is built).
    public static func parseValue(_ bytes: some Collection<UInt8>, limits: Limits = Limits()) throws(JSONParseError) -> JSONValue {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSONValue in
            var reader = Reader(buffer: buffer, limits: limits, recordPositions: false)
            return try reader.parseDocument()
        }
    }

    /// Parses JSON text into a value only.
    public static func parseValue(_ text: String, limits: Limits = Limits()) throws(JSONParseError) -> JSONValue {
        try parseValue(Array(text.utf8), limits: limits)
    }
}
