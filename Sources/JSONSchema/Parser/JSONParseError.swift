/// A JSON syntax or limit error, with where it happened.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The text ended inside a value.
        case unexpectedEnd
        /// A character that cannot appear here.
        case unexpectedCharacter
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
        /// A malformed number.
        case invalidNumber
        /// A malformed or forbidden string (control character, bad escape, lone surrogate).
        case invalidString
        /// An object has the same key twice.
        case duplicateKey(String)
        /// Text after the top-level value.
        case trailingContent
        /// A configured limit (depth, size, number length) was exceeded.
        case limitExceeded
    }

    /// What went wrong.
    public let kind: Kind
    /// A readable English explanation, saying how to fix it where possible.
    public let message: String
    /// Where it happened (1-based line and column).
    public let position: SourcePosition
    /// Byte offset of the error in the input.
    public let offset: Int

    /// Creates an error.
    public init(kind: Kind, message: String, position: SourcePosition, offset: Int) {
        self.kind = kind
        self.message = message
        self.position = position
        self.offset = offset
    }

    /// 1-based line of the error.
    public var line: Int { position.line }
    /// 1-based column (Unicode scalars) of the error.
    public var column: Int { position.column }

    /// `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}
