/// The timing procedure shared with scripts/bench/schema_peers.py: a warm-up (at least 3 calls
/// and 0.2 s), then batches sized to about 20 ms; the result is the median time of one call.
enum Timing {
    /// Median seconds per call, and how many calls were timed.
    static func measure(_ call: () -> Bool, budget: Double = 1.5) -> (median: Double, calls: Int) {
        let clock = ContinuousClock()
        var sink = 0
        let start = clock.now
        var runs = 0
        while runs < 3 || seconds(clock.now - start) < 0.2 {
            if call() { sink &+= 1 }
            runs += 1
        }
        let perCall = seconds(clock.now - start) / Double(runs)
        let batch = max(1, Int(0.02 / perCall))
        let repeats = max(5, min(51, Int(budget / (Double(batch) * perCall))))
        var samples: [Double] = []
        for _ in 0..<repeats {
            let begin = clock.now
            for _ in 0..<batch where call() { sink &+= 1 }
            samples.append(seconds(clock.now - begin) / Double(batch))
        }
        samples.sort()
        // Keep the result observable so the optimiser cannot drop the calls.
        if sink == Int.min { print(sink) }
        return (samples[samples.count / 2], batch * repeats)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
