import GraphQLEngine
import Testing

@Suite("Printer")
struct PrinterTests {
    /// parse(print(parse(doc))) is the same tree as parse(doc), and printing is idempotent.
    @Test func roundTripOnCorpus() throws {
        var sources = try ["kitchen-sink.graphql", "schema-kitchen-sink.graphql", "github-schema.graphql"].map(LanguageCorpus.read)
        sources += try LanguageCorpus.documents(inJSON: "graphql-core-tests/documents.json")
        sources += try LanguageCorpus.fixtures()
        // The hand-written cases mix valid and invalid documents (ParserDifferentialTests holds each to graphql-core's
        // answer): the valid ones join; the corpus parses whole (graphql-core parses all of it), so a failure there
        // is an issue, not a skip.
        let options = ParseOptions(noLocation: true)
        sources += LanguageCases.documents.filter { (try? parse($0, options: options)) != nil }
        var checked = 0
        for source in sources {
            let document: DocumentNode
            do { document = try parse(source, options: options) } catch {
                Issue.record("\(error.message) in \(String(reflecting: String(source.prefix(300))))")
                continue
            }
            let printed = print(document)
            let reparsed = try parse(printed, options: options)
            #expect(reparsed == document, "\(source)")
            #expect(print(reparsed) == printed)
            checked += 1
        }
        #expect(checked == sources.count && checked > 200)
    }

    @Test func printsLikeGraphQLJS() throws {
        #expect(print(try parse("query { a }")) == "{\n  a\n}")
        #expect(print(try parse("query Q($a: Int = 1 @d) @x { b: a(x: [1, {y: null}]) ...F ... on T { c } }"))
            == "query Q($a: Int = 1 @d) @x {\n  b: a(x: [1, {y: null}])\n  ...F\n  ... on T {\n    c\n  }\n}")
        #expect(printString("a\"b\\c\n\u{0}\u{7F}é") == #""a\"b\\c\n\u0000\u007Fé""#)
        #expect(printBlockString("  indented") == "\"\"\"  indented\"\"\"")
        #expect(printBlockString("line\nline2") == "\"\"\"\nline\nline2\n\"\"\"")
    }
}
