import GraphQLEngine
import Logging
import Tracing

/// Step 5: the operation runs with the request's context (caller, loaders, consistency waits) within the timeout.
extension GraphQLService {
    func execute(_ prepared: PreparedDocument, _ parameters: GraphQLParameters, _ request: GraphQLHTTPRequest,
                 logger: Logger, media: ResponseMediaType) async throws(EarlyAnswer) -> (result: ExecutionResult, context: RequestContext) {
        guard let (result, context) = await run(prepared, parameters, caller: caller(request.authorization),
                                                idempotencyKey: request.idempotencyKey, logger: logger) else {
            logger.warning("request timed out", metadata: ["timeout": "\(configuration.requestTimeout)"])
            throw EarlyAnswer(response: GraphQLHTTPResponse(status: 504, headers: [("Content-Type", media.contentType)],
                                                            body: ExecutionResult(data: nil, errors: [timeoutError]).jsonBytes()))
        }
        // Variables that do not coerce: a request error.
        if result.data == nil { throw EarlyAnswer(response: requestErrors(result.errors.map(Self.badUserInput), media: media)) }
        return (result, context)
    }

    /// The operation run with a request context of its own for `caller`, within the request timeout (every transport
    /// runs a query or mutation through this); nil when it ran past it.
    func run(_ prepared: PreparedDocument, _ parameters: GraphQLParameters, caller: Caller, idempotencyKey: String?,
             logger: Logger) async -> (result: ExecutionResult, context: RequestContext)? {
        let context = RequestContext(readModels: readModels, commands: commands, caller: caller, idempotencyKey: idempotencyKey,
                                     logger: logger, metrics: metrics, waiter: waiter)
        let (schema, variables, operationName) = (self.schema, parameters.variables, parameters.operationName)
        let outcome = await withDeadline(configuration.requestTimeout) {
            await withSpan("graphql.execute") { span in
                if let operationName { span.attributes["graphql.operation.name"] = operationName }
                return await GraphQLEngine.execute(schema: schema, document: prepared.document, contextValue: context,
                                                   variableValues: variables, operationName: operationName, plans: prepared.plans)
            }
        }
        return outcome.map { ($0, context) }
    }

    var timeoutError: GraphQLError {
        GraphQLError("The request took longer than \(configuration.requestTimeout).",
                     extensions: [ErrorExtensionEntry("code", .string(GatewayErrorCode.timeout.rawValue))])
    }

    /// An error before execution (variables that do not coerce) is the client's: BAD_USER_INPUT unless it has a code.
    static func badUserInput(_ error: GraphQLError) -> GraphQLError {
        if error.extensions.contains(where: { $0.key == "code" }) { return error }
        var e = error
        e.extensions.append(ErrorExtensionEntry("code", .string(GatewayErrorCode.badUserInput.rawValue)))
        return e
    }

    /// Who is asking: anonymous without a token, the token's user, or rejected with the reason (mutations say it).
    func caller(_ authorization: String?) -> Caller {
        guard let authorization, !authorization.isEmpty else { return .anonymous }
        guard let verifier else { return .rejected("this gateway has no GATEWAY_JWT_SECRET") }
        do { return .user(try verifier.claims(fromBearer: authorization)) } catch { return .rejected(error.reason) }
    }
}
