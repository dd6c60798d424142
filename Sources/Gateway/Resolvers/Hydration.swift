import GraphQLEngine
import JSON
import Stores

/// Searches and the documents behind their hits, with the references the hits' fields will ask for primed, so a
/// page of 50 costs one `$in` per collection and one Redis call, not a round trip per item.
enum Hydration {
    /// A gifticon document the sync completed (a price can arrive, in a rebuild, before its listing's row).
    static func isListing(_ document: JSONValue) -> Bool {
        if case .string = document["name"] ?? .null { return true }
        return false
    }

    static func searchGifticons(_ base: GifticonSearch, _ args: JSONObject, _ info: GraphQLResolveInfo,
                                _ ctx: RequestContext) async throws -> GifticonPage {
        var search = base
        search.size = try Arguments.pageSize(args)
        search.offset = try Arguments.offset(args)
        search.facets = info.selects("brandFacets") || info.selects("categoryFacets")
        let (search_, body) = (ctx.readModels.search, search.body)
        let response = try await ctx.metrics.timeStore("search") {
            try await search_.search(ctx.readModels.indexes.gifticons, query: body)
        }
        let page = SearchPage(response, offset: search.offset)
        ctx.loaders.gifticons.prime(page.ids)
        ctx.loaders.brands.prime(page.brandBuckets.map(\.id))
        return GifticonPage(hits: page)
    }

    /// The page's documents in the index's order (a hit the documents do not have yet is left out).
    static func gifticons(_ page: SearchPage, _ ctx: RequestContext) async throws -> [(offset: Int, node: JSONValue)] {
        let found = try await ctx.loaders.gifticons.loadMany(page.ids)
        let nodes = page.ids.enumerated().compactMap { index, id -> (offset: Int, node: JSONValue)? in
            guard let document = found[id], isListing(document) else { return nil }
            return (page.offset + index, document)
        }
        primeReferences(of: nodes.map(\.node), ctx)
        return nodes
    }

    /// Sellers (profiles and ratings) and brands of these gifticons join the next fetch of each.
    static func primeReferences(of gifticons: [JSONValue], _ ctx: RequestContext) {
        let sellers = gifticons.compactMap { $0["sellerId"]?.intValue.map(Int64.init) }
        ctx.loaders.users.prime(sellers)
        ctx.loaders.ratings.prime(sellers)
        ctx.loaders.brands.prime(gifticons.compactMap { $0["brandId"]?.intValue.map(Int64.init) })
    }

    static func primeRatings(_ users: [Int64], _ ctx: RequestContext) { ctx.loaders.ratings.prime(users) }

    static func searchReviews(_ base: ReviewSearch, _ args: JSONObject, _ ctx: RequestContext) async throws -> ReviewPage {
        var search = base
        search.size = try Arguments.pageSize(args)
        search.offset = try Arguments.offset(args)
        let (client, body) = (ctx.readModels.search, search.body)
        let response = try await ctx.metrics.timeStore("search") {
            try await client.search(ctx.readModels.indexes.reviews, query: body)
        }
        let page = SearchPage(response, offset: search.offset)
        ctx.loaders.reviews.prime(page.ids)
        return ReviewPage(hits: page)
    }

    static func reviews(_ page: SearchPage, _ ctx: RequestContext) async throws -> [(offset: Int, node: JSONValue)] {
        let found = try await ctx.loaders.reviews.loadMany(page.ids)
        let nodes = page.ids.enumerated().compactMap { index, id -> (offset: Int, node: JSONValue)? in
            found[id].map { (page.offset + index, $0) }
        }
        let people = nodes.flatMap { [$0.node["reviewerId"], $0.node["sellerId"]] }.compactMap { $0?.intValue.map(Int64.init) }
        ctx.loaders.users.prime(people)
        ctx.loaders.gifticons.prime(nodes.compactMap { $0.node["gifticonId"]?.intValue.map(Int64.init) })
        return nodes
    }

    /// A keyword matched literally inside a MongoDB regular expression.
    static func regexLiteral(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
