import GraphQLEngine
import JSON
import ReadModels
import Stores

/// The loaders of one request: documents by collection, seller ratings and the category tree, each batched and
/// cached for the request's lifetime (a later request sees newer read models).
final class RequestLoaders: Sendable {
    let gifticons: BatchLoader<Int64, JSONValue>
    let users: BatchLoader<Int64, JSONValue>
    let brands: BatchLoader<Int64, JSONValue>
    let reviews: BatchLoader<Int64, JSONValue>
    let ratings: BatchLoader<Int64, JSONValue>
    private let tree: BatchLoader<Int, CategoryTree>

    init(_ readModels: ReadModelStores, metrics: GatewayMetrics?, cache: ReadModelCache?) {
        /// Reads through the cache when there is one: only the ids it lacks are fetched.
        func cached(_ kind: String, _ fetch: @escaping @Sendable ([Int64]) async throws -> [Int64: JSONValue]) -> BatchLoader<Int64, JSONValue> {
            var peek: BatchLoader<Int64, JSONValue>.Peek?
            if let cache { peek = { id in cache.value(kind, id) } }
            return BatchLoader(peek: peek) { ids in
                guard let cache else { return try await fetch(ids) }
                let (found, generation) = cache.lookup(kind, ids)
                let missing = ids.filter { found[$0] == nil }
                if missing.isEmpty { return found }
                let fetched = try await fetch(missing)
                cache.store(kind, fetched, generation: generation)
                return found.merging(fetched) { cached, _ in cached }
            }
        }
        func documents(_ collection: String) -> BatchLoader<Int64, JSONValue> {
            cached(collection) { ids in
                try await metrics.timeStore("mongo") {
                    try await Documents.byIds(readModels.mongo, collection, ids)
                }
            }
        }
        gifticons = documents(MongoCollections.gifticons)
        users = documents(MongoCollections.users)
        brands = documents(MongoCollections.brands)
        reviews = documents(MongoCollections.reviews)
        ratings = cached("@ratings") { ids in
            try await metrics.timeStore("redis") { try await RatingSummaries.fetch(readModels, ids) }
        }
        let categories = cached("@categories") { _ in
            [0: .array(try await CategoryTree.fetchAll(readModels, metrics))]
        }
        tree = BatchLoader { _ in
            [0: CategoryTree(try await categories.load(0)?.arrayValue ?? [])]
        }
    }

    /// Every category, fetched once per request (the tree is small: three levels of a catalog).
    func categoryTree() async throws -> CategoryTree {
        try await tree.load(0) ?? CategoryTree([])
    }
}
