import Foundation
import GraphQLEngine
import Stores
import Testing
@testable import Gateway

/// Whole responses live for one generation, only newer generations replace them, and the bounds hold.
@Suite struct ResponseCacheTests {
    static func key(_ query: String, _ variables: String = "") -> ResponseCache.Key {
        ResponseCache.Key(query: query, operationName: nil, variables: Array(variables.utf8))
    }

    @Test func responsesLiveForOneGeneration() {
        let cache = ResponseCache()
        let detail = Self.key("{ gifticon(id: 1) { id } }")
        #expect(cache.response(for: detail, generation: LSN(100)) == nil)
        cache.store(Array("one".utf8), for: detail, generation: LSN(100))
        #expect(cache.response(for: detail, generation: LSN(100)) == Array("one".utf8))
        #expect(cache.response(for: Self.key("{ gifticon(id: 1) { id } }", #"{"a":1}"#), generation: LSN(100)) == nil,
                "other variables, another response")
        #expect(cache.response(for: detail, generation: LSN(200)) == nil, "a newer generation never sees older bytes")
        // A late store from an older generation does not replace the newer one's entries.
        cache.store(Array("two".utf8), for: detail, generation: LSN(200))
        cache.store(Array("late".utf8), for: detail, generation: LSN(100))
        #expect(cache.response(for: detail, generation: LSN(200)) == Array("two".utf8))
        #expect(cache.response(for: detail, generation: LSN(100)) == nil)
    }

    /// Bounded by entries and by bytes, the keys' texts counted with the answers.
    @Test func boundsAndWhatIsNeverKept() {
        let entry = ResponseCache.cost(Array("12345".utf8), Self.key("a"))
        let cache = ResponseCache(capacity: 3, byteCapacity: 2 * entry)
        cache.store(Array("12345".utf8), for: Self.key("a"), generation: LSN(1))
        cache.store(Array("12345".utf8), for: Self.key("b"), generation: LSN(1))
        #expect(cache.response(for: Self.key("a"), generation: LSN(1)) != nil)
        #expect(cache.statistics.bytes == 2 * entry)
        cache.store(Array("1".utf8), for: Self.key("c"), generation: LSN(1))
        #expect(cache.response(for: Self.key("a"), generation: LSN(1)) == nil, "full by bytes: it starts over")
        #expect(cache.response(for: Self.key("c"), generation: LSN(1)) != nil)
        // A key as large as the budget (a long query text, large variables) is not kept at all.
        let huge = ResponseCache.Key(query: String(repeating: "q", count: 2 * entry), operationName: nil, variables: [])
        cache.store(Array("1".utf8), for: huge, generation: LSN(1))
        #expect(cache.response(for: huge, generation: LSN(1)) == nil && cache.statistics.bytes <= 2 * entry)
        #expect(!ResponseCache.mayKeep("{ syncStatus { lagMilliseconds } }"))
        #expect(ResponseCache.mayKeep("{ brands { id } }"))
    }
}
