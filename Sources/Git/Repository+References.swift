internal import CLibGit2

/// A reference and the object it points to (symbolic references resolved).
public struct Reference: Hashable, Sendable {
    /// The full name, `refs/heads/main`.
    public var name: String
    /// The object it points to.
    public var target: ObjectID

    /// Creates a value.
    public init(name: String, target: ObjectID) {
        self.name = name
        self.target = target
    }
}

extension Repository {
    /// Resolves a revision (`main`, `HEAD~2`, `v1.0^{tree}`, a full or abbreviated id) to an object id.
    ///
    /// - Throws: ``GitError/Kind/notFound`` when nothing matches, ``GitError/Kind/invalid`` for bad syntax.
    public func resolve(_ revspec: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        try check("git_revparse_single") { git_revparse_single(&object, pointer, revspec) }
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object))
    }

    /// The object a reference points to (following symbolic references), or nil when it does not exist.
    ///
    /// - Throws: ``GitError/Kind/invalid`` for a malformed name.
    public func reference(named name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        do {
            try check("git_reference_name_to_id") { git_reference_name_to_id(&oid, pointer, name) }
        } catch where error.kind == .notFound {
            return nil
        }
        return ObjectID(oid)
    }

    /// Points `name` at `id` if and only if it currently points at `expected` (compare-and-swap).
    ///
    /// With `expected == nil` the reference must not exist yet. The update takes the reference's lock file,
    /// so two concurrent updates with the same `expected` cannot both succeed.
    /// - Parameters:
    ///   - name: the full reference name (`refs/heads/main`).
    ///   - id: the new target.
    ///   - expected: the value the caller last saw, or nil for "must not exist".
    ///   - message: the reflog message.
    /// - Throws: ``GitError/Kind/referenceChanged`` when the reference moved (or exists / vanished),
    ///   ``GitError/Kind/locked`` when another process holds its lock, ``GitError/Kind/invalid`` for a bad name.
    public func updateReference(_ name: String, to id: ObjectID, expected: ObjectID?, message: String) throws(GitError) {
        var out: OpaquePointer?
        var target = id.oid
        do {
            if let expected {
                var current = expected.oid
                try check("git_reference_create_matching") {
                    git_reference_create_matching(&out, pointer, name, &target, 1, &current, message)
                }
            } else {
                try check("git_reference_create") { git_reference_create(&out, pointer, name, &target, 0, message) }
            }
        } catch where error.kind == .exists || error.kind == .referenceChanged || error.kind == .notFound {
            let actual = (try? reference(named: name)).flatMap { $0 }
            let expectedText = expected.map { "to be at \($0.abbreviated())" } ?? "not to exist"
            let actualText = actual.map { "it is at \($0.abbreviated())" } ?? "it does not exist"
            throw GitError(.referenceChanged, "\(name) changed concurrently: expected it \(expectedText), but \(actualText)",
                           code: error.code, errorClass: error.errorClass, function: error.function,
                           hint: "read the reference again and retry")
        }
        git_reference_free(out)
    }

    /// Deletes a reference; when `expected` is given, only if it still points there.
    ///
    /// - Throws: ``GitError/Kind/notFound`` when it does not exist, ``GitError/Kind/referenceChanged`` when it moved.
    public func deleteReference(_ name: String, expected: ObjectID? = nil) throws(GitError) {
        var ref: OpaquePointer?
        try check("git_reference_lookup") { git_reference_lookup(&ref, pointer, name) }
        defer { git_reference_free(ref) }
        if let expected, let target = git_reference_target(ref), ObjectID(target) != expected {
            throw GitError(.referenceChanged, "\(name) changed concurrently: expected \(expected.abbreviated()), found \(ObjectID(target).abbreviated())",
                           function: "git_reference_delete", hint: "read the reference again and retry")
        }
        try check("git_reference_delete") { git_reference_delete(ref) }
    }

    /// The references whose full name starts with `prefix` (`refs/heads/`), sorted by name,
    /// symbolic references resolved (dangling ones skipped).
    public func references(withPrefix prefix: String = "refs/") throws(GitError) -> [Reference] {
        var iterator: OpaquePointer?
        try check("git_reference_iterator_new") { git_reference_iterator_new(&iterator, pointer) }
        defer { git_reference_iterator_free(iterator) }
        var result: [Reference] = []
        while true {
            var ref: OpaquePointer?
            let code = git_reference_next(&ref, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            if code < 0 { throw lastError(code: code, function: "git_reference_next") }
            defer { git_reference_free(ref) }
            let name = String(cString: git_reference_name(ref))
            guard name.hasPrefix(prefix) else { continue }
            var resolved: OpaquePointer?
            guard git_reference_resolve(&resolved, ref) == 0 else { continue }
            defer { git_reference_free(resolved) }
            if let target = git_reference_target(resolved) {
                result.append(Reference(name: name, target: ObjectID(target)))
            }
        }
        return result.sorted { $0.name < $1.name }
    }
}
