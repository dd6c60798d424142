import JSON
import Testing
@testable import Sync

/// The references kept between runs: found, missing, dropped on a write, bounded.
@Suite struct ReferenceCacheTests {
    @Test func aWrittenReferenceIsReadAgainAndTheCacheStaysBounded() {
        let cache = ReferenceCache(limit: 3)
        cache.store("brands", [1: ["name": "a"], 2: ["name": "b"]])
        var (found, missing) = cache.lookup("brands", [1, 2, 3])
        #expect(found.count == 2 && missing == [3])
        cache.invalidate("brands", 2)
        (found, missing) = cache.lookup("brands", [1, 2])
        #expect(found[1] == ["name": "a"] && missing == [2])
        // Other collections are separate.
        #expect(cache.lookup("users", [1]).missing == [1])
        // Past the limit the collection starts over with what was just read.
        cache.store("brands", [4: ["name": "d"], 5: ["name": "e"], 6: ["name": "f"]])
        (found, missing) = cache.lookup("brands", [1, 4, 5, 6])
        #expect(missing == [1] && found.count == 3)
    }
}
