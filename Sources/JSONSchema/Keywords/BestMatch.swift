/// Picks the alternative whose errors best explain an `anyOf`/`oneOf` failure, as
/// python-jsonschema's `best_match` does: an alternative whose type fits the value beats
/// one that rejected the type; one whose discriminator (`const`/`enum` on a member)
/// matched beats one whose discriminator did not; then the deepest errors win, then the
/// fewest errors, then the first alternative.
enum BestMatch {
    static func select(_ branches: [[ValidationError]], depth: Int) -> Int? {
        var best: Int?
        var bestScore: (Int, Int, Int, Int)?
        for (position, errors) in branches.enumerated() where !errors.isEmpty {
            let score = self.score(errors, depth: depth)
            if bestScore == nil || score < bestScore! {
                best = position
                bestScore = score
            }
        }
        return best
    }

    /// Lower is better.
    static func score(_ errors: [ValidationError], depth: Int) -> (Int, Int, Int, Int) {
        var typeMismatch = 0
        var discriminatorMismatch = 0
        var deepest = 0
        for error in errors {
            let level = error.instanceLocation.tokens.count - depth
            deepest = max(deepest, level)
            switch error.kind {
            case .type where level == 0: typeMismatch = 1
            case .notConst, .notInEnum: if level == 1 { discriminatorMismatch = 1 }
            default: break
            }
        }
        return (typeMismatch, discriminatorMismatch, -deepest, errors.count)
    }
}
