import Stores

/// One page of search hits: ids in the index's order, the total and the buckets of each terms aggregation asked
/// for (facets), by the aggregation's name.
struct SearchPage: Sendable {
    var ids: [Int64]
    var total: Int
    var offset: Int
    var buckets: [String: [(id: Int64, count: Int)]] = [:]

    var hasNextPage: Bool { offset + ids.count < total }

    /// Runs `query` on `index` and reads the page out of the answer.
    static func search(_ index: String, _ query: StoreJSON, offset: Int, _ ctx: RequestContext) async throws -> SearchPage {
        let client = ctx.readModels.search
        let response = try await ctx.metrics.timeStore("search") { try await client.search(index, query: query) }
        return SearchPage(response, offset: offset)
    }

    init(_ response: StoreJSON, offset: Int) {
        let hits = response["hits"]?["hits"]?.arrayValue ?? []
        ids = hits.compactMap { $0["_id"]?.stringValue.flatMap { Int64($0) } }
        let totalValue = response["hits"]?["total"]
        total = Int(totalValue?["value"]?.intValue ?? totalValue?.intValue ?? Int64(ids.count))
        self.offset = offset
        for (name, aggregation) in response["aggregations"]?.objectValue ?? [] {
            buckets[name] = (aggregation["buckets"]?.arrayValue ?? []).compactMap { bucket in
                guard let key = bucket["key"]?.intValue ?? bucket["key"]?.stringValue.flatMap({ Int64($0) }) else { return nil }
                return (key, Int(bucket["doc_count"]?.intValue ?? 0))
            }
        }
    }
}
