import Benchmark
import GraphQL
import GraphQLEngine
import JSON

/// Per-resolved-field cost: execute a parsed query over a 1,000-item list with 10 leaf fields each
/// (11,001 resolved fields: the list, 1,000 objects, 10,000 leaves); divide the time by 11,001.
/// Same `[String: any Sendable]` data for both engines; ours also from `JSONValue` data.
func registerFieldCostBenchmarks() {
    let sdl = "type Query { items: [Item!]! } type Item { id: ID! name: String! price: Int! rate: Float active: Boolean! a: String b: String c: String d: String e: String }"
    let query = "{ items { id name price rate active a b c d e } }"
    var dictItems: [any Sendable] = []
    var jsonItems: [JSONValue] = []
    for i in 0..<1000 {
        dictItems.append(["id": "i\(i)", "name": "item \(i)", "price": i, "rate": 1.5, "active": true,
                          "a": "a", "b": "b", "c": "c", "d": "d", "e": "e"] as [String: any Sendable])
        jsonItems.append(["id": .string("i\(i)"), "name": .string("item \(i)"), "price": .int(i), "rate": 1.5, "active": true,
                          "a": "a", "b": "b", "c": "c", "d": "d", "e": "e"])
    }
    let dictRoot: [String: any Sendable] = ["items": dictItems]
    let jsonRoot: JSONValue = ["items": .array(jsonItems)]
    guard let ours = try? GraphQLEngine.buildSchema(sdl), let peer = try? GraphQL.buildSchema(source: sdl),
          let ourDocument = try? GraphQLEngine.parse(query), let peerDocument = try? GraphQL.parse(source: query)
    else { preconditionFailure("schema/query") }

    Benchmark("1,000 items x 10 fields execute (GraphQLEngine, dictionaries)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await GraphQLEngine.execute(schema: ours, document: ourDocument, rootValue: dictRoot))
        }
    }
    Benchmark("1,000 items x 10 fields execute (GraphQLEngine, JSONValue)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await GraphQLEngine.execute(schema: ours, document: ourDocument, rootValue: jsonRoot))
        }
    }
    Benchmark("1,000 items x 10 fields execute (GraphQLSwift, dictionaries)", configuration: .init(maxDuration: .seconds(3), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await GraphQL.execute(schema: peer, documentAST: peerDocument, rootValue: dictRoot, context: ()))
        }
    }
}
