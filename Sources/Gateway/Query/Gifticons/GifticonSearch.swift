import JSON
import ReadModels
import Stores

/// A gifticon search as the search index runs it: full text on name and description, the filter as exact
/// conditions, an order, a page, and the brand and category facets when asked for.
struct GifticonSearch: Sendable {
    private typealias Entry = GifticonSearchEntry
    /// The aggregations' names, which `SearchPage.buckets` is keyed by.
    static let brandFacet = "brands", categoryFacet = "categories"

    var text: String?
    /// Listings in any of these statuses (the readers default it to the shop front, ON_SALE); empty: any status.
    var statuses: [String] = []
    var brandIds: [Int64] = []
    var categoryIds: [Int64] = []
    var sellerId: Int64?
    var tags: [String] = []
    var minPriceCents: Int64?
    var maxPriceCents: Int64?
    var createdFrom: String?
    var createdTo: String?
    var order: String?
    var offset = 0
    var size = 20
    var facets = false

    var body: JSONValue {
        var conditions: [JSONValue] = []
        if !statuses.isEmpty { conditions.append(["terms": [Entry.status: .array(statuses.map { .string($0) })]]) }
        if !brandIds.isEmpty { conditions.append(["terms": [Entry.brandId: .array(brandIds.map { .int(Int($0)) })]]) }
        // categoryIds holds each gifticon's category and its ancestors: a category matches its whole subtree.
        if !categoryIds.isEmpty { conditions.append(["terms": [Entry.categoryIds: .array(categoryIds.map { .int(Int($0)) })]]) }
        if let sellerId { conditions.append(["term": [Entry.sellerId: .int(Int(sellerId))]]) }
        for tag in tags { conditions.append(["term": [Entry.tags: .string(tag)]]) }
        if minPriceCents != nil || maxPriceCents != nil {
            var range: [(String, JSONValue)] = []
            if let minPriceCents { range.append(("gte", .int(Int(minPriceCents)))) }
            if let maxPriceCents { range.append(("lte", .int(Int(maxPriceCents)))) }
            conditions.append(["range": [Entry.salePriceCents: .object(JSONObject(range))]])
        }
        if createdFrom != nil || createdTo != nil {
            var range: [(String, JSONValue)] = []
            if let createdFrom { range.append(("gte", .string(createdFrom))) }
            if let createdTo { range.append(("lte", .string(createdTo))) }
            conditions.append(["range": [Entry.createdAt: .object(JSONObject(range))]])
        }
        var must: [JSONValue] = []
        if let text, !text.isEmpty {
            must.append(["multi_match": ["query": .string(text), "fields": [.string("\(Entry.name)^2"), .string(Entry.description)]]])
        }
        var members: [(String, JSONValue)] = [
            ("query", ["bool": ["must": .array(must.isEmpty ? [["match_all": [:]]] : must), "filter": .array(conditions)]]),
            ("from", .int(offset)), ("size", .int(size)),
            ("track_total_hits", true), ("_source", false),
        ]
        if let sort { members.append(("sort", sort)) }
        if facets {
            members.append(("aggs", [
                Self.brandFacet: ["terms": ["field": .string(Entry.brandId), "size": 50]],
                Self.categoryFacet: ["terms": ["field": .string(Entry.categoryIds), "size": 100]],
            ]))
        }
        return .object(JSONObject(members))
    }

    private var sort: JSONValue? {
        let chosen = order ?? ((text?.isEmpty == false) ? "RELEVANCE" : "NEWEST")
        func by(_ field: String, _ direction: String) -> JSONValue { [field: .string(direction)] }
        switch chosen {
        case "RELEVANCE": return nil
        case "OLDEST": return [by(Entry.createdAt, "asc")]
        case "PRICE_ASC": return [by(Entry.salePriceCents, "asc"), by(Entry.createdAt, "desc")]
        case "PRICE_DESC": return [by(Entry.salePriceCents, "desc"), by(Entry.createdAt, "desc")]
        case "DUE_DATE_ASC": return [by(Entry.dueDate, "asc"), by(Entry.createdAt, "desc")]
        default: return [by(Entry.createdAt, "desc")]
        }
    }

    /// Runs the search on the gifticons index; the hits' documents and the facets' brands join the next fetches.
    func run(_ ctx: RequestContext) async throws -> GifticonPage {
        let page = try await SearchPage.search(ctx.readModels.indexes.gifticons, body, offset: offset, ctx)
        ctx.loaders.gifticons.prime(page.ids)
        ctx.loaders.brands.prime((page.buckets[Self.brandFacet] ?? []).map(\.id))
        return GifticonPage(hits: page)
    }
}
