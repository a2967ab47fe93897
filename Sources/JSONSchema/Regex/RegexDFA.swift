/// A native matcher for the regular part of ECMA-262 patterns: a DFA built ahead of time.
///
/// Most schema patterns (`^[a-z0-9]+(?:-[a-z0-9]+)*$`, `^\d{4}-\d{2}$`, `^x-`) need no
/// back-reference, look-around or `\b`. For those, only the yes/no answer of an unanchored search
/// matters, and a DFA gives it exactly in one pass over the code points: no backtracking, so no
/// catastrophic patterns and no deadline needed, and no bridging to ICU (≈1 µs per call saved).
///
/// Construction: a Thompson NFA from `RegexNode`, the code-point space cut into intervals at every
/// set boundary (the DFA's alphabet), then the subset construction with the start state re-added at
/// every position (unanchored search). `^` is followed only at position 0; `$` is followed only when
/// the input is exhausted. Patterns whose NFA or DFA would be too large get no DFA (ICU runs them).
///
/// Immutable after `init`, hence `Sendable` without locks.
struct RegexDFA: Sendable {
    /// Largest NFA (in states) and DFA (states × classes) built; beyond, ICU is used.
    static let maxNFAStates = 4096
    static let maxDFAStates = 1024
    static let maxTableSize = 1 << 18
    /// Most NFA steps spent building one DFA (bounds compile time on hostile patterns to a few ms).
    static let maxConstructionWork = 500_000

    /// Interval starts (sorted, `boundaries[0] == 0`) and the class of each interval.
    private let boundaries: [UInt32]
    private let intervalClass: [UInt8]
    private let asciiClass: [UInt8]
    private let classCount: Int
    /// Transitions: cell `state × classCount + class` = (next state × classCount) << 2 | flags.
    private let table: [Int32]
    /// Per DFA state: `acceptFlag` (a match ends here), `deadFlag` (no match can follow),
    /// `acceptAtEndFlag` (a match if the input ends here).
    private let flags: [UInt8]
    private static let acceptFlag: UInt8 = 1
    private static let deadFlag: UInt8 = 2
    private static let acceptAtEndFlag: UInt8 = 4

    /// Whether an unanchored search finds the pattern in `string` (RegExp.prototype.test).
    func matches(_ string: String) -> Bool {
        if let result = string.utf8.withContiguousStorageIfAvailable({ run($0) }) { return result }
        // Bridged strings without contiguous UTF-8: copy once.
        return Array(string.utf8).withUnsafeBufferPointer { run($0) }
    }

