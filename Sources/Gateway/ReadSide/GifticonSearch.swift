import GraphQLEngine
import JSON
import Stores

/// A gifticon search as the search index runs it: full text on name and description, the filter as exact
/// conditions, an order, a page, and the brand and category facets when asked for.
struct GifticonSearch: Sendable {
    var text: String?
    var status: String?
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

    /// The GifticonFilter input's conditions.
    mutating func apply(filter: JSONObject) throws {
        status = filter["status"]?.stringValue
        brandIds = try Arguments.ids(filter["brandIds"], field: "filter.brandIds") ?? []
        categoryIds = try Arguments.ids(filter["categoryIds"], field: "filter.categoryIds") ?? []
        sellerId = try Arguments.optionalId(filter["sellerId"], field: "filter.sellerId")
        tags = (filter["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        minPriceCents = try Arguments.amount(filter["minPrice"], field: "filter.minPrice")?.hundredths
        maxPriceCents = try Arguments.amount(filter["maxPrice"], field: "filter.maxPrice")?.hundredths
        createdFrom = filter["createdFrom"]?.stringValue
        createdTo = filter["createdTo"]?.stringValue
    }

    var body: JSONValue {
        var conditions: [JSONValue] = []
        if let status { conditions.append(["term": ["status": .string(status)]]) }
        if !brandIds.isEmpty { conditions.append(["terms": ["brandId": .array(brandIds.map { .int(Int($0)) })]]) }
        // categoryIds holds each gifticon's category and its ancestors: a category matches its whole subtree.
        if !categoryIds.isEmpty { conditions.append(["terms": ["categoryIds": .array(categoryIds.map { .int(Int($0)) })]]) }
        if let sellerId { conditions.append(["term": ["sellerId": .int(Int(sellerId))]]) }
        for tag in tags { conditions.append(["term": ["tags": .string(tag)]]) }
        if minPriceCents != nil || maxPriceCents != nil {
            var range: [(String, JSONValue)] = []
            if let minPriceCents { range.append(("gte", .int(Int(minPriceCents)))) }
            if let maxPriceCents { range.append(("lte", .int(Int(maxPriceCents)))) }
            conditions.append(["range": ["salePriceCents": .object(JSONObject(range))]])
        }
        if createdFrom != nil || createdTo != nil {
            var range: [(String, JSONValue)] = []
            if let createdFrom { range.append(("gte", .string(createdFrom))) }
            if let createdTo { range.append(("lte", .string(createdTo))) }
            conditions.append(["range": ["createdAt": .object(JSONObject(range))]])
        }
        var must: [JSONValue] = []
        if let text, !text.isEmpty {
            must.append(["multi_match": ["query": .string(text), "fields": ["name^2", "description"]]])
        }
        var members: [(String, JSONValue)] = [
            ("query", ["bool": ["must": .array(must.isEmpty ? [["match_all": [:]]] : must), "filter": .array(conditions)]]),
            ("from", .int(offset)), ("size", .int(size)),
            ("track_total_hits", true), ("_source", false),
        ]
        if let sort { members.append(("sort", sort)) }
        if facets {
            members.append(("aggs", [
                "brands": ["terms": ["field": "brandId", "size": 50]],
                "categories": ["terms": ["field": "categoryIds", "size": 100]],
            ]))
        }
        return .object(JSONObject(members))
    }

    private var sort: JSONValue? {
        let chosen = order ?? ((text?.isEmpty == false) ? "RELEVANCE" : "NEWEST")
        switch chosen {
        case "RELEVANCE": return nil
        case "OLDEST": return [["createdAt": "asc"]]
        case "PRICE_ASC": return [["salePriceCents": "asc"], ["createdAt": "desc"]]
        case "PRICE_DESC": return [["salePriceCents": "desc"], ["createdAt": "desc"]]
        case "DUE_DATE_ASC": return [["dueDate": "asc"], ["createdAt": "desc"]]
        default: return [["createdAt": "desc"]]
        }
    }
}

/// One page of search hits: ids in the index's order, the total and, when asked, facet buckets.
struct SearchPage: Sendable {
    var ids: [Int64]
    var total: Int
    var offset: Int
    var brandBuckets: [(id: Int64, count: Int)] = []
    var categoryBuckets: [(id: Int64, count: Int)] = []

    var hasNextPage: Bool { offset + ids.count < total }

    init(_ response: JSONValue, offset: Int) {
        let hits = response["hits"]?["hits"]?.arrayValue ?? []
        ids = hits.compactMap { $0["_id"]?.stringValue.flatMap { Int64($0) } }
        let totalValue = response["hits"]?["total"]
        total = totalValue?["value"]?.intValue ?? totalValue?.intValue ?? ids.count
        self.offset = offset
        func buckets(_ name: String) -> [(id: Int64, count: Int)] {
            (response["aggregations"]?[name]?["buckets"]?.arrayValue ?? []).compactMap { bucket in
                guard let key = bucket["key"]?.intValue.map(Int64.init) ?? bucket["key"]?.stringValue.flatMap({ Int64($0) }) else { return nil }
                return (key, Int(bucket["doc_count"]?.intValue ?? 0))
            }
        }
        brandBuckets = buckets("brands")
        categoryBuckets = buckets("categories")
    }
}
