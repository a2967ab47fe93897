import Foundation

extension ECMARegex {
    /// Thread-safe cache of compiled patterns.
    ///
    /// Invalid patterns are cached too (with their error), so a schema that repeats a bad pattern
    /// is not re-parsed. The cache holds at most `ECMARegexCache.capacity` entries; past that it is
    /// emptied and refilled (schemas use a handful of patterns; a hostile stream of distinct patterns
    /// cannot grow memory without bound).
    static func cached(_ pattern: String) throws(ECMARegexError) -> ECMARegex {
        try ECMARegexCache.shared.regex(for: pattern).get()
    }
}

/// The process-wide store behind `ECMARegex.cached(_:)`.
///
/// `@unchecked Sendable`: `entries` is only touched under `lock`.
final class ECMARegexCache: @unchecked Sendable {
    /// The shared cache.
    static let shared = ECMARegexCache()
    /// The most patterns kept at once.
    static let capacity = 4096

    private let lock = NSLock()
    private var entries: [String: Result<ECMARegex, ECMARegexError>] = [:]

    /// The compiled pattern (or its compile error), compiling it on first use.
    func regex(for pattern: String) -> Result<ECMARegex, ECMARegexError> {
        if let hit = lock.withLock({ entries[pattern] }) { return hit }
        // Compile outside the lock: two threads may compile the same pattern once each, harmlessly.
        let result: Result<ECMARegex, ECMARegexError>
        do {
            result = .success(try ECMARegex(pattern))
        } catch {
            result = .failure(error)
        }
        return lock.withLock {
            if let raced = entries[pattern] { return raced }
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[pattern] = result
            return result
        }
    }

    /// How many patterns are cached (for tests).
    var count: Int { lock.withLock { entries.count } }
}
