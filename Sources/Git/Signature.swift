import Foundation
internal import CLibGit2

/// Who made a commit and when: a name, an e-mail address, a date and the UTC offset it was made in.
public struct Signature: Hashable, Sendable {
    /// The person's name.
    public var name: String
    /// The person's e-mail address (without angle brackets).
    public var email: String
    /// The instant.
    public var date: Date
    /// The offset from UTC in minutes of the author's clock (`+0200` is 120).
    public var offsetMinutes: Int

    /// Creates a signature; the date defaults to now and the offset to the current time zone's.
    public init(name: String, email: String, date: Date = Date(), offsetMinutes: Int? = nil) {
        self.name = name
        self.email = email
        self.date = date
        self.offsetMinutes = offsetMinutes ?? TimeZone.current.secondsFromGMT(for: date) / 60
    }

    /// `Name <email>`, as git prints it.
    public var formatted: String { "\(name) <\(email)>" }

    // MARK: C boundary

    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = value.name.map { String(cString: $0) } ?? ""
        email = value.email.map { String(cString: $0) } ?? ""
        date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        offsetMinutes = Int(value.when.offset)
    }

    /// Calls `body` with a libgit2 signature that lives for the call.
    func withGitSignature<T>(_ body: (UnsafeMutablePointer<git_signature>) throws(GitError) -> T) throws(GitError) -> T {
        for (label, text) in [("name", name), ("e-mail", email)] {
            if text.contains("<") || text.contains(">") || text.contains("\n") || text.contains("\0") {
                throw GitError(.invalid, "the signature \(label) \"\(text)\" must not contain '<', '>' or a line break",
                               function: "git_signature_new")
            }
        }
        var pointer: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t(date.timeIntervalSince1970.rounded(.down))
        try check("git_signature_new") { git_signature_new(&pointer, name, email, seconds, Int32(clamping: offsetMinutes)) }
        guard let pointer else { throw GitError(.other, "git_signature_new returned no signature", function: "git_signature_new") }
        defer { git_signature_free(pointer) }
        return try body(pointer)
    }
}
