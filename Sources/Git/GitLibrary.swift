import Foundation

/// The git library's one-time set-up, which a command can start early.
///
/// `git_libgit2_init` costs about 7 ms on a Debian/Ubuntu libgit2 built with mbedTLS: it parses the
/// whole system CA bundle (`/etc/ssl/certs/ca-certificates.crt`, ~140 certificates) whether or not the
/// process ever opens a TLS connection. Every entry point of this module initialises libgit2 on first
/// use (``ensureLibGit2()``); a command that knows it will need git soon (publish, which first reads
/// and validates a description) can start that work on another core instead.
public enum GitLibrary {
    /// Starts libgit2's initialisation on a background thread and returns at once.
    ///
    /// Safe at any time and any number of times: the initialisation runs once per process, and a
    /// thread that needs libgit2 meanwhile waits for it to finish (a Swift global's one-time
    /// initialiser). On one core it costs nothing extra; on two or more it hides the start-up cost.
    public static func initializeInBackground() {
        _ = started
    }

    /// One background thread per process, however many times ``initializeInBackground()`` is called.
    private static let started: Void = {
        Thread.detachNewThread { ensureLibGit2() }
    }()
}
