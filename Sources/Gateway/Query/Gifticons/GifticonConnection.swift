import GraphQLEngine
import JSON

/// A page of gifticons: the search hits, hydrated from their documents when a field asks for them.
struct GifticonPage: Sendable {
    let hits: SearchPage

    /// `GifticonConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        var fields = SearchConnection.fields(hits: { ($0 as! GifticonPage).hits }, documents: GifticonHydration.documents)
        fields.merge(facetFields) { _, facet in facet }
        return fields
    }

    /// The brands and categories of every hit (not only this page's), with their counts.
    static var facetFields: [String: GraphQLFieldResolver] {
        [
            "brandFacets": .async { source, _, context, _ in
                let buckets = (source as! GifticonPage).hits.buckets[GifticonSearch.brandFacet] ?? []
                let brands = try await GraphQLResolveInfo.context(context).loaders.brands.loadMany(buckets.map(\.id))
                return buckets.map { bucket -> JSONValue in
                    let brand = brands[bucket.id] ?? .object(JSONObject([("id", .int(Int(bucket.id))), ("name", .null)]))
                    return .object(JSONObject([("brand", brand), ("count", .int(bucket.count))]))
                }
            },
            "categoryFacets": .async { source, _, context, _ in
                let buckets = (source as! GifticonPage).hits.buckets[GifticonSearch.categoryFacet] ?? []
                let tree = try await GraphQLResolveInfo.context(context).loaders.categoryTree()
                return buckets.map { bucket -> JSONValue in
                    let category = tree.byId[Int(bucket.id)] ?? .object(JSONObject([("id", .int(Int(bucket.id))), ("name", .null)]))
                    return .object(JSONObject([("category", category), ("count", .int(bucket.count))]))
                }
            },
        ]
    }
}
