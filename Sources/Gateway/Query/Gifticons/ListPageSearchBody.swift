import GraphQLEngine
import JSON

/// The search body `Query.gifticons` sends for a list page with these arguments, built by the same code: the
/// benchmarks send it straight to the search server beside the gateway's own run (BENCHMARKS.md).
public enum ListPageSearchBody {
    /// `arguments` as a client gives them to `gifticons` (`query`, `filter`, `orderBy`, `first`...); `selects` says
    /// which of the connection's fields the selection asks for (`totalCount`, `brandFacets`...).
    public static func body(arguments: JSONObject, selects: Set<String>) throws -> JSONValue {
        let (search, page) = try GifticonsFeature.prepare(try GifticonsFeature.search(arguments), list: "gifticons", arguments,
                                                          selects: selects.contains)
        return SearchPage.body(query: search.query, sort: search.sort, page: page, total: search.total,
                               aggregations: search.aggregations)
    }
}
