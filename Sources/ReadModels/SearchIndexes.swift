import JSON
import Stores

/// The search read model's indexes, their settings and mappings: the sync creates and fills them, the gateway
/// searches them. Standard analyzers and types only, so the same definitions work on Elasticsearch 8 and
/// OpenSearch 2 as on the stand-in server.
public struct SearchIndexes: Sendable {
    public var gifticons: String
    public var reviews: String

    /// `gifticons` and `reviews`, or with a prefix (tests give each run its own pair).
    public init(prefix: String = "") {
        gifticons = prefix + MongoCollections.gifticons
        reviews = prefix + MongoCollections.reviews
    }

    public static let standard = SearchIndexes()

    public static let gifticonsDefinition = definition([
        (GifticonSearchEntry.name, "text"), (GifticonSearchEntry.description, "text"),
        (GifticonSearchEntry.status, "keyword"), (GifticonSearchEntry.brandId, "long"),
        (GifticonSearchEntry.categoryIds, "long"), (GifticonSearchEntry.sellerId, "long"),
        (GifticonSearchEntry.tags, "keyword"), (GifticonSearchEntry.salePriceCents, "long"),
        (GifticonSearchEntry.createdAt, "date"), (GifticonSearchEntry.dueDate, "date"),
    ])

    public static let reviewsDefinition = definition([
        (ReviewSearchEntry.title, "text"), (ReviewSearchEntry.content, "text"), (ReviewSearchEntry.rating, "integer"),
        (ReviewSearchEntry.gifticonId, "long"), (ReviewSearchEntry.reviewerId, "long"),
        (ReviewSearchEntry.sellerId, "long"), (ReviewSearchEntry.createdAt, "date"),
    ])

    /// One shard, no replicas, and the fields' types.
    static func definition(_ fields: [(name: String, type: String)]) -> JSONValue {
        [
            "settings": ["number_of_shards": 1, "number_of_replicas": 0],
            "mappings": ["properties": .object(JSONObject(fields.map { ($0.name, ["type": .string($0.type)]) }))],
        ]
    }

    /// Creates both indexes unless they exist (the sync owns their definitions).
    public func ensure(_ search: SearchClient) async throws {
        try await search.createIndex(gifticons, body: Self.gifticonsDefinition)
        try await search.createIndex(reviews, body: Self.reviewsDefinition)
    }
}
