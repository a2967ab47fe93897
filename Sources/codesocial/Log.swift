import ArgumentParser
import Foundation
import Git
import JSONSchema
import Registry

extension Codesocial {
    /// `codesocial log ID`.
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Show an entry's history: the commits that changed it, with authors, dates and messages, newest first."
        )

        @Argument(help: "The entry's id.")
        var id: String

        @Option(help: "At most this many commits.")
        var limit: Int?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var source: RegistryReadingOptions
        @OptionGroup var languageOptions: LanguageOptions

        func validate() throws {
            try validateLimit(limit, language: languageOptions.language)
        }

        func run() async throws {
            let language = languageOptions.language
            let commits: [Commit]
            do throws(RegistryError) {
                let reader = try source.open()
                commits = try reader.history(of: id, limit: limit ?? .max)
                if commits.isEmpty { throw Reading.missingEntry(id, in: reader) }
            } catch {
                throw report(error, format: format, language: language)
            }
            switch format {
            case .json:
                Reading.printJSON(.object(JSONObject([
                    ("id", .string(id)),
                    ("commits", .array(commits.map { commit in
                        .object(JSONObject([
                            ("commit", .string(commit.id.hex)),
                            ("author", .object(JSONObject([("name", .string(commit.author.name)), ("email", .string(commit.author.email))]))),
                            ("date", .string(Self.isoDate(commit.author))),
                            ("message", .string(commit.message.trimmingCharacters(in: .whitespacesAndNewlines))),
                        ]))
                    })),
                ])))
            case .text:
                var out = ""
                for commit in commits {
                    out += "commit \(commit.id.hex)\n"
                    out += "Author: \(commit.author.formatted)\n"
                    out += "Date:   \(Self.isoDate(commit.author))\n\n"
                    for line in commit.message.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false) {
                        out += "    \(line)\n"
                    }
                    out += "\n"
                }
                Terminal.write(out)
            }
        }

        /// `2026-11-23T23:57:10+01:00`, in the author's own offset.
        static func isoDate(_ signature: Signature) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: signature.offsetMinutes * 60) ?? TimeZone(secondsFromGMT: 0)
            return formatter.string(from: signature.date)
        }
    }
}
