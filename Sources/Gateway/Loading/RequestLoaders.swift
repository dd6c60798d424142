import GraphQLEngine
import JSON
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

    init(_ readModels: ReadModels, metrics: GatewayMetrics?, cache: ReadModelCache?) {
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
                    try await Self.findByIds(readModels.mongo, collection, ids)
                }
            }
        }
        gifticons = documents("gifticons")
        users = documents("users")
        brands = documents("brands")
        reviews = documents("reviews")
        ratings = cached("@ratings") { ids in
            try await metrics.timeStore("redis") { try await Self.ratings(readModels, ids) }
        }
        let categories = cached("@categories") { _ in
            let all = try await metrics.timeStore("mongo") {
                try await readModels.mongo.find("categories", filter: [:], options: ["sort": ["_id": 1]])
            }
            return [0: .array(all.map(\.withIDAlias))]
        }
        tree = BatchLoader { _ in
            [0: CategoryTree(try await categories.load(0)?.arrayValue ?? [])]
        }
    }

    /// Every category, fetched once per request (the tree is small: three levels of a catalog).
    func categoryTree() async throws -> CategoryTree {
        try await tree.load(0) ?? CategoryTree([])
    }

    /// One `find` by `_id` (cheapest on the stand-in server) or one `$in` for many.
    static func findByIds(_ mongo: MongoClient, _ collection: String, _ ids: [Int64]) async throws -> [Int64: JSONValue] {
        guard !ids.isEmpty else { return [:] }
        let filter: JSONValue = ids.count == 1 ? ["_id": .int(Int(ids[0]))] : ["_id": ["$in": .array(ids.map { .int(Int($0)) })]]
        var found: [Int64: JSONValue] = [:]
        for document in try await mongo.find(collection, filter: filter) {
            if let id = document["_id"]?.intValue { found[Int64(id)] = document.withIDAlias }
        }
        return found
    }

    /// The summaries of `ids` in one EVAL; a seller without reviews has count 0.
    static func ratings(_ readModels: ReadModels, _ ids: [Int64]) async throws -> [Int64: JSONValue] {
        guard !ids.isEmpty else { return [:] }
        let reply = try await readModels.redis.eval(RatingScript.source, keys: ids.map { readModels.keys.sellerRating(String($0)) })
        let rows = reply.array ?? []
        var out: [Int64: JSONValue] = [:]
        for (id, row) in zip(ids, rows) {
            let values = (row.array ?? []).map(\.string)
            func number(_ i: Int) -> Int { values.indices.contains(i) ? Int(values[i] ?? "") ?? 0 : 0 }
            let average = values.indices.contains(1) ? Double(values[1] ?? "") ?? 0 : 0
            let distribution: [JSONValue] = (1...5).map { rating in
                .object(JSONObject([("rating", .int(rating)), ("count", .int(number(rating + 1)))]))
            }
            out[id] = .object(JSONObject([("average", .double(average)), ("count", .int(number(0))), ("distribution", .array(distribution))]))
        }
        return out
    }
}
