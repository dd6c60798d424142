import Benchmark
import GraphQL
import GraphQLEngine

/// Parse the kitchen-sink query: ours vs GraphQLSwift 4.3.0, same text.
func registerParseBenchmarks() {
    let kitchenSink = Corpus.read("kitchen-sink.graphql")
    precondition(!kitchenSink.isEmpty, "kitchen-sink.graphql not found")

    Benchmark("parse kitchen-sink (GraphQLEngine)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try GraphQLEngine.parse(kitchenSink))
        }
    }
    Benchmark("parse kitchen-sink (GraphQLSwift)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try GraphQL.parse(source: kitchenSink))
        }
    }
}
