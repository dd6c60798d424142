import JSON
import Stores

/// The search read model's indexes, their settings and mappings: the sync creates and fills them, the gateway
/// searches them. Standard analyzers and types only, so the same definitions work on Elasticsearch 8 and
/// OpenSearch 2 as on the stand-in server; Korean text is searched through keyword tokens (`SearchTokens`).
public struct SearchIndexes: Sendable {
    public var gifticons: String
    public var reviews: String

    /// `gifticons` and `reviews`, or with a prefix (tests give each run its own pair).
    public init(prefix: String = "") {
        gifticons = prefix + MongoCollections.gifticons
        reviews = prefix + MongoCollections.reviews
    }

    public static let standard = SearchIndexes()

    private typealias G = GifticonSearchEntry
    private typealias R = ReviewSearchEntry

    static let gifticonsFields: [(name: String, type: String)] = [
        (G.id, "long"), (G.name, "text"), (G.description, "text"),
        (G.substrings, "keyword"), (G.nameWords, "keyword"), (G.namePrefixes, "keyword"), (G.nameSubstrings, "keyword"),
        (G.labelWords, "keyword"), (G.tagWords, "keyword"),
        (G.status, "keyword"), (G.brandId, "long"), (G.categoryIds, "long"), (G.categoryId, "long"), (G.sellerId, "long"), (G.buyerId, "long"),
        (G.tags, "keyword"), (G.salePriceCents, "long"), (G.createdAt, "date"), (G.dueDate, "date"),
    ]

    static let reviewsFields: [(name: String, type: String)] = [
        (R.id, "long"), (R.title, "text"), (R.content, "text"),
        (R.substrings, "keyword"), (R.titleWords, "keyword"), (R.titlePrefixes, "keyword"), (R.titleSubstrings, "keyword"),
        (R.rating, "integer"), (R.gifticonId, "long"), (R.reviewerId, "long"), (R.sellerId, "long"), (R.createdAt, "date"),
    ]

    public static let gifticonsDefinition = definition(gifticonsFields)
    public static let reviewsDefinition = definition(reviewsFields)

    /// One shard, no replicas, and the fields' types.
    static func definition(_ fields: [(name: String, type: String)]) -> JSONValue {
        [
            "settings": ["number_of_shards": 1, "number_of_replicas": 0],
            "mappings": ["properties": .object(JSONObject(fields.map { ($0.name, ["type": .string($0.type)]) }))],
        ]
    }

    /// Creates both indexes unless they exist (the sync owns their definitions). An index made by an earlier version,
    /// which lacks a field or maps it otherwise, is refused with what to do: searches on it would silently miss.
    public func ensure(_ search: SearchClient) async throws {
        for (index, definition, fields) in [(gifticons, Self.gifticonsDefinition, Self.gifticonsFields),
                                            (reviews, Self.reviewsDefinition, Self.reviewsFields)] {
            if try await search.indexExists(index) {
                let answer = try await search.request("GET", "/\(index)/_mapping")
                let properties = answer[index]?["mappings"]?["properties"]
                let stale = fields.filter { properties?[$0.name]?["type"]?.stringValue != $0.type }.map(\.name)
                if !stale.isEmpty {
                    throw StoreError(.search, .rejected, "the index \(index) was made by an earlier version (fields \(stale.joined(separator: ", ")) "
                                     + "are missing or typed otherwise): stop the sync and run `gifticon sync rebuild` to recreate it")
                }
            } else {
                try await search.createIndex(index, body: definition)
            }
        }
    }
}
