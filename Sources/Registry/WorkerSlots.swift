import Foundation

/// Results written by concurrent workers, one slot per item, plus the first failure.
///
/// The registry checker and the index reader both spread entries over `concurrentPerform`
/// workers; each worker writes its items' slots, and the caller collects them in item order.
final class WorkerSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var failure: RegistryError?

    /// Creates `count` empty slots.
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores the value of item `index`.
    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Records a failure; only the first one is kept.
    func fail(_ error: RegistryError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    /// The slots in item order (`nil` where no value was set), or the first failure.
    func collect() throws(RegistryError) -> [Value?] {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        return slots
    }
}
