import GraphQLEngine
import JSON

/// The search body `Query.gifticons` sends for a list page with these arguments, built by the same code: the
/// benchmarks send it straight to the search server beside the gateway's own run (BENCHMARKS.md).
public enum ListPageSearchBody {
    /// `arguments` as a client gives them to `gifticons` (`query`, `filter`, `orderBy`, `first`...); `selectsTotal`
    /// and `selectsFacets` say what the selection asks for.
    public static func body(arguments: JSONObject, selectsTotal: Bool, selectsFacets: Bool = false) throws -> JSONValue {
        var search = GifticonSearch()
        search.text = try TextQuery(arguments["query"]?.stringValue, field: "query")
        try GifticonFilterInput.apply(arguments["filter"]?.objectValue ?? JSONObject(), to: &search)
        search.order = arguments["orderBy"]?.stringValue
        search.total = selectsTotal
        if selectsFacets { search.facets = [.brands, .categories] }
        let sort = search.sort
        let page = try PageArguments(arguments, list: "gifticons", order: sort.name, sortKeys: sort.keys.map(\.field))
        return SearchPage.body(query: search.query, sort: sort, page: page, total: search.total, aggregations: search.aggregations)
    }
}
