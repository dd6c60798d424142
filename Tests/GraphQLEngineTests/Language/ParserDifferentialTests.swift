import Foundation
import GraphQLEngine
import Testing

/// print(parse(doc)) and syntax errors (message modulo quoting, line:column) equal graphql-core's, live.
@Suite("Parser vs graphql-core")
struct ParserDifferentialTests {
    static func check(_ requests: [LanguageOracle.Request], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let mismatches = try LanguageOracle.mismatches(requests)
        for (request, ours, theirs) in mismatches.prefix(20) {
            Issue.record(
                "\(request.op) of \(String(reflecting: request.source.prefix(300)))\nours:   \(ours)\ntheirs: \(theirs)",
                sourceLocation: sourceLocation)
        }
        let count = mismatches.count
        #expect(count == 0, "\(count) of \(requests.count) differ", sourceLocation: sourceLocation)
    }

    @Test func kitchenSinks() throws {
        let names = ["kitchen-sink.graphql", "schema-kitchen-sink.graphql", "github-schema.graphql"]
        try Self.check(names.map { LanguageOracle.Request(source: try LanguageCorpus.read($0)) })
    }

    @Test func graphqlCoreTestDocuments() throws {
        var sources = try LanguageCorpus.documents(inJSON: "graphql-core-tests/documents.json")
        sources += try LanguageCorpus.documents(inJSON: "graphql-core-tests/sdl_documents.json")
        sources += try LanguageCorpus.graphqlFiles(in: "graphql-core-tests/sdl")
        sources += try LanguageCorpus.graphqlFiles(in: "graphql-core-tests/schemas")
        #expect(sources.count > 300)
        try Self.check(sources.map { LanguageOracle.Request(source: $0) })
    }

    @Test func handWrittenDocuments() throws {
        let sources = try LanguageCases.documents + LanguageCorpus.fixtures()
        try Self.check(sources.map { LanguageOracle.Request(source: $0) })
    }

    @Test func valuesAndTypes() throws {
        try Self.check(
            LanguageCases.values.map { LanguageOracle.Request(op: "parseValue", source: $0) }
                + LanguageCases.types.map { LanguageOracle.Request(op: "parseType", source: $0) })
    }

    @Test func maxTokens() throws {
        let kitchen = try LanguageCorpus.read("kitchen-sink.graphql")
        try Self.check([5, 50, 200, 10_000].map { LanguageOracle.Request(source: kitchen, maxTokens: $0) })
    }

    /// Every prefix of the kitchen sinks: each ends in a syntax error (or a document) like graphql-core's.
    @Test func truncatedDocuments() throws {
        var requests: [LanguageOracle.Request] = []
        for name in ["kitchen-sink.graphql", "schema-kitchen-sink.graphql"] {
            let text = Array(try LanguageCorpus.read(name).unicodeScalars)
            for cut in stride(from: 0, to: text.count, by: 3) {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: text[0..<cut])
                requests.append(LanguageOracle.Request(source: String(prefix)))
            }
        }
        try Self.check(requests)
    }
}
