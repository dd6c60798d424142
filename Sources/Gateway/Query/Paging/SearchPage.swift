import JSON
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
    static func search(_ index: String, _ query: JSONValue, offset: Int, _ ctx: RequestContext) async throws -> SearchPage {
        let client = ctx.readModels.search
        let response = try await ctx.metrics.timeStore("search") { try await client.search(index, query: query) }
        return SearchPage(response, offset: offset)
    }

    init(_ response: JSONValue, offset: Int) {
        let hits = response["hits"]?["hits"]?.arrayValue ?? []
        ids = hits.compactMap { $0["_id"]?.stringValue.flatMap { Int64($0) } }
        let totalValue = response["hits"]?["total"]
        total = totalValue?["value"]?.intValue ?? totalValue?.intValue ?? ids.count
        self.offset = offset
        for (name, aggregation) in response["aggregations"]?.objectValue ?? JSONObject() {
            buckets[name] = (aggregation["buckets"]?.arrayValue ?? []).compactMap { bucket -> (id: Int64, count: Int)? in
                guard let key = bucket["key"]?.intValue.map(Int64.init) ?? bucket["key"]?.stringValue.flatMap({ Int64($0) }) else { return nil }
                return (key, bucket["doc_count"]?.intValue ?? 0)
            }
        }
    }
}
