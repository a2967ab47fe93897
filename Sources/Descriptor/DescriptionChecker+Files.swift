import Foundation

extension DescriptionChecker {
    /// Checks files (paths as given, `-` for standard input) on all cores, returning the
    /// reports in the order of `paths`. A file that cannot be read gets no report: its
    /// failure is returned instead, in the same position.
    ///
    /// Oversized files are detected after reading at most `limits.maxBytes + 1` bytes; the
    /// report then gives the file's size from `stat` (unknown for standard input).
    public func check(paths: [String]) -> [Result<FileReport, InputFiles.Failure>] {
        let results = ResultSlots<Result<FileReport, InputFiles.Failure>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let result: Result<FileReport, InputFiles.Failure>
            do throws(InputFiles.Failure) {
                let contents = try InputFiles.contents(path, limit: limits.maxBytes)
                let shown = path == "-" ? "<stdin>" : path
                if contents.data.count > limits.maxBytes {
                    let error = LoadError(.fileTooLarge(size: contents.size, limit: limits.maxBytes), at: nil)
                    let diagnostic = Diagnostic(error.rule, error.message(in: language), at: nil)
                    result = .success(FileReport(path: shown, diagnostics: [diagnostic], completeness: nil, value: nil, positions: nil, sourceBytes: nil))
                } else {
                    result = .success(check(contents.data, path: shown))
                }
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
