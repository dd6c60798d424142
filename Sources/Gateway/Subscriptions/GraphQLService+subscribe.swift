import GraphQLEngine
import JSON
import Logging
import Stores

/// A subscription operation: CreateSourceEventStream, then MapSourceToResponseEvent, shared by every subscriber of
/// the same document, variables and viewer.
extension GraphQLService {
    func subscribe(_ prepared: PreparedDocument, _ parameters: GraphQLParameters, caller: Caller, resumeAfter: LSN?,
                   logger: Logger) async -> OperationStream {
        .refused([GatewayError(.badRequest, "Subscriptions are not served yet.").graphQLError.jsonValue])
    }
}
