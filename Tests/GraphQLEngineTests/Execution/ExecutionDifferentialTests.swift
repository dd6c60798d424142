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
        // Every case is compared, a request graphql-core rejects before execution too (then neither answers data,
        // and the errors must be the same); one the oracle cannot answer or whose schema only we fail to build is a
        // failure naming the case.
        for (i, c) in cases.enumerated() {
            let name = (c.operation.map { "operation \($0) of " } ?? "") + String(reflecting: String(c.query.prefix(300)))
            guard let expected = answers[i]["ok"] else {
                Issue.record("graphql-core could not answer \(name): \(answers[i])")
                continue
            }
            let schema: GraphQLSchema
            do {
                schema = try schemas[c.sdl] ?? buildSchema(c.sdl)
            } catch {
                Issue.record("graphql-core builds the schema of \(name), we fail: \(error)")
                continue
            }
            schemas[c.sdl] = schema
            let ours = await graphql(schema: schema, source: c.query, rootValue: c.root,
                                     variableValues: c.variables?.objectValue, operationName: c.operation).json
            let expectedData = expected["data"] ?? .null
            let ourData = ours["data"] ?? .null
            #expect(jsonEqual(ourData, expectedData), "data of \(name)\nours: \(ourData)\nexpected: \(expectedData)")
            let rejected = expected["data"] == nil
            let ourErrors = rejected ? Self.rejectionErrors(ours) : errorSet(ours)
            let expectedErrors = rejected ? Self.rejectionErrors(expected) : errorSet(expected)
            #expect(ourErrors == expectedErrors, "errors of \(name)\nours: \(ourErrors.sorted())\nexpected: \(expectedErrors.sorted())")
            compared += 1
        }
        #expect(compared == cases.count)
        return compared
    }

    /// The errors of a request graphql-core rejects before execution (no data), as graphql-js's would read:
    /// graphql-core names directive locations by its enum's values (`graphQLJSWording`), and it lacks the 2025
    /// edition's KnownOperationTypesRule, whose errors ours adds to a request rejected anyway (a request it does not
    /// reject gets the same error at execution from graphql-core: `editionWording`).
    static func rejectionErrors(_ response: JSONValue) -> Set<String> {
        Set(errorSet(response).compactMap { entry in
            var parts = entry.components(separatedBy: " @ ")
            parts[0] = graphQLJSWording(parts[0])
            return parts[0].hasSuffix(" operation is not supported by the schema.") ? nil : parts.joined(separator: " @ ")
        })
    }

    @Test("marketplace documents")
    func marketplace() async throws {
        let root = Marketplace.root()
        let n = try await compare(Marketplace.documents.map { (Marketplace.sdl, $0.query, $0.variables, root, nil) })
        #expect(n >= 30)
        print("execution: \(n) marketplace responses equal graphql-core's")
    }

    /// graphql-js stops coercing variables at the error past 50, wherever it arises (an item deep in a list too):
    /// 50 errors and "Too many errors processing variables...". Exactly 50 errors are reported as they are.
    @Test("the variable-error cap")
    func variableErrorCap() async throws {
        let sdl = "input Filter { ids: [Int!]! } type Query { count(ids: [Int!], filter: Filter, more: [Int]): Int }"
        let query = "query($ids: [Int!], $filter: Filter, $more: [Int]) { count(ids: $ids, filter: $filter, more: $more) }"
        func bad(_ count: Int) -> JSONValue { .array((0..<count).map { .string("x\($0)") }) }
        var cases: [(String, String, JSONValue?, JSONValue, String?)] = []
        for count in [49, 50, 51, 120] { cases.append((sdl, query, .object(JSONObject([("ids", bad(count))])), .object(JSONObject()), nil)) }
        // Across variables and inside an input object: 30 + 30.
        cases.append((sdl, query, .object(JSONObject([("ids", bad(30)), ("filter", .object(JSONObject([("ids", bad(30))])))])), .object(JSONObject()), nil))
        cases.append((sdl, query, .object(JSONObject([("ids", bad(50)), ("more", bad(1))])), .object(JSONObject()), nil))
        #expect(try await compare(cases) == cases.count)
        let schema = try buildSchema(sdl)
        let capped = await graphql(schema: schema, source: query, variableValues: JSONObject([("ids", bad(120))]))
        #expect(capped.errors.count == 51)
        #expect(capped.errors.last?.message == "Too many errors processing variables, error limit reached. Execution aborted.")
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

    @Test("graphql-core's validation documents, executed on an empty root (the invalid ones rejected alike)")
    func corpusDocuments() async throws {
        guard case .array(let docs) = try JSONReader.parse(Corpus.read("graphql-core-tests/documents.json")) else {
            Issue.record("documents.json is not a list")
            return
        }
        var cases: [(String, String, JSONValue?, JSONValue, String?)] = []
        var sdlCache: [String: String] = [:]
        for d in docs {
            guard let schemaFile = d["schema"]?.stringValue, let doc = d["document"]?.stringValue else {
                Issue.record("a corpus entry without a schema or a document: \(d)")
                continue
            }
            let path = schemaFile.contains("/") || schemaFile == "harness_test_schema.graphql"
                ? "graphql-core-tests/" + schemaFile : "graphql-core-tests/schemas/" + schemaFile
            let sdl = try sdlCache[path] ?? Corpus.read(path)
            sdlCache[path] = sdl
            cases.append((sdl, doc, nil, [:], nil))
        }
        let n = try await compare(cases)
        #expect(n == docs.count)
        print("execution: \(n) corpus documents compared with graphql-core's responses")
    }
}
