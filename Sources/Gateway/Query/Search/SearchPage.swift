import JSON
import Stores

/// One page of search hits: ids in the list's order with their sort keys (the cursors), whether more follow in the
/// direction of travel, and, when the selection asked for them, the exact total and each terms aggregation's buckets.
struct SearchPage: Sendable {
    struct Bucket: Sendable {
        var key: JSONValue
        var count: Int
        var id: Int64? { key.intValue.map(Int64.init) ?? key.stringValue.flatMap { Int64($0) } }
    }

    var ids: [Int64] = []
    var cursors: [String] = []
    var more = false
    var page: PageArguments
    /// Nil unless `totalCount` was selected (an exact count costs the store work on every page).
    var total: Int?
    var buckets: [String: [Bucket]] = [:]
    /// Per aggregation: how many hits fall in buckets the answer left out (0 when the buckets are complete).
    var leftOut: [String: Int] = [:]

    /// Runs `query` on `index` for `page`, in `sort`'s order, with an exact total and `aggregations` only when asked.
    static func search(_ index: String, query: JSONValue, sort: SearchSort, page: PageArguments, total: Bool,
                       aggregations: [(String, JSONValue)] = [], _ ctx: RequestContext) async throws -> SearchPage {
        let body = self.body(query: query, sort: sort, page: page, total: total, aggregations: aggregations)
        let client = ctx.readModels.search
        let response = try await ctx.metrics.timeStore("search") { try await client.search(index, query: body) }
        return SearchPage(response, page: page, total: total)
    }

    /// One more hit than the page holds (it tells whether more follow), from the page's position on.
    static func body(query: JSONValue, sort: SearchSort, page: PageArguments, total: Bool,
                     aggregations: [(String, JSONValue)]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("query", query), ("size", .int(page.size + 1)), ("sort", sort.body(backward: page.backward)),
            ("track_total_hits", .bool(total)), ("_source", false),
        ]
        if let position = page.position { members.append(("search_after", .array(position))) }
        if !aggregations.isEmpty { members.append(("aggs", .object(JSONObject(aggregations)))) }
        return .object(JSONObject(members))
    }

    init(_ response: JSONValue, page: PageArguments, total: Bool) {
        self.page = page
        var hits = response["hits"]?["hits"]?.arrayValue ?? []
        more = hits.count > page.size
        hits = Array(hits.prefix(page.size))
        if page.backward { hits.reverse() }
        for hit in hits {
            guard let id = hit["_id"]?.stringValue.flatMap({ Int64($0) }) else { continue }
            ids.append(id)
            cursors.append(page.cursor(hit["sort"]?.arrayValue ?? []))
        }
        if total {
            let totalValue = response["hits"]?["total"]
            self.total = totalValue?["value"]?.intValue ?? totalValue?.intValue
        }
        for (name, aggregation) in response["aggregations"]?.objectValue ?? JSONObject() {
            buckets[name] = (aggregation["buckets"]?.arrayValue ?? []).compactMap { bucket in
                guard let key = bucket["key"], !key.isNull else { return nil }
                return Bucket(key: key, count: bucket["doc_count"]?.intValue ?? 0)
            }
            leftOut[name] = aggregation["sum_other_doc_count"]?.intValue ?? 0
        }
    }

}
