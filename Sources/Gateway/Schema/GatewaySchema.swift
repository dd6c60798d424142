import GraphQLEngine

/// The served schema: the SDL of schema.graphql with the gateway's resolvers attached.
public enum GatewaySchema {
    public static func make() throws -> GraphQLSchema {
        var resolvers = QuerySide.resolvers
        resolvers["Mutation"] = MutationResolvers.resolvers
        return try buildSchema(gatewaySchemaSDL, sourceName: "schema.graphql", resolvers: resolvers)
    }
}
