import Benchmark
import GraphQL
import GraphQLEngine
import JSON

/// The full introspection query (graphql-js's standard query with descriptions, specifiedByURL, isRepeatable,
/// schema description, input value deprecation) on the GitHub schema, parsed, validated, executed; ours also
/// serializes the response to JSON bytes.
func registerIntrospectionBenchmarks() {
    let sdl = Corpus.read("github-schema.graphql")
    let query = GraphQLEngine.getIntrospectionQuery(.tool)
    guard let ours = try? GraphQLEngine.buildSchema(sdl), let peer = try? GraphQL.buildSchema(source: sdl) else {
        preconditionFailure("cannot build github-schema.graphql")
    }

    Benchmark("introspect GitHub schema (GraphQLEngine)", configuration: .init(timeUnits: .milliseconds, maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await GraphQLEngine.graphql(schema: ours, source: query).jsonBytes())
        }
    }
    Benchmark("introspect GitHub schema (GraphQLSwift)", configuration: .init(timeUnits: .milliseconds, maxDuration: .seconds(5), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await GraphQL.graphql(schema: peer, request: query))
        }
    }
}
