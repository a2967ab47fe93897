import Descriptor
import Foundation
import Git

/// The publisher's memory, per registry: which blob of each entry this user last published or fetched.
///
/// Stored as `registries/<cacheName>.known.json`, beside the cache (so a rebuilt cache keeps it) (`{"version": 1, "entries": {"wemob": "<blob id>"}}`),
/// written atomically while the cache lock is held. A registry whose copy of an entry differs from
/// this blob (and from the one being published) was changed by someone else: publishing stops with
/// a conflict instead of overwriting it.
extension RegistryCache {
    private struct State: Codable {
        var version = 1
        var entries: [String: String] = [:]
    }

    private var stateFile: URL {
        directory.deletingLastPathComponent().appendingPathComponent("\(directory.lastPathComponent).known.json")
    }

    private func readState() -> State {
        guard let data = try? Data(contentsOf: stateFile),
              let state = try? JSONDecoder().decode(State.self, from: data), state.version == 1 else { return State() }
        return state
    }

    /// The blob of entry `id` this user last published or fetched, or nil when unknown.
    public func knownBlob(of id: String) -> ObjectID? {
        readState().entries[id].flatMap { ObjectID(hex: $0) }
    }

    /// Records that this user has seen (published or fetched) `blob` as entry `id`.
    /// - Throws: ``RegistryError`` `cannotWrite` when the state file cannot be written.
    public func recordKnown(_ blob: ObjectID, of id: String) throws(RegistryError) {
        var state = readState()
        guard state.entries[id] != blob.hex else { return }
        state.entries[id] = blob.hex
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try encoder.encode(state).write(to: stateFile, options: .atomic)
        } catch {
            throw RegistryError(.cannotWrite, Localized(en: "cannot write \(stateFile.path): \(error.localizedDescription)",
                                                        fr: "impossible d'écrire \(stateFile.path) : \(error.localizedDescription)"),
                                hint: Localized(en: "check the permissions of XDG_CACHE_HOME", fr: "vérifiez les droits d'accès à XDG_CACHE_HOME"))
        }
    }
}
