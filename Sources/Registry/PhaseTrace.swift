import Foundation

/// Phase timings for debugging latency: with `CODESOCIAL_TRACE=1` in the environment, each
/// ``mark(_:)`` prints `trace: <phase> <ms since the previous mark> ms (<ms since process start> ms)`
/// to standard error. Off (and nearly free: one boolean read) otherwise. Documented in docs/publish.md.
public enum PhaseTrace {
    /// Whether tracing is on (`CODESOCIAL_TRACE` set to anything but empty or `0`).
    public static let isEnabled: Bool = {
        guard let value = ProcessInfo.processInfo.environment["CODESOCIAL_TRACE"] else { return false }
        return !value.isEmpty && value != "0"
    }()

    private static let clock = TraceClock()

    /// Records the end of `phase` and prints its duration when tracing is on.
    public static func mark(_ phase: @autoclosure () -> String) {
        guard isEnabled else { return }
        let (sincePrevious, sinceStart) = clock.lap()
        let line = String(format: "trace: %@ %.1f ms (%.1f ms)\n", phase(), sincePrevious, sinceStart)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// The clock behind ``PhaseTrace``: milliseconds since the previous lap and since the process started
/// (from `/proc/self/stat` where available, else since the first lap).
private final class TraceClock: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: Double?
    private var start: Double?

    func lap() -> (Double, Double) {
        lock.lock()
        defer { lock.unlock() }
        let now = ProcessInfo.processInfo.systemUptime * 1000
        if start == nil { start = Self.processStart() ?? now }
        let sincePrevious = now - (previous ?? start ?? now)
        previous = now
        return (sincePrevious, now - (start ?? now))
    }

    /// The process's start time in milliseconds of uptime (10 ms resolution), on Linux.
    private static func processStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Field 22 (starttime) is the 20th after the command name.
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return hertz > 0 ? ticks / hertz * 1000 : nil
    }
}
