import Testing
@testable import GraphQLEngine
import GraphQLTestSupport

@Suite("Validated-document cache")
struct ValidatedDocumentCacheTests {
    let schema = try! buildSchema(Marketplace.sdl)

    @Test("a repeated text is a hit: the same document, no second parse")
    func hits() {
        let cache = ValidatedDocumentCache(schema: schema, capacity: 10)
        let first = cache.validated("{ brands { id } }")
        let second = cache.validated("{ brands { id } }")
        #expect(first.document != nil)
        #expect(first.document == second.document)
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 1)
        // Another operation name is another entry.
        _ = cache.validated("{ brands { id } }", operationName: "Other")
        #expect(cache.statistics.misses == 2 && cache.statistics.count == 2)
    }

    @Test("rejections are cached too, with their errors")
    func invalidCached() {
        let cache = ValidatedDocumentCache(schema: schema, capacity: 10)
        let bad = cache.validated("{ brands { nope } }")
        #expect(bad.errors.map(\.message) == ["Cannot query field \"nope\" on type \"Brand\". Did you mean \"name\"?"])
        #expect(cache.validated("{ brands { nope } }").errors.map(\.message) == bad.errors.map(\.message))
        #expect(cache.validated("{ brands { ").errors.first?.message.hasPrefix("Syntax Error") == true)
        #expect(cache.statistics.hits == 1)
    }

    @Test("bounded: the least recently used entry goes first")
    func leastRecentlyUsedEviction() {
        let cache = ValidatedDocumentCache(schema: schema, capacity: 3)
        for name in ["a", "b", "c"] { _ = cache.validated("{ \(name): brands { id } }") }
        _ = cache.validated("{ a: brands { id } }")  // a is now the newest; b the oldest
        _ = cache.validated("{ d: brands { id } }")  // evicts b
        #expect(cache.statistics.count == 3)
        let before = cache.statistics.misses
        _ = cache.validated("{ a: brands { id } }")
        _ = cache.validated("{ c: brands { id } }")
        #expect(cache.statistics.misses == before)
        _ = cache.validated("{ b: brands { id } }")
        #expect(cache.statistics.misses == before + 1)
    }

    @Test("safe under concurrency: many tasks, many texts, a small cache")
    func concurrency() async {
        let cache = ValidatedDocumentCache(schema: schema, capacity: 16)
        let texts = (0..<64).map { "{ x\($0): brands { id name } }" }
        let validCount = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var valid = 0
                    for i in 0..<400 {
                        let text = texts[(i * 7 + worker * 13) % texts.count]
                        if cache.validated(text).document != nil { valid += 1 }
                    }
                    return valid
                }
            }
            return await group.reduce(0, +)
        }
        #expect(validCount == 8 * 400)
        let stats = cache.statistics
        #expect(stats.hits + stats.misses == 8 * 400)
        #expect(stats.count <= 16)
    }

    @Test("limits configured on the cache apply to what it validates")
    func limits() {
        let cache = ValidatedDocumentCache(schema: schema, limits: QueryLimits(maxDepth: 2))
        #expect(cache.validated("{ gifticons { brand { id } } }").errors.count == 1)
        #expect(cache.validated("{ gifticons { id } }").document != nil)
    }
}
