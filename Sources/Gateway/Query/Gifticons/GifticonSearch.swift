import JSON
import ReadModels
import Stores

/// A gifticon search as the search index runs it: the shopper's words (`TextQuery`), the filter as exact
/// conditions, a total order ending in the id, a keyset page, and the total and facets only when selected.
struct GifticonSearch: Sendable {
    private typealias Entry = GifticonSearchEntry
    /// The facets' aggregation names, which `SearchPage.buckets` is keyed by.
    enum Facet: String, Sendable, CaseIterable {
        case brands, categories, statuses
    }
    /// At most this many buckets per facet; the hits in buckets beyond it are counted (`SearchPage.leftOut`).
    static let facetSize = 1_000

    var text: TextQuery?
    /// Listings in any of these statuses (the readers default it to the shop front, ON_SALE); empty: any status.
    var statuses: [String] = []
    var brandIds: [Int64] = []
    var categoryIds: [Int64] = []
    var sellerId: Int64?
    var buyerId: Int64?
    var tags: [String] = []
    var minPriceCents: Int64?
    var maxPriceCents: Int64?
    var createdFrom: String?
    var createdTo: String?
    var order: String?
    var facets: Set<Facet> = []
    var total = false

    /// Where each query word was found, and what it adds to the score: a whole word of the name, a prefix of one, a
    /// word of the brand or category path, part of a name word, a tag's word (the tags are the seller's to choose).
    static let ranking: [(field: String, weight: Double)] = [
        (Entry.nameWords, 8), (Entry.namePrefixes, 4), (Entry.labelWords, 2), (Entry.nameSubstrings, 1), (Entry.tagWords, 0.5),
    ]

    /// Every status a listing can have: asking for all of them is no condition at all.
    static let allStatuses: Set<String> = ["ON_SALE", "SOLD_OUT", "USED", "EXPIRED", "DELETED"]

    var query: JSONValue {
        var conditions: [JSONValue] = []
        if !Set(statuses).isSuperset(of: Self.allStatuses) { conditions.appendAnyOf(Entry.status, statuses.map { .string($0) }) }
        conditions.appendAnyOf(Entry.brandId, brandIds.map { .int(Int($0)) })
        // categoryIds holds each gifticon's category and its ancestors: a category matches its whole subtree.
        conditions.appendAnyOf(Entry.categoryIds, categoryIds.map { .int(Int($0)) })
        if let sellerId { conditions.append(["term": [Entry.sellerId: .int(Int(sellerId))]]) }
        if let buyerId { conditions.append(["term": [Entry.buyerId: .int(Int(buyerId))]]) }
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
        return TextQuery.bool(conditions, text: text, substrings: Entry.substrings, ranking: Self.ranking)
    }

    /// The order asked for, or relevance when there are words to rank by and newest otherwise; each ends in the id.
    var sort: SearchSort {
        let chosen = order ?? (text != nil ? "RELEVANCE" : "NEWEST")
        let newest: [(String, Bool)] = [(Entry.createdAt, true), (Entry.id, true)]
        switch chosen {
        case "RELEVANCE" where text != nil: return SearchSort(name: chosen, keys: [(SearchSort.score, true)] + newest)
        case "OLDEST": return SearchSort(name: chosen, keys: [(Entry.createdAt, false), (Entry.id, false)])
        case "PRICE_ASC": return SearchSort(name: chosen, keys: [(Entry.salePriceCents, false)] + newest)
        case "PRICE_DESC": return SearchSort(name: chosen, keys: [(Entry.salePriceCents, true)] + newest)
        case "DUE_DATE_ASC": return SearchSort(name: chosen, keys: [(Entry.dueDate, false)] + newest)
        default: return SearchSort(name: chosen == "RELEVANCE" ? "NEWEST" : chosen, keys: newest)  // relevance without words: newest
        }
    }

    var aggregations: [(String, JSONValue)] {
        facets.sorted { $0.rawValue < $1.rawValue }.map { facet in
            let field: String
            switch facet {
            case .brands: field = Entry.brandId
            case .categories: field = Entry.categoryIds
            case .statuses: field = Entry.status
            }
            return (facet.rawValue, ["terms": ["field": .string(field), "size": .int(Self.facetSize)]])
        }
    }

    /// Runs the search for `page`; the hits' documents and the facets' brands join the next fetches.
    func run(_ page: PageArguments, _ ctx: RequestContext) async throws -> GifticonPage {
        let hits = try await SearchPage.search(ctx.readModels.indexes.gifticons, query: query, sort: sort, page: page, total: total,
                                               aggregations: aggregations, ctx)
        ctx.loaders.gifticons.prime(hits.ids)
        ctx.loaders.brands.prime((hits.buckets[Facet.brands.rawValue] ?? []).compactMap(\.id))
        return GifticonPage(hits: hits)
    }
}

extension [JSONValue] {
    /// A condition that `field` is one of `values`: a `term` for one value (the stand-in search server runs a
    /// one-value `terms` 1.6 times slower), `terms` for several, nothing for none.
    mutating func appendAnyOf(_ field: String, _ values: [JSONValue]) {
        switch values.count {
        case 0: return
        case 1: append(["term": .object(JSONObject([(field, values[0])]))])
        default: append(["terms": .object(JSONObject([(field, .array(values))]))])
        }
    }
}
