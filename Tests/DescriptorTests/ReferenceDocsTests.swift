import Foundation
import Testing
@testable import Descriptor

@Suite("Field reference")
struct ReferenceDocsTests {
    static let packageRoot = ScaffoldTests.packageRoot

    @Test("the committed docs/format.md and docs/format.fr.md are the generated ones", arguments: Language.allCases)
    func upToDate(language: Language) throws {
        let path = FieldReference.path(for: language)
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let generated = try FieldReference(schema: DescriptionSchema.value).markdown(in: language)
        if committed != generated {
            let committedLines = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(committedLines, generatedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(committedLines.count, generatedLines.count)
            Issue.record("""
                \(path) differs from the reference generated from the schema (first difference at line \(first + 1)).
                Regenerate it from the package root with:
                  swift run codesocial \(FieldReference.command(for: language).dropFirst("codesocial ".count))
                """)
        }
    }

    @Test("documents every field of the schema with its title in the language", arguments: Language.allCases)
    func everyField(language: Language) throws {
        let markdown = try FieldReference(schema: DescriptionSchema.value).markdown(in: language)
        let paths = try ScaffoldTests.propertyPaths()
        #expect(paths.count > 150)
        for (path, title, frenchTitle) in paths {
            let dotted = path.joined(separator: ".")
            // List items appear as `field[].key`.
            let row = markdown.split(separator: "\n").first { line in
                line.hasPrefix("| `") && line.dropFirst(3).prefix { $0 != "`" }.replacingOccurrences(of: "[]", with: "") == dotted
                    || line.hasPrefix("| [`\(dotted)`]")
            }
            let found = try #require(row, "\(dotted) is not documented")
            let expected = language == .fr ? frenchTitle : title
            #expect(found.contains("**\(expected)**"), "\(dotted): \(found)")
        }
    }

    @Test("describes types, requirements and links in the language")
    func rows() throws {
        let reference = try FieldReference(schema: DescriptionSchema.value)
        let english = reference.markdown(in: .en)
        let french = reference.markdown(in: .fr)
        #expect(english.hasPrefix("<!-- Generated from schema/codesocial.schema.json by `codesocial schema --reference --lang en --output docs/format.md`."))
        #expect(english.contains("| `codesocial` | always `1` | yes | **Format version** — "))
        #expect(english.contains("| `kind` | one of `project`, `organisation`, `idea`, `collaboration` | yes | **Kind** — "))
        #expect(english.contains("| [`story`](#field-story) | section or `not_applicable` |  | **Story and narrative** — "))
        #expect(english.contains("| `general.founded` | [Date](#type-date) |  | **Founded** — "))
        #expect(english.contains("| `governance.maintainers` | list of objects (at least 1) | yes | "))
        #expect(english.contains("| `story.milestones[].date` | [Date](#type-date) | yes | "))
        #expect(english.contains("<a id=\"type-date\"></a>\n\n### Date (`date`)\n"))
        #expect(french.contains("| `codesocial` | toujours `1` | oui | **Version du format** — "))
        #expect(french.contains("| `story.milestones[].date` | [Date](#type-date) | oui | "))
        #expect(french.contains("*[English version](format.md)*"))
        // A `|` inside a pattern would split the table row.
        for line in english.split(separator: "\n") where line.hasPrefix("| `actions[].serves`") {
            #expect(line.contains("\\|social_human\\|"))
        }
    }
}
