/// Wraps any error thrown while resolving a field into a `GraphQLError` located at the field's nodes and path,
/// as graphql-js's `locatedError`. A `GraphQLError` that already has a path is returned unchanged.
public func locatedError(
    _ error: any Error,
    nodes: [any Node],
    path: [PathComponent]?
) -> GraphQLError {
    if var graphQLError = error as? GraphQLError {
        if graphQLError.path != nil { return graphQLError }
        if graphQLError.locations.isEmpty {
            let located = GraphQLError(graphQLError.message, nodes: nodes)
            graphQLError.locations = located.locations
            graphQLError.positions = located.positions
            graphQLError.source = located.source
        }
        graphQLError.path = path
        return graphQLError
    }
    let message: String
    if let described = error as? CustomStringConvertible {
        message = described.description
    } else {
        message = "Unexpected error value: \(String(describing: error))"
    }
    return GraphQLError(message, nodes: nodes, path: path, originalError: error as (any Error & Sendable))
}
