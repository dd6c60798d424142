import Benchmark
import GraphQL
import GraphQLEngine

/// Build the GitHub schema (552 types) from SDL: ours vs GraphQLSwift 4.3.0, same text.
func registerBuildSchemaBenchmarks() {
    let sdl = Corpus.read("github-schema.graphql")
    precondition(!sdl.isEmpty, "github-schema.graphql not found")

    Benchmark("build GitHub schema from SDL (GraphQLEngine)", configuration: .init(timeUnits: .milliseconds, maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try GraphQLEngine.buildSchema(sdl))
        }
    }
    Benchmark("build GitHub schema from SDL (GraphQLSwift)", configuration: .init(timeUnits: .milliseconds, maxDuration: .seconds(3), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try GraphQL.buildSchema(source: sdl))
        }
    }
}
