import Foundation
import GraphQLEngine
import Stores
import Testing
@testable import Gateway

/// The cache's rules: entries live for one applied position, a fetch that straddles a move is not kept, and
/// without fresh positions (Redis down) lookups bypass it.
@Suite struct ReadModelCacheTests {
    @Test func entriesLiveForOneAppliedPosition() throws {
        let cache = ReadModelCache(maximumBlindness: .seconds(60))
        #expect(cache.lookup("gifticons", [1]).generation == nil, "no position seen yet: no caching")
        cache.observe(applied: LSN(100))
        var (found, generation) = cache.lookup("gifticons", [1, 2])
        #expect(found.isEmpty && generation == LSN(100))
        cache.store("gifticons", [1: "one", 2: "two"], generation: generation)
        #expect(cache.lookup("gifticons", [1, 2, 3]).found == [1: "one", 2: "two"])
        cache.observe(applied: LSN(100))
        #expect(cache.lookup("gifticons", [1]).found.count == 1, "the same position keeps the entries")

        // A fetch begun under 100 that finishes after the position moved is dropped.
        (_, generation) = cache.lookup("users", [5])
        cache.observe(applied: LSN(200))
        cache.store("users", [5: "stale"], generation: generation)
        #expect(cache.lookup("users", [5]).found.isEmpty)
        #expect(cache.lookup("gifticons", [1]).found.isEmpty, "a new position drops everything")
    }

    @Test func blindCacheIsBypassed() async throws {
        let cache = ReadModelCache(maximumBlindness: .milliseconds(50))
        cache.observe(applied: LSN(1))
        cache.store("brands", [1: "b"], generation: LSN(1))
        #expect(cache.lookup("brands", [1]).found.count == 1)
        try await Task.sleep(for: .milliseconds(80))
        #expect(cache.lookup("brands", [1]).found.isEmpty && cache.lookup("brands", [1]).generation == nil)
    }
}
