import GraphQLEngine
import JSON
import ReadModels

/// A page of gifticons: the search hits, hydrated from their documents when a field asks for them.
struct GifticonPage: Sendable {
    let hits: SearchPage

    /// `GifticonConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        var fields = SearchConnection.fields(hits: { ($0 as! GifticonPage).hits }, documents: GifticonHydration.documents)
        fields.merge(facetFields) { _, facet in facet }
        return fields
    }

    private typealias Facet = GifticonSearch.Facet

    private static func buckets(_ source: any Sendable, _ facet: Facet) -> [SearchPage.Bucket] {
        (source as! GifticonPage).hits.buckets[facet.rawValue] ?? []
    }

    /// The brands, categories and statuses of every hit (not only this page's), with their counts.
    static var facetFields: [String: GraphQLFieldResolver] {
        [
            "brandFacets": .async { source, _, context, _ in
                let buckets = buckets(source, .brands)
                let brands = try await GraphQLResolveInfo.context(context).loaders.brands.loadMany(buckets.compactMap(\.id))
                return buckets.compactMap { bucket -> JSONValue? in
                    guard let id = bucket.id else { return nil }
                    let brand = brands[id] ?? .object(JSONObject([("id", .int(Int(id))), ("name", .null)]))
                    return .object(JSONObject([("brand", brand), ("count", .int(bucket.count))]))
                }
            },
            "brandFacetsOmittedCount": .sync { source, _, _, _ in (source as! GifticonPage).hits.leftOut[Facet.brands.rawValue] ?? 0 },
            "categoryFacets": .async { source, args, context, _ in
                let level = try args["level"].flatMap { value -> Int? in
                    guard !value.isNull else { return nil }
                    guard let n = value.intValue, (1...3).contains(n) else {
                        throw GatewayError.badInput("level must be 1, 2 or 3.", field: "level")
                    }
                    return n
                }
                let tree = try await GraphQLResolveInfo.context(context).loaders.categoryTree()
                return buckets(source, .categories).compactMap { bucket -> JSONValue? in
                    guard let id = bucket.id else { return nil }
                    let category = tree.byId[Int(id)] ?? .object(JSONObject([("id", .int(Int(id))), ("name", .null)]))
                    if let level, category[CategoryDocument.level]?.intValue != level { return nil }
                    return .object(JSONObject([("category", category), ("count", .int(bucket.count))]))
                }
            },
            "categoryFacetsOmittedCount": .sync { source, _, _, _ in (source as! GifticonPage).hits.leftOut[Facet.categories.rawValue] ?? 0 },
            "statusFacets": .sync { source, _, _, _ in
                buckets(source, .statuses).map { .object(JSONObject([("status", $0.key), ("count", .int($0.count))])) } as [JSONValue]
            },
        ]
    }
}
