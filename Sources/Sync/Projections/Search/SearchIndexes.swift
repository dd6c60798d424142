import JSON
import Stores

/// The search read model's indexes, their settings and mappings. Standard analyzers and types only, so the same
/// definitions work on Elasticsearch 8 and OpenSearch 2 as on the stand-in server.
public struct SearchIndexes: Sendable {
    public var gifticons: String
    public var reviews: String

    /// `gifticons` and `reviews`, or with a prefix (tests give each run its own pair).
    public init(prefix: String = "") {
        gifticons = prefix + "gifticons"
        reviews = prefix + "reviews"
    }

    public static let standard = SearchIndexes()

    static let gifticonsDefinition: JSONValue = [
        "settings": ["number_of_shards": 1, "number_of_replicas": 0],
        "mappings": ["properties": [
            "name": ["type": "text"],
            "description": ["type": "text"],
            "status": ["type": "keyword"],
            "brandId": ["type": "long"],
            "categoryIds": ["type": "long"],
            "sellerId": ["type": "long"],
            "tags": ["type": "keyword"],
            // Cents as an integer: exact for range filters and sorting (the decimal text lives in MongoDB).
            "salePriceCents": ["type": "long"],
            "createdAt": ["type": "date"],
            "dueDate": ["type": "date"],
        ]],
    ]

    static let reviewsDefinition: JSONValue = [
        "settings": ["number_of_shards": 1, "number_of_replicas": 0],
        "mappings": ["properties": [
            "title": ["type": "text"],
            "content": ["type": "text"],
            "rating": ["type": "integer"],
            "gifticonId": ["type": "long"],
            "reviewerId": ["type": "long"],
            "sellerId": ["type": "long"],
            "createdAt": ["type": "date"],
        ]],
    ]

    /// Creates both indexes unless they exist (the sync owns their definitions).
    public func ensure(_ search: SearchClient) async throws {
        try await search.createIndex(gifticons, body: Self.gifticonsDefinition)
        try await search.createIndex(reviews, body: Self.reviewsDefinition)
    }
}
