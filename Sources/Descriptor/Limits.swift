/// Bounds that protect the loader against hostile input. Each one, when exceeded, gives
/// one clear error (never a crash, never unbounded time or memory).
public struct Limits: Sendable, Equatable {
    /// Largest accepted file, in bytes (default 1 MiB).
    public var maxBytes: Int
    /// Deepest accepted nesting of mappings and sequences (default 64; a description
    /// nests about 6 levels).
    public var maxDepth: Int
    /// Most values a document may expand to, counting every value an alias repeats
    /// (default 200,000: a 1 MiB description has far fewer; a "billion laughs" has more).
    public var maxNodes: Int

    /// Creates limits.
    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 200_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults.
    public static let `default` = Limits()
}
