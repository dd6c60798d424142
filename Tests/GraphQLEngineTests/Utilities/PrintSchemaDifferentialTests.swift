import Foundation
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("printSchema equals graphql-core's print_schema", .serialized)
struct PrintSchemaDifferentialTests {
    @Test("over the whole corpus")
    func corpus() throws {
        let schemas = CorpusSchemas.all
        #expect(schemas.count > 100)
        #expect(schemas.count == CorpusSchemas.paths.count, "unreadable corpus schemas")
        let answers = try GraphQLCoreOracle.ask(schemas.map { ["op": "print", "sdl": .string($0.sdl)] })
        var compared = 0
        var bothRejected = 0
        for (i, (path, sdl)) in schemas.enumerated() {
            // A schema graphql-core cannot build must not build here either.
            guard case .string(let expected)? = answers[i]["ok"] else {
                if let ours = try? printSchema(buildSchema(sdl)) {
                    Issue.record("\(path): graphql-core fails (\(answers[i])), we build and print it: \(ours.prefix(300))")
                } else {
                    bothRejected += 1
                }
                continue
            }
            let ours: String
            do { ours = printSchema(try buildSchema(sdl)) } catch {
                Issue.record("\(path): graphql-core builds it, we fail: \(error)")
                continue
            }
            #expect(ours == expected, "\(path)")
            if ours != expected {
                let base = "/tmp/gql-diff/" + path.replacingOccurrences(of: "/", with: "_")
                try? FileManager.default.createDirectory(atPath: "/tmp/gql-diff", withIntermediateDirectories: true)
                try? ours.write(toFile: base + ".ours", atomically: true, encoding: .utf8)
                try? expected.write(toFile: base + ".expected", atomically: true, encoding: .utf8)
            }
            compared += 1
        }
        #expect(compared > 50)
        #expect(compared + bothRejected == schemas.count)
        #expect(bothRejected >= 25, "the corpus's invalid SDL documents")
        print("printSchema: \(compared) of \(schemas.count) corpus schemas equal graphql-core's print_schema; \(bothRejected) rejected by both")
    }

    @Test("printing our printed schema is stable")
    func idempotent() throws {
        for (path, sdl) in CorpusSchemas.all.prefix(60) {
            guard let s = try? buildSchema(sdl) else { continue }
            let printed = printSchema(s)
            #expect(printSchema(try buildSchema(printed)) == printed, "\(path)")
        }
    }
}
