import GraphQLEngine
import JSON
import ReadModels
import Stores

/// The changed object in a mutation's payload (`registerGifticon { gifticon { ... } }`), read from the read models
/// once they reflect the receipt's position: the field waits as a query with the receipt's consistency token would
/// (bounded; STALE_READ past it, with what there is), and only when selected. Read afresh, never from what the
/// request's loaders saw before the write.
enum PayloadObjects {
    /// `{ payload type: { field: resolver } }`.
    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        let gifticon = ["gifticon": object(MongoCollections.gifticons, idField: "gifticonId", listing: true)]
        return [
            "RegisterGifticonPayload": gifticon, "ChangeGifticonPricePayload": gifticon, "BuyGifticonPayload": gifticon,
            "CancelGifticonPayload": gifticon, "UseGifticonPayload": gifticon,
            "WriteReviewPayload": [
                "review": object(MongoCollections.reviews, idField: "reviewId"),
                "seller": .async { source, _, context, info in
                    guard let review = try await read(source, MongoCollections.reviews, idField: "reviewId", context, info),
                          let seller = review[ReviewDocument.sellerId]?.intValue else { return nil }
                    return try await GraphQLResolveInfo.context(context).loaders.users.load(Int64(seller))
                },
            ],
            "RegisterUserPayload": ["user": object(MongoCollections.users, idField: "userId")],
            "CreateBrandPayload": ["brand": object(MongoCollections.brands, idField: "brandId")],
            "CreateCategoryPayload": ["category": object(MongoCollections.categories, idField: "categoryId")],
            "CreateTagPayload": ["tag": object(MongoCollections.tags, idField: "tagId")],
        ]
    }

    static func object(_ collection: String, idField: String, listing: Bool = false) -> GraphQLFieldResolver {
        .async { source, _, context, info in
            guard let found = try await read(source, collection, idField: idField, context, info) else { return nil }
            if listing {
                guard GifticonHydration.isListing(found) else { return nil }
                GifticonHydration.primeReferences(of: [found], GraphQLResolveInfo.context(context))
            }
            return found
        }
    }

    /// The payload's object by the payload's id, once the read models reflect its receipt.
    static func read(_ source: any Sendable, _ collection: String, idField: String, _ context: any Sendable,
                     _ info: GraphQLResolveInfo) async throws -> JSONValue? {
        guard let payload = document(source), let id = payload[idField]?.stringValue.flatMap({ Int64($0) }),
              let token = payload["receipt"]?["consistencyToken"]?.stringValue.flatMap(LSN.init) else { return nil }
        let ctx = GraphQLResolveInfo.context(context)
        await ctx.awaitPosition(token, info)
        let mongo = ctx.readModels.mongo
        return try await ctx.metrics.timeStore("mongo") { try await Documents.byIds(mongo, collection, [id]) }[id]
    }
}
