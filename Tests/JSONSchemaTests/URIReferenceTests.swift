import Testing
@testable import JSONSchema

@Suite("URI references")
struct URIReferenceTests {
    @Test("a fragment-only reference resolves as RFC 3986 says, through the short path",
          arguments: ["https://codesocial.org/schema/v1/codesocial.schema.json", "https://example.com/a/b?q=1",
                      "https://example.com/root.json#old", "urn:example:root", "file:///tmp/s.json", "tag:x", "relative/path", ""])
    func fragmentOnly(_ base: String) {
        for reference in ["#/$defs/slug", "#anchor", "#", "#/a%20b/~0c"] {
            let general = URIReference(reference).resolved(against: URIReference(base)).text
            #expect(URIReference.resolve(reference, against: base) == general, "\(reference) against \(base)")
        }
        #expect(URIReference.resolve("#/$defs/slug", against: "https://example.com/s.json#x") == "https://example.com/s.json#/$defs/slug")
    }

    @Test("other references still resolve in full (RFC 3986 §5.4 examples)")
    func general() {
        let base = "http://a/b/c/d;p?q"
        #expect(URIReference.resolve("g", against: base) == "http://a/b/c/g")
        #expect(URIReference.resolve("../g", against: base) == "http://a/b/g")
        #expect(URIReference.resolve("?y", against: base) == "http://a/b/c/d;p?y")
        #expect(URIReference.resolve("//g", against: base) == "http://g")
        #expect(URIReference.resolve("g#s", against: base) == "http://a/b/c/g#s")
    }
}
