import GraphQLEngine
import ReadModels

/// Users' public profiles: `Query.user`, `Query.users`, the `User` type (profile members a gifticon's embedded
/// seller lacks, the rating summary, the reviews received) and the `UserConnection` page.
enum UsersFeature: QueryFeature {
    static var queryFields: [String: GraphQLFieldResolver] {
        [
            "user": readModelField { args, ctx, info in
                let id = try Arguments.id(args["id"], field: "id")
                return try await ctx.loaders.users.load(id)
            },
            "users": readModelField { args, ctx, info in
                let page = try PageArguments(args, list: "users", order: "ID", sortKeys: [DocumentKey.id])
                return try await UserDirectory.page(keyword: args["keyword"]?.stringValue, page, total: info.selects("totalCount"), ctx)
            },
        ]
    }

    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        ["User": userFields, "UserConnection": UserPage.fields]
    }

    static var userFields: [String: GraphQLFieldResolver] {
        var fields = ReferenceFields.resolvers({ $0.users }, [UserDocument.nickname, UserDocument.profileImageUrl, UserDocument.createdAt])
        fields["ratingSummary"] = .async { source, _, context, _ in
            guard let id = document(source)?["id"]?.intValue else { return nil }
            return try await GraphQLResolveInfo.context(context).loaders.ratings.load(Int64(id))
        }
        fields["reviewsReceived"] = .async { source, args, context, info in
            guard let id = document(source)?["id"]?.intValue else { return nil }
            var search = ReviewSearch()
            search.sellerId = Int64(id)
            return try await ReviewsFeature.searchPage(search, list: "User/\(id)/reviewsReceived", args, info,
                                                       GraphQLResolveInfo.context(context))
        }
        return fields
    }
}
