import GraphQLEngine

/// One feature of the query side: the fields it adds to `Query` and the resolvers of the types it owns. Each
/// lives in a folder of its own under `Query/`, with its searches, pages and hydration.
protocol QueryFeature {
    /// Root fields of `Query`.
    static var queryFields: [String: GraphQLFieldResolver] { get }
    /// Resolvers by type name, then field name (fields not listed read the document's member of the same name).
    static var typeFields: [String: [String: GraphQLFieldResolver]] { get }
}

/// Every feature of the query side.
enum QuerySide {
    static let features: [any QueryFeature.Type] = [
        GifticonsFeature.self, ReviewsFeature.self, UsersFeature.self, CatalogFeature.self, SyncStatusFeature.self, ViewerFeature.self,
    ]

    /// `Query`'s resolvers and every feature's type resolvers; a type or root field claimed twice is a bug.
    static var resolvers: [String: [String: GraphQLFieldResolver]] {
        var resolvers: [String: [String: GraphQLFieldResolver]] = ["Query": [:]]
        for feature in features {
            resolvers["Query"]!.merge(feature.queryFields) { _, _ in preconditionFailure("a Query field claimed twice") }
            resolvers.merge(feature.typeFields) { _, _ in preconditionFailure("a type's resolvers claimed twice") }
        }
        return resolvers
    }
}
