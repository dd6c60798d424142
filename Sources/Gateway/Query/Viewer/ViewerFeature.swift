import GraphQLEngine
import JSON
import ReadModels

/// `Query.me`: the token's user and what concerns only them: their listings in every status, their purchases, the
/// reviews they wrote and received, each a keyset-paged list of its own.
enum ViewerFeature: QueryFeature {
    /// The `Viewer` object: whose it is.
    struct Viewer: Sendable {
        let userID: Int64
    }

    static var queryFields: [String: GraphQLFieldResolver] {
        ["me": readModelField { args, ctx, info in Viewer(userID: try ctx.caller.viewer()) }]
    }

    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        ["Viewer": viewerFields]
    }

    static func viewer(_ source: any Sendable) -> Int64 { (source as! Viewer).userID }

    static var viewerFields: [String: GraphQLFieldResolver] {
        [
            "user": .async { source, _, context, _ in
                try await GraphQLResolveInfo.context(context).loaders.users.load(viewer(source))
            },
            "listings": .async { source, args, context, info in
                let me = viewer(source)
                var search = GifticonSearch()
                search.sellerId = me
                search.statuses = try GifticonFilterInput.statuses(args, all: true)
                search.order = args["orderBy"]?.stringValue
                return try await GifticonsFeature.searchPage(search, list: "me/\(me)/listings", args, info, GraphQLResolveInfo.context(context))
            },
            "purchases": .async { source, args, context, info in
                let me = viewer(source)
                var search = GifticonSearch()
                search.buyerId = me
                search.order = args["orderBy"]?.stringValue
                return try await GifticonsFeature.searchPage(search, list: "me/\(me)/purchases", args, info, GraphQLResolveInfo.context(context))
            },
            "reviewsWritten": .async { source, args, context, info in
                let me = viewer(source)
                var search = ReviewSearch()
                search.reviewerId = me
                return try await ReviewsFeature.searchPage(search, list: "me/\(me)/reviewsWritten", args, info, GraphQLResolveInfo.context(context))
            },
            "reviewsReceived": .async { source, args, context, info in
                let me = viewer(source)
                var search = ReviewSearch()
                search.sellerId = me
                return try await ReviewsFeature.searchPage(search, list: "me/\(me)/reviewsReceived", args, info, GraphQLResolveInfo.context(context))
            },
        ]
    }
}
