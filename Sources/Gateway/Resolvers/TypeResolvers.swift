import GraphQLEngine
import JSON
import Sync
import Stores

/// Fields of the object types that are not plain members of their documents: references loaded on demand (a
/// gifticon embeds its seller's id and nickname; the profile and rating come from their own stores), lists in
/// display order, and the connections' pages.
enum TypeResolvers {
    static var resolvers: [String: [String: GraphQLFieldResolver]] {
        [
            "Gifticon": gifticon,
            "Brand": reference({ $0.brands }, ["slug", "description", "logoUrl", "website", "name"]),
            "User": user,
            "Category": category,
            "Review": review,
            "GifticonConnection": gifticonConnection,
            "ReviewConnection": reviewConnection,
            "UserConnection": userConnection,
            "SyncStatus": syncStatus,
        ]
    }

    static func object(_ source: any Sendable) -> JSONObject? { (source as? JSONValue)?.objectValue }

    /// Members a partial copy (the one embedded in a gifticon) may lack: read from the entity's own document.
    typealias LoaderChoice = @Sendable (RequestLoaders) -> BatchLoader<Int64, JSONValue>

    static func reference(_ loader: @escaping LoaderChoice, _ fields: [String]) -> [String: GraphQLFieldResolver] {
        var out: [String: GraphQLFieldResolver] = [:]
        for field in fields {
            out[field] = .async { source, _, context, _ in
                guard let o = object(source) else { return nil }
                if let value = o[field] { return value }
                guard let id = o["id"]?.intValue else { return nil }
                return try await loader(GraphQLResolveInfo.context(context).loaders).load(Int64(id))?[field]
            }
        }
        return out
    }

    static var gifticon: [String: GraphQLFieldResolver] {
        [
            "images": .sync { source, _, _, _ in sortedImages(object(source)) },
            "primaryImage": .sync { source, _, _, _ in
                let images = sortedImages(object(source))
                return images.first { $0["isPrimary"]?.boolValue == true } ?? images.first
            },
            "tags": .sync { source, _, _, _ in object(source)?["tags"]?.arrayValue ?? [] },
        ]
    }

    static func sortedImages(_ gifticon: JSONObject?) -> [JSONValue] {
        let images = gifticon?["images"]?.arrayValue ?? []
        return images.enumerated().sorted { a, b in
            let x = a.element["displayOrder"]?.intValue ?? Int.max, y = b.element["displayOrder"]?.intValue ?? Int.max
            return x == y ? a.offset < b.offset : x < y
        }.map(\.element)
    }

    static var user: [String: GraphQLFieldResolver] {
        var fields = reference({ $0.users }, ["nickname", "profileImageUrl", "createdAt"])
        fields["ratingSummary"] = .async { source, _, context, _ in
            guard let id = object(source)?["id"]?.intValue else { return nil }
            return try await GraphQLResolveInfo.context(context).loaders.ratings.load(Int64(id))
        }
        fields["reviewsReceived"] = .async { source, args, context, _ in
            guard let id = object(source)?["id"]?.intValue else { return nil }
            var search = ReviewSearch()
            search.sellerId = Int64(id)
            return try await Hydration.searchReviews(search, args, GraphQLResolveInfo.context(context))
        }
        return fields
    }

    static var category: [String: GraphQLFieldResolver] {
        func fromTree(_ body: @escaping @Sendable (CategoryTree, Int) -> (any Sendable)?) -> GraphQLFieldResolver {
            .async { source, _, context, _ in
                guard let id = object(source)?["id"]?.intValue else { return nil }
                return body(try await GraphQLResolveInfo.context(context).loaders.categoryTree(), id)
            }
        }
        var fields: [String: GraphQLFieldResolver] = [:]
        for field in ["slug", "level", "description", "name"] {
            fields[field] = .async { source, _, context, _ in
                guard let o = object(source) else { return nil }
                if let value = o[field] { return value }
                guard let id = o["id"]?.intValue else { return nil }
                return try await GraphQLResolveInfo.context(context).loaders.categoryTree().byId[id]?[field]
            }
        }
        fields["parent"] = fromTree { tree, id in tree.byId[id]?["parentId"]?.intValue.flatMap { tree.byId[$0] } }
        fields["children"] = fromTree { tree, id in tree.children(of: id) }
        fields["path"] = fromTree { tree, id in tree.path(to: id) }
        fields["gifticons"] = .async { source, args, context, info in
            guard let id = object(source)?["id"]?.intValue else { return nil }
            var search = GifticonSearch()
            search.categoryIds = [Int64(id)]
            search.status = args["status"]?.stringValue
            search.order = args["orderBy"]?.stringValue
            return try await Hydration.searchGifticons(search, args, info, GraphQLResolveInfo.context(context))
        }
        return fields
    }

