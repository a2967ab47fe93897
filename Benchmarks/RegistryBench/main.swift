// Search index benchmark (not a test): builds an FTS5 index of N synthetic entries with
// French text, then measures query latency. Run by scripts/bench-registry; see docs/benchmarks.md.
// Usage: RegistryBench [ENTRIES] [INDEX-FILE]
import Catalog
import Foundation

/// A deterministic generator (SplitMix64), so every run indexes the same text.
struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ list: [T]) -> T { list[Int(next() % UInt64(list.count))] }

    /// A word drawn from a Zipf distribution (rank r has weight 1/r) over the vocabulary, the
    /// vocabulary's first word standing at rank 100 of the language: the 99 words above it are
    /// the stop words that queries drop. So the commonest word is in about a third of the
    /// entries, as "projet" or "association" would be, and most words are rare.
    mutating func word() -> String {
        let u = Double(next() % 1_000_000) / 1_000_000
        let first = 100.0, last = first + Double(Self.vocabulary.count)
        let rank = first * pow(last / first, u)  // log-uniform rank between 100 and 100 + V: Zipf, exponent 1
        return Self.vocabulary[min(Self.vocabulary.count - 1, max(0, Int(rank - first)))]
    }

    mutating func sentence(_ words: Int) -> String {
        (0..<words).map { _ in word() }.joined(separator: " ")
    }

    static let vocabulary = [
        "mobilité", "partagée", "tiers-lieu", "œuvre", "collective", "coopérative", "habitants", "quartier",
        "réemploi", "atelier", "vélo", "jardin", "compost", "énergie", "citoyenne", "numérique", "libre",
        "logiciel", "formation", "éducation", "populaire", "culture", "musique", "théâtre", "alimentation",
        "circuit", "court", "agriculture", "paysanne", "santé", "solidarité", "insertion", "emploi",
        "logement", "accompagnement", "gouvernance", "partagée", "communs", "savoirs", "ressources",
        "territoire", "rural", "urbain", "transition", "écologique", "sobriété", "mutualisation", "outils",
        "réparation", "fabrique", "laboratoire", "recherche", "action", "association", "collectif", "réseau",
        "l’économie", "sociale", "solidaire", "d’intérêt", "général", "bénévoles", "salariés", "adhésions",
        "subventions", "prix", "financement", "participatif", "monnaie", "locale", "échange", "entraide",
    ] + (0..<20_000).map { "mot\($0)" }
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let path = CommandLine.arguments.count > 2
    ? CommandLine.arguments[2]
    : FileManager.default.temporaryDirectory.appendingPathComponent("registry-bench-\(getpid()).sqlite").path
for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }

var generator = Generator(state: 42)
let kinds = ["project", "organisation", "idea", "collaboration"]
let itemKinds = ["skill", "resource", "service", "funding", "knowledge", "place", "tool", "time", "other"]
var entries: [CatalogEntry] = []
entries.reserveCapacity(count)
for number in 0..<count {
    let id = "entree-\(number)"
    entries.append(CatalogEntry(
        id: id, kind: generator.pick(kinds),
        name: LocalizedText("\(generator.word().capitalized) \(generator.word()) \(number)"),
        summary: LocalizedText(generator.sentence(25)), language: "fr",
        tags: (0..<3).map { _ in generator.word() },
        offers: [.init(kind: generator.pick(itemKinds), text: LocalizedText(generator.sentence(8)))],
        needs: [.init(kind: generator.pick(itemKinds), text: LocalizedText(generator.sentence(8)))],
        purposeText: generator.sentence(60), modelsText: generator.sentence(150)
    ))
}

/// CPU time of this thread, in milliseconds (independent of other processes on a busy machine).
func threadCPUms() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

func milliseconds(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

do {
    let index = try SearchIndex(path: path)
    let buildStart = ContinuousClock.now
    let buildCPU = threadCPUms()
    try index.rebuild(entries, commit: "bench")
    let buildMs = milliseconds(buildStart)
    let buildCPUms = threadCPUms() - buildCPU
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(String(format: "index build: %d entries in %.2f s wall, %.2f s CPU (%.0f entries/s of CPU), file %.1f MiB", count, buildMs / 1000,
                 buildCPUms / 1000, Double(count) / (buildCPUms / 1000), Double(size) / 1_048_576))

    let queries: [SearchQuery] = [
        SearchQuery(text: "mobilite"), SearchQuery(text: "oeuvre collective"), SearchQuery(text: "l'économie sociale"),
        SearchQuery(text: "velo atelier reparation"), SearchQuery(text: "mot17"), SearchQuery(text: "mot3"),
        SearchQuery(text: "coop"), SearchQuery(text: "jardin", kind: "project"), SearchQuery(text: "compost", tag: "quartier"),
        SearchQuery(text: "lieu", offers: "place"), SearchQuery(text: "financement participatif", needs: "funding"),
        SearchQuery(text: "entree-4242"), SearchQuery(text: "introuvable"), SearchQuery(text: "santé solidarité insertion emploi"),
    ]
    var all: [Double] = []
    var allCPU: [Double] = []
    print("query latency (ms, 7 runs each after one warm-up): wall median / max, CPU median / max, hits")
    for query in queries {
        _ = try index.search(query)
        var times: [Double] = []
        var cpu: [Double] = []
        var hits = 0
        for _ in 0..<7 {
            let start = ContinuousClock.now
            let startCPU = threadCPUms()
            hits = try index.search(query).count
            times.append(milliseconds(start))
            cpu.append(threadCPUms() - startCPU)
        }
        times.sort()
        cpu.sort()
        all += times
        allCPU += cpu
        var label = query.text
        if let kind = query.kind { label += " --kind \(kind)" }
        if let tag = query.tag { label += " --tag \(tag)" }
        if let offers = query.offers { label += " --offers \(offers)" }
        if let needs = query.needs { label += " --needs \(needs)" }
        print(String(format: "  %-45@ %7.2f / %7.2f   %7.2f / %7.2f  %d", label as NSString, times[times.count / 2], times.last ?? 0,
                     cpu[cpu.count / 2], cpu.last ?? 0, hits))
    }
    all.sort()
    allCPU.sort()
    func p95(_ list: [Double]) -> Double { list[min(list.count - 1, Int(Double(list.count) * 0.95))] }
    print(String(format: "all queries, wall: median %.2f ms, p95 %.2f ms, max %.2f ms (goal < 50 ms: %@)",
                 all[all.count / 2], p95(all), all.last ?? 0, (all.last ?? 0) < 50 ? "met" : "NOT met"))
    print(String(format: "all queries, CPU:  median %.2f ms, p95 %.2f ms, max %.2f ms (goal < 50 ms: %@)",
                 allCPU[allCPU.count / 2], p95(allCPU), allCPU.last ?? 0, (allCPU.last ?? 0) < 50 ? "met" : "NOT met"))

    var changed = entries[12345 % count]
    changed.summary = LocalizedText("Apiculture urbaine et ruches partagées")
    let applyStart = ContinuousClock.now
    let update = try index.apply([.upsert(changed)], commit: "bench-2")
    print(String(format: "incremental update of one entry: %.2f ms (re-indexed %@)", milliseconds(applyStart), update.reindexed.joined(separator: ", ")))
} catch {
    FileHandle.standardError.write(Data("RegistryBench: \(error)\n".utf8))
    exit(70)
}
if CommandLine.arguments.count <= 2 {  // a temporary index; an index file named by the caller is kept
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