    /// One pass over well-formed UTF-8 (Swift strings always are), decoding code points inline.
    private func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        table.withUnsafeBufferPointer { table in
            flags.withUnsafeBufferPointer { flags in
                asciiClass.withUnsafeBufferPointer { asciiClass in
                    // `row` is the current state's first cell in `table` (state × classCount).
                    var row = 0
                    if flags[0] & Self.acceptFlag != 0 { return true }
                    var index = 0
                    let count = bytes.count
                    while index < count {
                        let lead = bytes[index]
                        let symbol: Int
                        if lead < 0x80 {
                            symbol = Int(asciiClass[Int(lead)])
                            index &+= 1
                        } else {
                            var value: UInt32
                            if lead < 0xE0 {
                                value = UInt32(lead & 0x1F)
                                index &+= 1
                            } else if lead < 0xF0 {
                                value = UInt32(lead & 0x0F)
                                index &+= 2
                                value = value << 6 | UInt32(bytes[index &- 1] & 0x3F)
                            } else {
                                value = UInt32(lead & 0x07)
                                index &+= 3
                                value = value << 6 | UInt32(bytes[index &- 2] & 0x3F)
                                value = value << 6 | UInt32(bytes[index &- 1] & 0x3F)
                            }
                            value = value << 6 | UInt32(bytes[index] & 0x3F)
                            index &+= 1
                            symbol = classOf(value)
                        }
                        // A cell holds the next row shifted left by 2, and that state's accept (1)
                        // and dead (2) flags in the low bits.
                        let cell = Int(table[row &+ symbol])
                        row = cell &>> 2
                        if cell & 3 != 0 { return cell & 1 != 0 }
                    }
                    return flags[row / classCount] & Self.acceptAtEndFlag != 0
                }
            }
        }
    }

    private func classOf(_ value: UInt32) -> Int {
        // The last boundary not above `value` (boundaries[0] == 0).
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if boundaries[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return Int(intervalClass[low])
    }

    /// Builds the DFA, or returns nil when `node` is unsupported or the automaton too large.
    init?(_ node: RegexNode) {
        guard case let .success(dfa) = Self.build(node).result else { return nil }
        self = dfa
    }

    private init(
        boundaries: [UInt32], intervalClass: [UInt8], asciiClass: [UInt8], classCount: Int, table: [Int32], flags: [UInt8]
    ) {
        self.boundaries = boundaries
        self.intervalClass = intervalClass
        self.asciiClass = asciiClass
        self.classCount = classCount
        self.table = table
        self.flags = flags
    }

    /// Builds the DFA of `node`, or says which limit refused it; either way with the work spent,
    /// which never exceeds `maxConstructionWork` by more than one step (tests rely on it).
    static func build(_ node: RegexNode) -> Construction {
        guard node.isSupported else { return Construction(result: .failure(.unsupported), work: 0) }
        guard let nfa = NFA(node) else { return Construction(result: .failure(.nfaTooLarge), work: 0) }
        // The alphabet: intervals between consecutive set boundaries.
        var cuts: Set<UInt32> = [0]
        for set in nfa.sets {
            for range in set {
                cuts.insert(range.lowerBound)
                if range.upperBound < CodePointSet.maxCodePoint { cuts.insert(range.upperBound + 1) }
            }
        }
        let boundaries = cuts.sorted()
        // Intervals in exactly the same sets share one class (e.g. all of `\p{L}` outside `[a-z]`).
        var classOfSignature: [[Bool]: Int] = [:]
        var signatures: [[Bool]] = []
        var intervalClass: [UInt8] = []
        intervalClass.reserveCapacity(boundaries.count)
        for start in boundaries {
            let signature = nfa.sets.map { CodePointSet.contains($0, start) }
            if let known = classOfSignature[signature] {
                intervalClass.append(UInt8(known))
            } else {
                guard signatures.count < 255 else { return Construction(result: .failure(.tooManyClasses), work: 0) }
                classOfSignature[signature] = signatures.count
                intervalClass.append(UInt8(signatures.count))
                signatures.append(signature)
            }
        }
        let classCount = signatures.count
        var asciiClass = [UInt8](repeating: 0, count: 128)
        var current = 0
        for value in 0..<128 {
            while current + 1 < boundaries.count, boundaries[current + 1] <= UInt32(value) { current += 1 }
            asciiClass[value] = intervalClass[current]
        }
        // For each set, which classes it contains.
        let membership: [[Bool]] = nfa.sets.indices.map { setIndex in signatures.map { $0[setIndex] } }

        var sets: [[Int]] = []
        var index: [[Int]: Int] = [:]
        var table: [Int32] = []
        var accepting: [Bool] = []
        var dead: [Bool] = []
        var acceptsAtEnd: [Bool] = []
        var scratch = NFA.Scratch(count: nfa.states.count)
        let restart = nfa.closure([nfa.entry], atStart: false, atEnd: false, scratch: &scratch)

        func add(_ set: [Int], initial: Bool) -> Int? {
            scratch.work &+= set.count  // hashing the set
            if !initial, let known = index[set] { return known }
            guard sets.count < maxDFAStates, (sets.count + 1) * classCount <= maxTableSize else { return nil }
            let id = sets.count
            sets.append(set)
            if !initial { index[set] = id }
            table.append(contentsOf: repeatElement(-1, count: classCount))
            accepting.append(set.contains(nfa.matchState))
            dead.append(set.isEmpty)
            // At the end of the input the pending `$` states pass (and `^` too on an empty input).
            let atEnd = nfa.closure(set, atStart: initial, atEnd: true, scratch: &scratch)
            acceptsAtEnd.append(atEnd.contains(nfa.matchState))
            return id
        }

        let start = nfa.closure([nfa.entry], atStart: true, atEnd: false, scratch: &scratch)
        guard add(start, initial: true) != nil else { return Construction(result: .failure(.tooManyStates), work: scratch.work) }
        var next = 0
        while next < sets.count {
            let set = sets[next]
            for symbol in 0..<classCount {
                var moved: [Int] = []
                scratch.work &+= set.count
                for state in set {
                    if case let .set(setIndex, target) = nfa.states[state], membership[setIndex][symbol] {
                        moved.append(target)
                    }
                }
                let target = nfa.closure(moved, atStart: false, atEnd: false, union: restart, scratch: &scratch)
                guard scratch.work <= maxConstructionWork else {
                    return Construction(result: .failure(.workBudget), work: scratch.work)
                }
                guard let id = add(target, initial: false) else {
                    return Construction(result: .failure(.tooManyStates), work: scratch.work)
                }
                table[next * classCount + symbol] = Int32(id)
            }
            next += 1
        }
        let dfa = RegexDFA(
            boundaries: boundaries, intervalClass: intervalClass, asciiClass: asciiClass, classCount: classCount,
            table: table.map { id in
                let state = Int(id)
                let low: Int32 = (accepting[state] ? 1 : 0) | (dead[state] ? 2 : 0)
                return Int32(state * classCount) << 2 | low
            },
            flags: accepting.indices.map { state in
                (accepting[state] ? acceptFlag : 0) | (dead[state] ? deadFlag : 0)
                    | (acceptsAtEnd[state] ? acceptAtEndFlag : 0)
            })
        return Construction(result: .success(dfa), work: scratch.work)
    }

    /// Why no DFA was built for a pattern (ICU runs it instead).
    enum Refusal: Error, Equatable, Sendable {
        /// The pattern needs what a DFA cannot do (back-reference, look-around, `\b`, non-category `\p{…}`, `i`/`m`).
        case unsupported
        /// The NFA would exceed `maxNFAStates` (large counted repetitions).
        case nfaTooLarge
        /// The sets split the code points into more than 255 classes.
        case tooManyClasses
        /// The DFA would exceed `maxDFAStates` states or `maxTableSize` cells.
        case tooManyStates
        /// The subset construction spent its `maxConstructionWork` steps.
        case workBudget
    }

    /// What `build` gave: the automaton or the limit that refused it, and the NFA steps spent.
    struct Construction: Sendable {
        let result: Result<RegexDFA, Refusal>
        let work: Int
    }
}
