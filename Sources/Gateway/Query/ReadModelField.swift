import GraphQLEngine
import JSON

/// A `Query` field that reads the read models: it gets the request's context and honours the field's
/// `consistency` token before `body` reads anything, so every root field waits the same way.
func readModelField(
    _ body: @escaping @Sendable (_ args: JSONObject, _ ctx: RequestContext, _ info: GraphQLResolveInfo) async throws -> (any Sendable)?
) -> GraphQLFieldResolver {
    .async { _, args, context, info in
        let ctx = GraphQLResolveInfo.context(context)
        try await ctx.awaitConsistency(args, info)
        return try await body(args, ctx, info)
    }
}
