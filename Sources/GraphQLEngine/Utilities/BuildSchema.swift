/// Parses SDL and builds a schema, as graphql-js's `buildSchema`.
///
/// ```swift
/// let schema = try buildSchema("""
///     type Query { items: [Item!]! }
///     type Item { id: ID! name: String }
///     """, resolvers: ["Query": ["items": .async { _, _, ctx, _ in try await loadItems(ctx) }]])
/// ```
public func buildSchema(
    _ sdl: String,
    sourceName: String = "GraphQL request",
    scalars: [GraphQLScalarType] = [],
    resolvers: [String: [String: GraphQLFieldResolver]] = [:],
    typeResolvers: [String: GraphQLTypeResolver] = [:]
) throws -> GraphQLSchema {
    let document = try parseDocument(sdl, sourceName: sourceName)
    return try buildASTSchema(document, scalars: scalars, resolvers: resolvers, typeResolvers: typeResolvers)
}

/// The one place the utilities call the language layer's parser.
func parseDocument(_ text: String, sourceName: String) throws -> DocumentNode {
    try parse(Source(text, name: sourceName))
}
