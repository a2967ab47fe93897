import Foundation

extension DescriptionChecker {
    /// Checks files (paths as given, `-` for standard input) on all cores, returning the
    /// reports in the order of `paths`. A file that cannot be read gets no report: its
    /// failure is returned instead, in the same position.
    ///
    /// Oversized files are detected after reading at most `limits.maxBytes + 1` bytes; the
    /// report then says how large the file is at least.
    public func check(paths: [String]) -> [Result<FileReport, InputFiles.Failure>] {
        let results = ResultSlots<Result<FileReport, InputFiles.Failure>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let result: Result<FileReport, InputFiles.Failure>
            do throws(InputFiles.Failure) {
                let data = try InputFiles.read(path, limit: limits.maxBytes)
                result = .success(check(data, path: path == "-" ? "<stdin>" : path))
            } catch {
                result = .failure(error)
            }
            results.set(index, result)
        }
        return results.values()
    }
}

/// Fixed slots written once each from concurrent iterations.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
