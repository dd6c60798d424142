import GraphQLEngine
import ReadModels
import Stores

/// `Query.syncStatus`: how far the read models have caught up with the command side, and whether a consistency
/// token is reflected yet.
enum SyncStatusFeature: QueryFeature {
    /// The root of `syncStatus`'s fields (they read the stores themselves).
    struct Source: Sendable {}

    static var queryFields: [String: GraphQLFieldResolver] {
        ["syncStatus": .sync { _, _, _, _ in Source() }]
    }

    static var typeFields: [String: [String: GraphQLFieldResolver]] {
        [
            "SyncStatus": [
                "appliedPosition": .async { _, _, context, _ in
                    try await GraphQLResolveInfo.context(context).waiterForStatus.appliedPosition()?.description
                },
                "appliedAt": .async { _, _, context, _ in
                    let freshness = try await SyncFreshness.read(GraphQLResolveInfo.context(context).readModels)
                    return freshness.appliedMillis.map { ISO8601Time.iso8601(micros: $0 * 1000) }
                },
                "lagMilliseconds": .async { _, _, context, _ in
                    try await SyncFreshness.read(GraphQLResolveInfo.context(context).readModels).lagMillis.map { Int($0) }
                },
                "reflects": .async { _, args, context, _ in
                    guard let text = args["consistencyToken"]?.stringValue, let token = LSN(text) else {
                        throw GatewayError.badInput("consistencyToken is not a WAL position like \"16/B374D848\".", field: "consistencyToken")
                    }
                    guard let applied = try? await GraphQLResolveInfo.context(context).waiterForStatus.appliedPosition() else { return false }
                    return applied >= token
                },
            ],
        ]
    }
}
