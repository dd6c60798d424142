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
        var known = 0
        for (i, (path, sdl)) in schemas.enumerated() {
            // A schema graphql-core cannot build must not build here either, unless it is a known divergence.
            guard case .string(let expected)? = answers[i]["ok"] else {
                let ours = try? printSchema(buildSchema(sdl))
                if ours == nil {
                    bothRejected += 1
                    #expect(!KnownDivergences.sdlValidationNotRun.contains(path), "\(path) no longer diverges: unlist it")
                } else if KnownDivergences.sdlValidationNotRun.contains(path) {
                    known += 1
                } else {
                    Issue.record("\(path): graphql-core fails (\(answers[i])), we build and print it: \(ours!.prefix(300))")
                }
                continue
            }
            #expect(!KnownDivergences.sdlValidationNotRun.contains(path), "\(path): graphql-core builds it: unlist it")
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
        #expect(compared + bothRejected + known == schemas.count)
        print("printSchema: \(compared) of \(schemas.count) corpus schemas equal graphql-core's print_schema; \(bothRejected) rejected by both, \(known) known divergences")
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
