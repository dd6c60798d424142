import Foundation
import JSON
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("Execution equals graphql-core's", .serialized)
struct ExecutionDifferentialTests {
    func compare(_ cases: [(sdl: String, query: String, variables: JSONValue?, root: JSONValue, operation: String?)]) async throws -> Int {
        let answers = try GraphQLCoreOracle.ask(cases.map { c in
            var o = JSONObject()
            o["op"] = "execute"
            o["sdl"] = .string(c.sdl)
            o["query"] = .string(c.query)
            if let v = c.variables { o["variables"] = v }
            o["root"] = c.root
            if let op = c.operation { o["operation"] = .string(op) }
            return .object(o)
        })
        var schemas: [String: GraphQLSchema] = [:]
        var compared = 0
        for (i, c) in cases.enumerated() {
            guard let expected = answers[i]["ok"], expected["data"] != nil else { continue }  // invalid per graphql-js
            let schema = try schemas[c.sdl] ?? buildSchema(c.sdl)
            schemas[c.sdl] = schema
            let ours = await graphql(schema: schema, source: c.query, rootValue: c.root,
                                     variableValues: c.variables?.objectValue, operationName: c.operation).json
            let expectedData = expected["data"] ?? .null
            let ourData = ours["data"] ?? .null
            #expect(jsonEqual(ourData, expectedData), "data of \(c.query)\nours: \(ourData)\nexpected: \(expectedData)")
            #expect(errorSet(ours) == errorSet(expected), "errors of \(c.query)")
            compared += 1
        }
        return compared
    }

    @Test("marketplace documents")
    func marketplace() async throws {
        let root = Marketplace.root()
        let n = try await compare(Marketplace.documents.map { (Marketplace.sdl, $0.query, $0.variables, root, nil) })
        #expect(n >= 30)
        print("execution: \(n) marketplace responses equal graphql-core's")
    }

    @Test("operation selection by name")
    func operationNames() async throws {
        let root = Marketplace.root(items: 2)
        let doc = "query Q1 { brands { id } } query Q2 { echo } mutation M { cancel(id: 1) }"
        let n = try await compare([
            (Marketplace.sdl, doc, nil, root, "Q1"), (Marketplace.sdl, doc, nil, root, "Q2"),
            (Marketplace.sdl, doc, nil, root, "M"), (Marketplace.sdl, doc, nil, root, "Nope"),
            (Marketplace.sdl, doc, nil, root, nil),
        ])
        #expect(n == 5)
    }

    @Test("graphql-core's validation documents that are valid, executed on an empty root")
    func corpusDocuments() async throws {
        guard case .array(let docs) = try JSONReader.parse(Corpus.read("graphql-core-tests/documents.json")) else { return }
        var cases: [(String, String, JSONValue?, JSONValue, String?)] = []
        var sdlCache: [String: String] = [:]
        for d in docs {
            guard let schemaFile = d["schema"]?.stringValue, let doc = d["document"]?.stringValue else { continue }
            let path = schemaFile.contains("/") || schemaFile == "harness_test_schema.graphql"
                ? "graphql-core-tests/" + schemaFile : "graphql-core-tests/schemas/" + schemaFile
            guard let sdl = try sdlCache[path] ?? (try? Corpus.read(path)) else { continue }
            sdlCache[path] = sdl
            cases.append((sdl, doc, nil, [:], nil))
        }
        let n = try await compare(cases)
        #expect(n > 50)
        print("execution: \(n) corpus documents' responses equal graphql-core's")
    }
}
