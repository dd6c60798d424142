import Testing
@testable import GraphQLEngine

/// The LRU bounds both ways: entries and bytes (as the caller counts them), least recently used out first.
@Suite struct LRUCacheTests {
    @Test func evictsTheLeastRecentlyUsedPastEitherBound() {
        var cache = LRUCache<String, Int>(capacity: 3, byteCapacity: 100)
        cache.set(1, for: "a", cost: 10)
        cache.set(2, for: "b", cost: 10)
        cache.set(3, for: "c", cost: 10)
        #expect(cache.value(for: "a") == 1)   // a is now the newest
        cache.set(4, for: "d", cost: 10)      // the count bound: b goes
        #expect(cache.value(for: "b") == nil && cache.count == 3 && cache.bytes == 30)
        cache.set(5, for: "e", cost: 85)      // c goes for the count; 20 + 85 is still past 100, so a goes too
        #expect(cache.value(for: "c") == nil && cache.value(for: "a") == nil)
        #expect(cache.value(for: "d") == 4 && cache.value(for: "e") == 5 && cache.bytes == 95)
        cache.set(6, for: "f", cost: 101)     // larger than the whole budget: not kept, nothing evicted
        #expect(cache.value(for: "f") == nil && cache.count == 2 && cache.bytes == 95)
        cache.set(7, for: "d", cost: 5)       // replacing an entry replaces its cost
        #expect(cache.value(for: "d") == 7 && cache.bytes == 90)
    }

    @Test func manyUniqueKeysNeverGrowPastTheBudget() {
        var cache = LRUCache<Int, [UInt8]>(capacity: 1_000, byteCapacity: 10_000)
        for key in 0..<5_000 {
            cache.set([UInt8](repeating: 0, count: key % 300), for: key, cost: key % 300 + 16)
            #expect(cache.bytes <= 10_000)
        }
        #expect(cache.value(for: 4_999) != nil, "the newest is kept")
    }
}
