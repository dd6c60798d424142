import GraphQLEngine
import JSON
import Logging
import Stores

/// An operation for a streaming transport: the same steps as over HTTP (persisted queries, the document cache and
/// its limits, the caller), but errors come back as GraphQL errors for the transport to frame, and a subscription
/// gives a stream of results.
extension GraphQLService {
    /// Runs `parameters` for `caller`; `resumeAfter` (else the request's `extensions.after`) is the last position
    /// the client saw, which a subscription catches up from. `mutationsAllowed` false: a mutation is refused (GET).
    func stream(_ parameters: GraphQLParameters, caller: Caller, resumeAfter: LSN? = nil, idempotencyKey: String? = nil,
                mutationsAllowed: Bool = true, logger: Logger) async -> OperationStream {
        var parameters = parameters
        let prepared: PreparedDocument
        let operation: OperationDefinitionNode
        do {
            let persistAs = try resolvePersistedQuery(&parameters, media: .json)
            let query = try requireQuery(parameters, media: .json)
            prepared = try validate(query, media: .json)
            if let persistAs { persisted.store(query, hash: persistAs) }
            operation = try selectOperation(in: prepared.document, named: parameters.operationName, media: .json)
            if !mutationsAllowed { try refuseOverGET(operation, method: .get, media: .json) }
        } catch {
            return .refused(error.errors)
        }
        var resumeAfter = resumeAfter
        if resumeAfter == nil, let after = parameters.extensions?["after"], !after.isNull {
            guard let text = after.stringValue, let position = LSN(text) else {
                return .refused([GatewayError.badInput("extensions.after must be a position an event carried, such as \"16/B374D848\".",
                                                       field: "extensions.after").graphQLError.jsonValue])
            }
            resumeAfter = position
        }
        if operation.operation == .subscription {
            return await subscribe(prepared, parameters, caller: caller, resumeAfter: resumeAfter, logger: logger)
        }
        guard let (result, context) = await run(prepared, parameters, caller: caller, idempotencyKey: idempotencyKey, logger: logger) else {
            return .refused([timeoutError.jsonValue])
        }
        if result.data == nil { return .refused(result.errors.map { Self.badUserInput($0).jsonValue }) }
        let body = ExecutionResult(data: result.data, errors: responseErrors(result, context, logger: logger)).jsonBytes()
        return .results(AsyncStream { continuation in
            continuation.yield(StreamedResult(body: body, position: nil))
            continuation.finish()
        })
    }
}

extension EarlyAnswer {
    /// The answer's GraphQL errors (every early answer's body is a GraphQL response with `errors`).
    var errors: [JSONValue] {
        (try? JSONReader.parse(response.body))?.objectValue?["errors"]?.arrayValue ?? []
    }
}
