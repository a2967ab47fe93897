/// The exit codes of the whole `codesocial` tool (docs/exit-codes.md). Every command exits
/// with one of these; scripts may rely on them.
enum ExitCodes: Int32, CaseIterable {
    /// Success (warnings allowed unless `--strict`).
    case ok = 0
    /// Invalid input: a description or a registry fails validation (or a `--schema` is not a usable schema).
    case invalidInput = 1
    /// Conflict: the registry's copy of an entry changed since this user last saw it.
    case conflict = 3
    /// Authentication failed (wrong password or token, key refused).
    case authenticationFailed = 4
    /// The server's SSH host key is unknown or changed.
    case hostKey = 5
    /// Network error: unreachable host, connection lost, or timeout.
    case network = 6
    /// The registry does not exist at that address.
    case registryNotFound = 7
    /// Not a codesocial registry, or it does not accept this format version.
    case notARegistry = 8
    /// Usage error: unknown option, bad value, missing argument.
    case usage = 64
    /// An input file or directory was not found or cannot be read.
    case inputNotFound = 66
    /// Internal error: a bug in codesocial.
    case internalError = 70
    /// Cannot write: disk full, permissions, or a lock held by another process.
    case cannotWrite = 74
}