    static var review: [String: GraphQLFieldResolver] {
        func load(_ member: String, _ loader: @escaping LoaderChoice) -> GraphQLFieldResolver {
            .async { source, _, context, _ in
                guard let id = object(source)?[member]?.intValue else { return nil }
                let document = try await loader(GraphQLResolveInfo.context(context).loaders).load(Int64(id))
                if let document, document["sellerId"] != nil, !Hydration.isListing(document) { return nil }
                return document
            }
        }
        return ["reviewer": load("reviewerId", { $0.users }), "seller": load("sellerId", { $0.users }),
                "gifticon": load("gifticonId", { $0.gifticons })]
    }

    static var gifticonConnection: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! GifticonPage).hits.total },
            "pageInfo": .sync { source, _, _, _ in
                let hits = (source as! GifticonPage).hits
                return Connection.pageInfo(offset: hits.offset, count: hits.ids.count, total: hits.total)
            },
            "nodes": .async { source, _, context, _ in
                try await Hydration.gifticons((source as! GifticonPage).hits, GraphQLResolveInfo.context(context)).map(\.node)
            },
            "edges": .async { source, _, context, _ in
                Connection.edges(try await Hydration.gifticons((source as! GifticonPage).hits, GraphQLResolveInfo.context(context)))
            },
            "brandFacets": .async { source, _, context, _ in
                let buckets = (source as! GifticonPage).hits.brandBuckets
                let brands = try await GraphQLResolveInfo.context(context).loaders.brands.loadMany(buckets.map(\.id))
                return buckets.map { bucket -> JSONValue in
                    let brand = brands[bucket.id] ?? .object(JSONObject([("id", .int(Int(bucket.id))), ("name", .null)]))
                    return .object(JSONObject([("brand", brand), ("count", .int(bucket.count))]))
                }
            },
            "categoryFacets": .async { source, _, context, _ in
                let buckets = (source as! GifticonPage).hits.categoryBuckets
                let tree = try await GraphQLResolveInfo.context(context).loaders.categoryTree()
                return buckets.map { bucket -> JSONValue in
                    let category = tree.byId[Int(bucket.id)] ?? .object(JSONObject([("id", .int(Int(bucket.id))), ("name", .null)]))
                    return .object(JSONObject([("category", category), ("count", .int(bucket.count))]))
                }
            },
        ]
    }

    static var reviewConnection: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! ReviewPage).hits.total },
            "pageInfo": .sync { source, _, _, _ in
                let hits = (source as! ReviewPage).hits
                return Connection.pageInfo(offset: hits.offset, count: hits.ids.count, total: hits.total)
            },
            "nodes": .async { source, _, context, _ in
                try await Hydration.reviews((source as! ReviewPage).hits, GraphQLResolveInfo.context(context)).map(\.node)
            },
            "edges": .async { source, _, context, _ in
                Connection.edges(try await Hydration.reviews((source as! ReviewPage).hits, GraphQLResolveInfo.context(context)))
            },
        ]
    }

    static var userConnection: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! UserPage).total },
            "pageInfo": .sync { source, _, _, _ in
                let page = source as! UserPage
                return Connection.pageInfo(offset: page.offset, count: page.documents.count, total: page.total)
            },
            "nodes": .sync { source, _, _, _ in (source as! UserPage).documents },
            "edges": .sync { source, _, _, _ in
                let page = source as! UserPage
                return Connection.edges(page.documents.enumerated().map { (page.offset + $0.offset, $0.element) })
            },
        ]
    }

    static var syncStatus: [String: GraphQLFieldResolver] {
        [
            "appliedPosition": .async { _, _, context, _ in
                try await GraphQLResolveInfo.context(context).waiterForStatus.appliedPosition()?.description
            },
            "appliedAt": .async { _, _, context, _ in
                let freshness = try await SyncFreshness.read(GraphQLResolveInfo.context(context).readModels)
                return freshness.appliedMillis.map { PostgresTime.iso8601(micros: $0 * 1000) }
            },
            "lagMilliseconds": .async { _, _, context, _ in
                try await SyncFreshness.read(GraphQLResolveInfo.context(context).readModels).lagMillis.map { Int($0) }
            },
            "reflects": .async { _, args, context, _ in
                guard let text = args["consistencyToken"]?.stringValue, let token = LSN(text) else {
                    throw GatewayError.badInput("consistencyToken is not a WAL position like \"16/B374D848\".", field: "consistencyToken")
                }
                guard let applied = try? await GraphQLResolveInfo.context(context).waiterForStatus.appliedPosition() else { return false }
                return applied >= token
            },
        ]
    }
}
