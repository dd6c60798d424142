import GraphQLEngine
import JSON
import ReadModels

/// Reviews: `Query.reviews` (keyword search, by seller or gifticon), the `Review` type's references and the
/// `ReviewConnection` page. `User.reviewsReceived` searches through `searchPage` too.
enum ReviewsFeature: QueryFeature {
    static var queryFields: [String: GraphQLFieldResolver] {
        [
            "reviews": readModelField { args, ctx, info in
                var search = ReviewSearch()
                search.keyword = try TextQuery(args["keyword"]?.stringValue, field: "keyword")
                search.sellerId = try Arguments.optionalId(args["sellerId"], field: "sellerId")
                search.gifticonId = try Arguments.optionalId(args["gifticonId"], field: "gifticonId")
                return try await searchPage(search, list: "reviews", args, info, ctx)
            },
        ]
    }

    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        ["Review": reviewFields, "ReviewConnection": ReviewPage.fields]
    }

    /// Runs `search` for the page `args` ask for, on the list named `list`, with the total only when selected.
    static func searchPage(_ search: ReviewSearch, list: String, _ args: JSONObject, _ info: GraphQLResolveInfo,
                           _ ctx: RequestContext) async throws -> ReviewPage {
        var search = search
        let sort = search.sort
        let page = try PageArguments(args, list: list, order: sort.name, sortKeys: sort.keys.map(\.field))
        search.total = info.selects("totalCount")
        return try await search.run(page, ctx)
    }

    /// The reviewer, the seller and the gifticon, from their documents (a gifticon the sync has not completed yet
    /// answers null).
    static var reviewFields: [String: GraphQLFieldResolver] {
        func load(_ member: String, _ loader: @escaping ReferenceFields.LoaderChoice) -> GraphQLFieldResolver {
            .async { source, _, context, _ in
                guard let id = document(source)?[member]?.intValue else { return nil }
                let found = try await loader(GraphQLResolveInfo.context(context).loaders).load(Int64(id))
                if let found, found[GifticonDocument.sellerId] != nil, !GifticonHydration.isListing(found) { return nil }
                return found
            }
        }
        return ["reviewer": load(ReviewDocument.reviewerId, { $0.users }), "seller": load(ReviewDocument.sellerId, { $0.users }),
                "gifticon": load(ReviewDocument.gifticonId, { $0.gifticons })]
    }
}
