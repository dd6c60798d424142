import GraphQLEngine
import JSON
import Stores

/// `Query`: the read side's entry points, each reading the read models only.
enum QueryResolvers {
    static var resolvers: [String: GraphQLFieldResolver] {
        [
            "gifticon": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                try await ctx.awaitConsistency(args, info)
                let id = try Arguments.id(args["id"], field: "id")
                guard let document = try await ctx.loaders.gifticons.load(id), Hydration.isListing(document) else { return nil }
                Hydration.primeReferences(of: [document], ctx)
                return document
            },
            "gifticons": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                try await ctx.awaitConsistency(args, info)
                var search = GifticonSearch()
                search.text = args["query"]?.stringValue
                if let filter = args["filter"]?.objectValue { try search.apply(filter: filter) }
                search.order = args["orderBy"]?.stringValue
                return try await Hydration.searchGifticons(search, args, info, ctx)
            },
            "brands": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                try await ctx.awaitConsistency(args, info)
                let found = try await ctx.metrics.timeStore("mongo") {
                    try await ctx.readModels.mongo.find("brands", filter: [:], options: ["sort": ["name": 1], "limit": 1_000])
                }
                return found.map(\.withIDAlias) as [JSONValue]
            },
            "categories": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                try await ctx.awaitConsistency(args, info)
                let tree = try await ctx.loaders.categoryTree()
                guard let level = args["level"], !level.isNull else { return tree.roots }
                guard let n = level.intValue, (1...3).contains(n) else {
                    throw GatewayError.badInput("level must be 1, 2 or 3.", field: "level")
                }
                return tree.all.filter { $0["level"]?.intValue == n }
            },
            "category": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                try await ctx.awaitConsistency(args, info)
                let id = try Arguments.id(args["id"], field: "id")
                return try await ctx.loaders.categoryTree().byId[Int(id)]
            },
            "user": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                try await ctx.awaitConsistency(args, info)
                let id = try Arguments.id(args["id"], field: "id")
                return try await ctx.loaders.users.load(id)
            },
            "users": .async { _, args, context, _ in
                let ctx = GraphQLResolveInfo.context(context)
                let size = try Arguments.pageSize(args), offset = try Arguments.offset(args)
                var filter: JSONValue = [:]
                if let keyword = args["keyword"]?.stringValue, !keyword.isEmpty {
                    filter = ["nickname": ["$regex": .string(Hydration.regexLiteral(keyword)), "$options": "i"]]
                }
                let mongo = ctx.readModels.mongo
                let found = try await ctx.metrics.timeStore("mongo") {
                    try await mongo.find("users", filter: filter,
                                         options: ["sort": ["_id": 1], "skip": .int(offset), "limit": .int(size)])
                }
                let counted = try await ctx.metrics.timeStore("mongo") {
                    try await mongo.command(["count": "users", "query": filter])
                }
                let total = counted["n"]?.intValue ?? offset + found.count
                let documents = found.map(\.withIDAlias)
                Hydration.primeRatings(documents.compactMap { $0["id"]?.intValue.map(Int64.init) }, ctx)
                return UserPage(documents: documents, total: total, offset: offset)
            },
            "reviews": .async { _, args, context, info in
                let ctx = GraphQLResolveInfo.context(context)
                var search = ReviewSearch()
                search.keyword = args["keyword"]?.stringValue
                search.sellerId = try Arguments.optionalId(args["sellerId"], field: "sellerId")
                search.gifticonId = try Arguments.optionalId(args["gifticonId"], field: "gifticonId")
                return try await Hydration.searchReviews(search, args, ctx)
            },
            "syncStatus": .sync { _, _, _, _ in SyncStatusSource() },
        ]
    }
}
