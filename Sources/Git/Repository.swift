import Foundation
internal import CLibGit2

/// A git repository opened through libgit2: the owner of the `git_repository` handle, freed in `deinit`.
///
/// Threading: a `Repository` is not `Sendable`. Use one instance from one task at a time; open another
/// instance on the same path for another thread (libgit2 makes concurrent handles on one repository safe:
/// reference updates take lock files, object writes are atomic renames).
public final class Repository {
    /// The libgit2 handle, owned by this object.
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository at `path`: a bare repository, a `.git` directory, or a work tree.
    ///
    /// Does not search parent directories.
    /// - Throws: ``GitError/Kind/notFound`` when `path` is not a git repository.
    public static func open(at path: String) throws(GitError) -> Repository {
        ensureLibGit2()
        var handle: OpaquePointer?
        do {
            try check("git_repository_open_ext") {
                git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
            }
        } catch {
            if error.kind == .notFound {
                throw GitError(.notFound, "\(path) is not a git repository", code: error.code,
                               errorClass: error.errorClass, function: error.function,
                               hint: "check the path, or create the repository first")
            }
            throw error
        }
        guard let handle else { throw GitError(.other, "libgit2 returned no repository", function: "git_repository_open_ext") }
        return Repository(pointer: handle)
    }

    /// Opens the repository at a file URL.
    public static func open(at url: URL) throws(GitError) -> Repository {
        try open(at: url.path)
    }

    /// Creates a repository at `path` (the directory is created when missing) and opens it.
    ///
    /// - Parameters:
    ///   - path: where to create it.
    ///   - bare: true for a bare repository (no work tree).
    ///   - initialBranch: the branch `HEAD` points to, `main` by default.
    /// - Throws: ``GitError/Kind/exists`` when a repository already exists there.
    public static func create(at path: String, bare: Bool = true, initialBranch: String = "main") throws(GitError) -> Repository {
        ensureLibGit2()
        if (try? open(at: path)) != nil {
            throw GitError(.exists, "a git repository already exists at \(path)", function: "git_repository_init_ext")
        }
        var options = git_repository_init_options()
        try check("git_repository_init_options_init") {
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
        }
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var handle: OpaquePointer?
        try check("git_repository_init_ext") {
            initialBranch.withCString { branch in
                options.initial_head = branch
                return git_repository_init_ext(&handle, path, &options)
            }
        }
        guard let handle else { throw GitError(.other, "libgit2 returned no repository", function: "git_repository_init_ext") }
        return Repository(pointer: handle)
    }

    /// Creates a repository at a file URL.
    public static func create(at url: URL, bare: Bool = true, initialBranch: String = "main") throws(GitError) -> Repository {
        try create(at: url.path, bare: bare, initialBranch: initialBranch)
    }

    /// True for a bare repository.
    public var isBare: Bool {
        git_repository_is_bare(pointer) == 1
    }

    /// The git directory: the repository itself when bare, the `.git` directory otherwise (with a trailing slash).
    public var path: String {
        String(cString: git_repository_path(pointer))
    }

    /// The work tree, or nil for a bare repository.
    public var workDirectory: String? {
        git_repository_workdir(pointer).map { String(cString: $0) }
    }

    /// True when the repository has no reference at all under `refs/` (nothing committed or fetched yet).
    public var isEmpty: Bool {
        var iterator: OpaquePointer?
        guard git_reference_iterator_glob_new(&iterator, pointer, "refs/*") == 0 else { return false }
        defer { git_reference_iterator_free(iterator) }
        var ref: OpaquePointer?
        let code = git_reference_next(&ref, iterator)
        git_reference_free(ref)
        return code == GIT_ITEROVER.rawValue
    }
}

@available(*, unavailable, message: "a Repository is used from one task at a time; open another one per thread")
extension Repository: Sendable {}
