import Foundation
import Git
import Testing
import TestSupport

/// Signs with `ssh-keygen -Y sign`, as git does with `gpg.format=ssh`.
struct SSHKeygenSigner: CommitSigner {
    let keyPath: String
    let scratch: TemporaryDirectory

    func sign(_ commitBuffer: Data) throws -> String {
        let file = scratch.url.appendingPathComponent("buffer-\(UUID().uuidString)")
        try commitBuffer.write(to: file)
        try Shell.run(["ssh-keygen", "-Y", "sign", "-n", "git", "-f", keyPath, file.path])
        return try String(contentsOfFile: file.path + ".sig", encoding: .utf8)
    }
}

struct FailingSigner: CommitSigner {
    struct Refused: Error, CustomStringConvertible { var description: String { "the agent refused to sign" } }
    func sign(_ commitBuffer: Data) throws -> String { throw Refused() }
}

@Suite("Signed commits")
struct SigningTests {
    @Test("a commit signed with an SSH key verifies with git verify-commit")
    func sshSignedCommit() throws {
        let scratch = try ScratchRepository()
        let key = scratch.directory.path("signing_key")
        try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", key])
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
        let allowed = try scratch.directory.write("alice@example.org \(publicKey)", to: "allowed_signers")
        let repo = scratch.repository
        let tree = try repo.updatedTree(base: nil, changes: [.upsert(path: "a", blob: try repo.writeBlob(Data("x".utf8)))])
        let commit = try repo.createCommit(tree: tree, parents: [], author: ScratchRepository.alice,
                                           committer: ScratchRepository.alice, message: "signed",
                                           signer: SSHKeygenSigner(keyPath: key, scratch: scratch.directory))
        try repo.setConfig("gpg.format", to: "ssh")
        try repo.setConfig("gpg.ssh.allowedSignersFile", to: allowed)
        let verified = try Shell.git("verify-commit", "-v", commit.hex, in: scratch.path, check: false)
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.stderr.contains("Good \"git\" signature for alice@example.org"))
        #expect(try repo.commit(commit).message == "signed\n")
        #expect(try Shell.git("cat-file", "commit", commit.hex, in: scratch.path).stdout.contains("gpgsig -----BEGIN SSH SIGNATURE-----"))
    }

    @Test("a failing signer is reported and writes nothing")
    func failingSigner() throws {
        let scratch = try ScratchRepository()
        let tree = try scratch.repository.emptyTree()
        let error = try #require(throws: GitError.self) {
            try scratch.repository.createCommit(tree: tree, parents: [], author: ScratchRepository.alice,
                                                committer: ScratchRepository.alice, message: "m", signer: FailingSigner())
        }
        #expect(error.message.contains("the agent refused to sign"))
    }
}
