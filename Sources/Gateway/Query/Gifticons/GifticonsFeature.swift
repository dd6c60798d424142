import GraphQLEngine
import JSON
import ReadModels

/// Gifticon listings: `Query.gifticon` (a detail page) and `Query.gifticons` (search with filters, order and
/// facets), the `Gifticon` type's computed fields and the `GifticonConnection` page.
enum GifticonsFeature: QueryFeature {
    static var queryFields: [String: GraphQLFieldResolver] {
        [
            "gifticon": readModelField { args, ctx, info in
                let id = try Arguments.id(args["id"], field: "id")
                guard let document = try await ctx.loaders.gifticons.load(id), GifticonHydration.isListing(document) else { return nil }
                GifticonHydration.primeReferences(of: [document], ctx)
                return document
            },
            "gifticons": readModelField { args, ctx, info in
                try await searchPage(try search(args), list: "gifticons", args, info, ctx)
            },
        ]
    }

    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        ["Gifticon": gifticonFields, "GifticonConnection": GifticonPage.fields]
    }

    /// The search `Query.gifticons` runs for its arguments (`query`, `filter`, `orderBy`).
    static func search(_ args: JSONObject) throws -> GifticonSearch {
        var search = GifticonSearch()
        search.text = try TextQuery(args["query"]?.stringValue, field: "query")
        try GifticonFilterInput.apply(args["filter"]?.objectValue ?? JSONObject(), to: &search)
        search.order = args["orderBy"]?.stringValue
        return search
    }

    /// Runs `search` for the page `args` ask for, on the list named `list` (cursors are bound to it), with the total
    /// and each facet only when selected.
    static func searchPage(_ search: GifticonSearch, list: String, _ args: JSONObject, _ info: GraphQLResolveInfo,
                           _ ctx: RequestContext) async throws -> GifticonPage {
        let (search, page) = try prepare(search, list: list, args, selects: info.selects)
        return try await search.run(page, ctx)
    }

    /// `search` asking for what the selection does (the total, each facet), and the page `args` ask for.
    static func prepare(_ search: GifticonSearch, list: String, _ args: JSONObject,
                        selects: (String) -> Bool) throws -> (GifticonSearch, PageArguments) {
        var search = search
        let sort = search.sort
        let page = try PageArguments(args, list: list, order: sort.name, sortKeys: sort.keys.map(\.field))
        search.total = selects("totalCount")
        if selects("brandFacets") || selects("brandFacetsOmittedCount") { search.facets.insert(.brands) }
        if selects("categoryFacets") || selects("categoryFacetsOmittedCount") { search.facets.insert(.categories) }
        if selects("statusFacets") { search.facets.insert(.statuses) }
        return (search, page)
    }

    /// Lists in display order (the document keeps them as the rows came).
    static var gifticonFields: [String: GraphQLFieldResolver] {
        [
            "images": .sync { source, _, _, _ in sortedImages(document(source)) },
            "primaryImage": .sync { source, _, _, _ in
                let images = sortedImages(document(source))
                return images.first { $0[GifticonDocument.ImageEntry.isPrimary]?.boolValue == true } ?? images.first
            },
            "tags": .sync { source, _, _, _ in document(source)?[GifticonDocument.tags]?.arrayValue ?? [] },
            // Who bought it: shown to its buyer and its seller only (a purchase is their business).
            "buyer": .async { source, _, context, _ in
                guard let gifticon = document(source), let buyer = gifticon[GifticonDocument.buyerId]?.intValue else { return nil }
                let ctx = GraphQLResolveInfo.context(context)
                guard let caller = ctx.caller.userID,
                      caller == Int64(buyer) || gifticon[GifticonDocument.sellerId]?.intValue.map(Int64.init) == caller
                else { return nil }
                return try await ctx.loaders.users.load(Int64(buyer))
            },
        ]
    }

    static func sortedImages(_ gifticon: JSONObject?) -> [JSONValue] {
        let images = gifticon?[GifticonDocument.images]?.arrayValue ?? []
        return images.enumerated().sorted { a, b in
            let order = GifticonDocument.ImageEntry.displayOrder
            let x = a.element[order]?.intValue ?? Int.max, y = b.element[order]?.intValue ?? Int.max
            return x == y ? a.offset < b.offset : x < y
        }.map(\.element)
    }
}
