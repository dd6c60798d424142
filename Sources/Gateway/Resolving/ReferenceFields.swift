import GraphQLEngine
import JSON

/// Fields of an entity that a partial copy of it (the one embedded in a gifticon) may lack: answered from the copy
/// when it has the member, else from the entity's own document, loaded by the copy's `id`.
enum ReferenceFields {
    typealias LoaderChoice = @Sendable (RequestLoaders) -> BatchLoader<Int64, JSONValue>

    static func resolvers(_ loader: @escaping LoaderChoice, _ fields: [String]) -> [String: GraphQLFieldResolver] {
        var out: [String: GraphQLFieldResolver] = [:]
        for field in fields {
            out[field] = .async { source, _, context, _ in
                guard let o = document(source) else { return nil }
                if let value = o[field] { return value }
                guard let id = o["id"]?.intValue else { return nil }
                return try await loader(GraphQLResolveInfo.context(context).loaders).load(Int64(id))?[field]
            }
        }
        return out
    }
}
