import GraphQLEngine
import JSON
import ReadModels

/// Sellers' rating summaries, many in one round trip: the sync keeps each in a hash, which MGET cannot read, so a
/// read-only Lua script answers HMGET of every key at once.
enum RatingSummaries {
    static let script = """
        local out = {}
        for i, key in ipairs(KEYS) do
            out[i] = redis.call('HMGET', key, \(SellerRatingHash.summaryFields.map { "'\($0)'" }.joined(separator: ", ")))
        end
        return out
        """

    /// The summaries of `ids` in one EVAL; a seller without reviews has count 0.
    static func fetch(_ readModels: ReadModelStores, _ ids: [Int64]) async throws -> [Int64: JSONValue] {
        guard !ids.isEmpty else { return [:] }
        let reply = try await readModels.redis.eval(script, keys: ids.map { readModels.keys.sellerRating(String($0)) })
        let rows = reply.array ?? []
        var out: [Int64: JSONValue] = [:]
        for (id, row) in zip(ids, rows) {
            // In the order of `SellerRatingHash.summaryFields`: count, average, then ratings 1 to 5.
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
