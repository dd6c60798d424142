import GraphQLEngine
import JSON
import ReadModels

/// The review documents behind search hits, with their reviewers, sellers and gifticons primed.
enum ReviewHydration {
    static func documents(_ page: SearchPage, _ ctx: RequestContext) async throws -> [(cursor: String, node: JSONValue)] {
        let found = try await ctx.loaders.reviews.loadMany(page.ids)
        let nodes = page.ids.enumerated().compactMap { index, id -> (cursor: String, node: JSONValue)? in
            found[id].map { (page.cursors[index], $0) }
        }
        let people = nodes.flatMap { [$0.node[ReviewDocument.reviewerId], $0.node[ReviewDocument.sellerId]] }
            .compactMap { $0?.intValue.map(Int64.init) }
        ctx.loaders.users.prime(people)
        ctx.loaders.gifticons.prime(nodes.compactMap { $0.node[ReviewDocument.gifticonId]?.intValue.map(Int64.init) })
        return nodes
    }
}
