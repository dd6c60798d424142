import GraphQLEngine

/// The served schema: the SDL of schema.graphql (embedded by SwiftPM, see Package.swift) with the gateway's
/// resolvers attached.
public enum GatewaySchema {
    public static func make() throws -> GraphQLSchema {
        var resolvers = QuerySide.resolvers
        resolvers["Mutation"] = MutationResolvers.resolvers
        resolvers.merge(PayloadObjects.typeFields) { _, payload in payload }
        resolvers["Subscription"] = SubscriptionSide.resolvers
        let sdl = String(decoding: PackageResources.schema_graphql, as: UTF8.self)
        let schema = try buildSchema(sdl, sourceName: "schema.graphql", resolvers: resolvers)
        SubscriptionSide.attachSources(to: schema)
        return schema
    }
}
