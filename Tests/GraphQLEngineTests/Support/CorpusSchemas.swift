import Foundation
import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

/// The schemas of the shared corpus, invalid ones included (the differential tests hold both sides to reject those
/// alike); `all` has every one of `paths`, or the tests that use it fail.
enum CorpusSchemas {
    static let paths: [String] = ["github-schema.graphql", "graphql-core-tests/harness_test_schema.graphql"]
        + Corpus.files(in: "graphql-core-tests/schemas") + Corpus.files(in: "graphql-core-tests/sdl")

    static let all: [(path: String, sdl: String)] = paths.compactMap { p in (try? Corpus.read(p)).map { (p, $0) } }
}
