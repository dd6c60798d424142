import GraphQLEngine

/// A page of reviews: the search hits, hydrated from their documents when a field asks for them.
struct ReviewPage: Sendable {
    let hits: SearchPage

    /// `ReviewConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        SearchConnection.fields(hits: { ($0 as! ReviewPage).hits }, documents: ReviewHydration.documents)
    }
}
