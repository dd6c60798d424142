import JSON
import Stores

/// A review search on the index: keywords on title and content, by seller or gifticon, newest first.
struct ReviewSearch: Sendable {
    var keyword: String?
    var sellerId: Int64?
    var gifticonId: Int64?
    var offset = 0
    var size = 20

    var body: JSONValue {
        var conditions: [JSONValue] = []
        if let sellerId { conditions.append(["term": ["sellerId": .int(Int(sellerId))]]) }
        if let gifticonId { conditions.append(["term": ["gifticonId": .int(Int(gifticonId))]]) }
        let hasText = keyword.map { !$0.isEmpty } ?? false
        let must: [JSONValue] = hasText
            ? [["multi_match": ["query": .string(keyword!), "fields": ["title^2", "content"]]]] : [["match_all": [:]]]
        var members: [(String, JSONValue)] = [
            ("query", ["bool": ["must": .array(must), "filter": .array(conditions)]]),
            ("from", .int(offset)), ("size", .int(size)), ("track_total_hits", true), ("_source", false),
        ]
        if !hasText { members.append(("sort", [["createdAt": "desc"]])) }
        return .object(JSONObject(members))
    }
}
