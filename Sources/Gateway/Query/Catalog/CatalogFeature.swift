import GraphQLEngine
import JSON
import ReadModels

/// The catalog: `Query.brands`, `Query.categories`, `Query.category`, and the `Brand` and `Category` types (a
/// category's place in the tree and the gifticons listed under it).
enum CatalogFeature: QueryFeature {
    static var queryFields: [String: GraphQLFieldResolver] {
        [
            "brands": readModelField { args, ctx, info in
                let found = try await ctx.metrics.timeStore("mongo") {
                    try await ctx.readModels.mongo.find(MongoCollections.brands, filter: [:],
                                                        options: ["sort": [BrandDocument.name: 1], "limit": 1_000])
                }
                return found.map(\.withIDAlias) as [JSONValue]
            },
            "tags": readModelField { args, ctx, info in
                let found = try await ctx.metrics.timeStore("mongo") {
                    try await ctx.readModels.mongo.find(MongoCollections.tags, filter: [:],
                                                        options: ["sort": [TagDocument.name: 1], "limit": 10_000])
                }
                return found.map(\.withIDAlias) as [JSONValue]
            },
            "categories": readModelField { args, ctx, info in
                let tree = try await ctx.loaders.categoryTree()
                guard let level = args["level"], !level.isNull else { return tree.roots }
                guard let n = level.intValue, (1...3).contains(n) else {
                    throw GatewayError.badInput("level must be 1, 2 or 3.", field: "level")
                }
                return tree.all.filter { $0[CategoryDocument.level]?.intValue == n }
            },
            "category": readModelField { args, ctx, info in
                let id = try Arguments.id(args["id"], field: "id")
                return try await ctx.loaders.categoryTree().byId[Int(id)]
            },
        ]
    }

    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        [
            "Brand": ReferenceFields.resolvers({ $0.brands }, [BrandDocument.slug, BrandDocument.description, BrandDocument.logoUrl,
                                                              BrandDocument.website, BrandDocument.name]),
            "Category": categoryFields,
        ]
    }

    static var categoryFields: [String: GraphQLFieldResolver] {
        func fromTree(_ body: @escaping @Sendable (CategoryTree, Int) -> (any Sendable)?) -> GraphQLFieldResolver {
            .async { source, _, context, _ in
                guard let id = document(source)?["id"]?.intValue else { return nil }
                return body(try await GraphQLResolveInfo.context(context).loaders.categoryTree(), id)
            }
        }
        var fields: [String: GraphQLFieldResolver] = [:]
        // Members an embedded copy (a gifticon's `category`) lacks come from the tree.
        for field in [CategoryDocument.slug, CategoryDocument.level, CategoryDocument.description, CategoryDocument.name] {
            fields[field] = .async { source, _, context, _ in
                guard let o = document(source) else { return nil }
                if let value = o[field] { return value }
                guard let id = o["id"]?.intValue else { return nil }
                return try await GraphQLResolveInfo.context(context).loaders.categoryTree().byId[id]?[field]
            }
        }
        fields["parent"] = fromTree { tree, id in tree.byId[id]?[CategoryDocument.parentId]?.intValue.flatMap { tree.byId[$0] } }
        fields["children"] = fromTree { tree, id in tree.children(of: id) }
        fields["path"] = fromTree { tree, id in tree.path(to: id) }
        fields["gifticons"] = .async { source, args, context, info in
            guard let id = document(source)?["id"]?.intValue else { return nil }
            var search = GifticonSearch()
            search.categoryIds = [Int64(id)]
            search.statuses = try GifticonFilterInput.statuses(args)
            search.order = args["orderBy"]?.stringValue
            return try await GifticonsFeature.searchPage(search, list: "Category/\(id)/gifticons", args, info,
                                                         GraphQLResolveInfo.context(context))
        }
        return fields
    }
}
