import Foundation

/// Something that signs commits (SSH or OpenPGP): given the commit buffer, returns the armored signature.
///
/// ``Repository/createCommit(tree:parents:author:committer:message:signer:)`` stores the result in the
/// commit's `gpgsig` header, where `git verify-commit` finds it.
public protocol CommitSigner {
    /// Signs the raw commit object (as `git cat-file commit` prints it, without the signature header).
    /// - Returns: the armored signature (`-----BEGIN SSH SIGNATURE-----…`); trailing newlines are ignored.
    func sign(_ commitBuffer: Data) throws -> String
}
