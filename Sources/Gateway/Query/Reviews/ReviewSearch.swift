import JSON
import ReadModels
import Stores

/// A review search on the index: keywords on title and content (`TextQuery`), by seller or gifticon, newest first
/// or by relevance when there are keywords, each order ending in the id.
struct ReviewSearch: Sendable {
    private typealias Entry = ReviewSearchEntry

    var keyword: TextQuery?
    var sellerId: Int64?
    var reviewerId: Int64?
    var gifticonId: Int64?
    var total = false

    static let ranking: [(field: String, weight: Double)] = [(Entry.titleWords, 8), (Entry.titlePrefixes, 4), (Entry.titleSubstrings, 1)]

    var query: JSONValue {
        var conditions: [JSONValue] = []
        if let sellerId { conditions.append(["term": [Entry.sellerId: .int(Int(sellerId))]]) }
        if let reviewerId { conditions.append(["term": [Entry.reviewerId: .int(Int(reviewerId))]]) }
        if let gifticonId { conditions.append(["term": [Entry.gifticonId: .int(Int(gifticonId))]]) }
        return TextQuery.bool(conditions, text: keyword, substrings: Entry.substrings, ranking: Self.ranking)
    }

    var sort: SearchSort {
        let newest: [(String, Bool)] = [(Entry.createdAt, true), (Entry.id, true)]
        return keyword == nil ? SearchSort(name: "NEWEST", keys: newest)
            : SearchSort(name: "RELEVANCE", keys: [(SearchSort.score, true)] + newest)
    }

    /// Runs the search for `page`; the hits' documents join the next fetch.
    func run(_ page: PageArguments, _ ctx: RequestContext) async throws -> ReviewPage {
        let hits = try await SearchPage.search(ctx.readModels.indexes.reviews, query: query, sort: sort, page: page, total: total, ctx)
        ctx.loaders.reviews.prime(hits.ids)
        return ReviewPage(hits: hits)
    }
}
