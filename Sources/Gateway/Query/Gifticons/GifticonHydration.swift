import GraphQLEngine
import JSON
import ReadModels

/// The gifticon documents behind search hits, with the references their fields will ask for primed, so a page of
/// 50 costs one `$in` per collection and one Redis call, not a round trip per item.
enum GifticonHydration {
    /// A gifticon document the sync completed (a price can arrive, in a rebuild, before its listing's row).
    static func isListing(_ document: JSONValue) -> Bool {
        if case .string = document[GifticonDocument.name] ?? .null { return true }
        return false
    }

    /// The page's documents in the index's order (a hit the documents do not have yet is left out).
    static func documents(_ page: SearchPage, _ ctx: RequestContext) async throws -> [(cursor: String, node: JSONValue)] {
        let found = try await ctx.loaders.gifticons.loadMany(page.ids)
        let nodes = page.ids.enumerated().compactMap { index, id -> (cursor: String, node: JSONValue)? in
            guard let document = found[id], isListing(document) else { return nil }
            return (page.cursors[index], document)
        }
        primeReferences(of: nodes.map(\.node), ctx)
        return nodes
    }

    /// Sellers (profiles and ratings) and brands of these gifticons join the next fetch of each.
    static func primeReferences(of gifticons: [JSONValue], _ ctx: RequestContext) {
        let sellers = gifticons.compactMap { $0[GifticonDocument.sellerId]?.intValue.map(Int64.init) }
        ctx.loaders.users.prime(sellers)
        ctx.loaders.ratings.prime(sellers)
        ctx.loaders.brands.prime(gifticons.compactMap { $0[GifticonDocument.brandId]?.intValue.map(Int64.init) })
    }
}
