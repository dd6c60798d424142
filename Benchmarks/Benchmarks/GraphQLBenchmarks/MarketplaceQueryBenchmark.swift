import Benchmark
import GraphQL
import GraphQLEngine
import JSON

/// Parse + validate + execute a marketplace query: 100 listings, 10 fields each, two nested objects.
/// Note: GraphQLEngine's validation rules are not written yet (`validateDocument` runs none), while
/// GraphQLSwift runs its specified rules; the "no validation" peer run isolates parse + execute.
func registerMarketplaceQueryBenchmarks() {
    let root = MarketplaceData.root(items: 100)
    guard let ours = try? GraphQLEngine.buildSchema(MarketplaceData.sdl),
          let peer = try? GraphQL.buildSchema(source: MarketplaceData.sdl) else { preconditionFailure("schema") }
    let variables: [String: Map] = ["first": 100]
    let ourVariables = JSONObject([("first", 100)])

    Benchmark("marketplace query 100x10 (GraphQLEngine)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await GraphQLEngine.graphql(
                schema: ours, source: MarketplaceData.query, rootValue: root, variableValues: ourVariables).jsonBytes())
        }
    }
    Benchmark("marketplace query 100x10 (GraphQLSwift)", configuration: .init(maxDuration: .seconds(3), maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await GraphQL.graphql(schema: peer, request: MarketplaceData.query, rootValue: root, variableValues: variables))
        }
    }
    Benchmark("marketplace query 100x10 (GraphQLSwift, no validation)", configuration: .init(maxDuration: .seconds(3), maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await GraphQL.graphql(
                schema: peer, request: MarketplaceData.query, rootValue: root, variableValues: variables, validationRules: []))
        }
    }
}
