import Descriptor
import Foundation
import Git

extension PublishEntry {
    /// The entry a checked description publishes as, or nil when the report has errors or the
    /// document lacks an `id` or an integer `codesocial:` version (both are schema errors anyway).
    /// - Parameters:
    ///   - report: what ``DescriptionChecker`` said about `contents`.
    ///   - contents: the file's bytes, published as they are.
    public init?(report: FileReport, contents: Data) {
        guard report.valid, let value = report.value, let id = report.id, let version = report.formatVersion else { return nil }
        let maintainer = Description(value).maintainers.first { ($0.email ?? "").isEmpty == false && ($0.name ?? "").isEmpty == false }
        self.init(id: id, formatVersion: version, contents: contents, sourcePath: report.path,
                  maintainer: maintainer.flatMap { m in m.name.flatMap { name in m.email.map { Signature(name: name, email: $0) } } })
    }
}
