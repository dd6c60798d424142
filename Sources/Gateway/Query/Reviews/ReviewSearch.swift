import JSON
import ReadModels
import Stores

/// A review search on the index: keywords on title and content, by seller or gifticon, newest first.
struct ReviewSearch: Sendable {
    private typealias Entry = ReviewSearchEntry

    var keyword: String?
    var sellerId: Int64?
    var gifticonId: Int64?
    var offset = 0
    var size = 20

    var body: JSONValue {
        var conditions: [JSONValue] = []
        if let sellerId { conditions.append(["term": [Entry.sellerId: .int(Int(sellerId))]]) }
        if let gifticonId { conditions.append(["term": [Entry.gifticonId: .int(Int(gifticonId))]]) }
        let hasText = keyword.map { !$0.isEmpty } ?? false
        let must: [JSONValue] = hasText
            ? [["multi_match": ["query": .string(keyword!), "fields": [.string("\(Entry.title)^2"), .string(Entry.content)]]]]
            : [["match_all": [:]]]
        var members: [(String, JSONValue)] = [
            ("query", ["bool": ["must": .array(must), "filter": .array(conditions)]]),
            ("from", .int(offset)), ("size", .int(size)), ("track_total_hits", true), ("_source", false),
        ]
        if !hasText { members.append(("sort", [[Entry.createdAt: "desc"]])) }
        return .object(JSONObject(members))
    }

    /// Runs the search on the reviews index; the hits' documents join the next fetch.
    func run(_ ctx: RequestContext) async throws -> ReviewPage {
        let page = try await SearchPage.search(ctx.readModels.indexes.reviews, body, offset: offset, ctx)
        ctx.loaders.reviews.prime(page.ids)
        return ReviewPage(hits: page)
    }
}
