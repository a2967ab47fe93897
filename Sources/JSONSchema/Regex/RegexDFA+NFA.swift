extension RegexDFA {
    /// A Thompson NFA over code-point sets, built back to front from a `RegexNode`.
    struct NFA {
        enum State {
            /// Consume one code point of `sets[set]`, then go to `next`.
            case set(Int, next: Int)
            case split(Int, Int)
            /// Passable only at position 0.
            case inputStart(next: Int)
            /// Passable only once the input is exhausted.
            case inputEnd(next: Int)
            case match
        }

        private(set) var states: [State] = [.match]
        private(set) var sets: [[ClosedRange<UInt32>]] = []
        private var setIndex: [[ClosedRange<UInt32>]: Int] = [:]
        private(set) var entry = 0
        let matchState = 0

        /// Nil when the expansion of counted repetitions would exceed `maxNFAStates`.
        init?(_ node: RegexNode) {
            guard let entry = compile(node, next: matchState) else { return nil }
            self.entry = entry
        }

        private mutating func append(_ state: State) -> Int? {
            guard states.count < RegexDFA.maxNFAStates else { return nil }
            states.append(state)
            return states.count - 1
        }

        /// Compiles `node` so that it continues to `next`; returns its entry state.
        private mutating func compile(_ node: RegexNode, next: Int) -> Int? {
            switch node {
            case let .set(ranges):
                let index: Int
                if let known = setIndex[ranges] {
                    index = known
                } else {
                    index = sets.count
                    sets.append(ranges)
                    setIndex[ranges] = index
                }
                return append(.set(index, next: next))
            case let .concat(nodes):
                var target = next
                for child in nodes.reversed() {
                    guard let entry = compile(child, next: target) else { return nil }
                    target = entry
                }
                return target
            case let .alternation(nodes):
                var entries: [Int] = []
                for child in nodes {
                    guard let entry = compile(child, next: next) else { return nil }
                    entries.append(entry)
                }
                guard var chain = entries.last else { return next }
                for entry in entries.dropLast().reversed() {
                    guard let split = append(.split(entry, chain)) else { return nil }
                    chain = split
                }
                return chain
            case let .repetition(body, minimum, maximum):
                var target = next
                if let maximum {
                    guard maximum - minimum < RegexDFA.maxNFAStates else { return nil }
                    for _ in 0..<(maximum - minimum) {
                        guard let entry = compile(body, next: target), let split = append(.split(entry, next)) else { return nil }
                        target = split
                    }
                } else {
                    // loop: split(body → loop, next)
                    guard let loop = append(.split(next, next)), let entry = compile(body, next: loop) else { return nil }
                    states[loop] = .split(entry, next)
                    target = loop
                }
                guard minimum < RegexDFA.maxNFAStates else { return nil }
                for _ in 0..<minimum {
                    guard let entry = compile(body, next: target) else { return nil }
                    target = entry
                }
                return target
            case .inputStart:
                return append(.inputStart(next: next))
            case .inputEnd:
                return append(.inputEnd(next: next))
            case .unsupported:
                return nil
            }
        }

        /// Scratch space for `closure`, reused across calls: a state is seen when its stamp is the
        /// current generation. `work` counts the steps, so construction can stop at a budget.
        struct Scratch {
            var stamps: [UInt32]
            var generation: UInt32 = 0
            var work = 0
            init(count: Int) { stamps = [UInt32](repeating: 0, count: count) }
        }

        /// The states reachable from `starts` without consuming input (plus `union`), sorted: the
        /// consuming states, `match`, and `inputEnd` states not passable here.
        func closure(_ starts: [Int], atStart: Bool, atEnd: Bool, union: [Int] = [], scratch: inout Scratch) -> [Int] {
            scratch.generation &+= 1
            let generation = scratch.generation
            var result: [Int] = []
            var stack = starts
            for state in union where scratch.stamps[state] != generation {
                scratch.stamps[state] = generation
                result.append(state)
            }
            scratch.work &+= union.count + starts.count
            while let state = stack.popLast() {
                guard scratch.stamps[state] != generation else { continue }
                scratch.stamps[state] = generation
                scratch.work &+= 1
                switch states[state] {
                case .set, .match:
                    result.append(state)
                case let .split(first, second):
                    stack.append(second)
                    stack.append(first)
                case let .inputStart(next):
                    if atStart { stack.append(next) }
                case let .inputEnd(next):
                    if atEnd { stack.append(next) } else { result.append(state) }
                }
            }
            return result.sorted()
        }
    }
}
