import GraphQLEngine
import Logging

/// Step 5: the operation runs with the request's context (caller, loaders, consistency waits) within the timeout.
extension GraphQLService {
    func execute(_ prepared: PreparedDocument, _ parameters: GraphQLParameters, _ request: GraphQLHTTPRequest,
                 logger: Logger, media: ResponseMediaType) async throws(EarlyAnswer) -> (result: ExecutionResult, context: RequestContext) {
        let context = RequestContext(readModels: readModels, commands: commands, caller: caller(request.authorization),
                                     idempotencyKey: request.idempotencyKey, logger: logger, metrics: metrics, waiter: waiter)
        let (schema, variables, operationName) = (self.schema, parameters.variables, parameters.operationName)
        let outcome = await withDeadline(configuration.requestTimeout) {
            await GraphQLEngine.execute(schema: schema, document: prepared.document, contextValue: context, variableValues: variables,
                                        operationName: operationName, plans: prepared.plans)
        }
        guard let result = outcome else {
            logger.warning("request timed out", metadata: ["timeout": "\(configuration.requestTimeout)"])
            throw EarlyAnswer(response: GraphQLHTTPResponse(status: 504, headers: [("Content-Type", media.contentType)], body: ExecutionResult(
                data: nil, errors: [GraphQLError("The request took longer than \(configuration.requestTimeout).",
                                                 extensions: [ErrorExtensionEntry("code", .string(GatewayErrorCode.timeout.rawValue))])]).jsonBytes()))
        }
        if result.data == nil {
            // Variables that do not coerce: a request error.
            throw EarlyAnswer(response: requestErrors(result.errors.map { error in
                var e = error
                if !e.extensions.contains(where: { $0.key == "code" }) {
                    e.extensions.append(ErrorExtensionEntry("code", .string(GatewayErrorCode.badUserInput.rawValue)))
                }
                return e
            }, media: media))
        }
        return (result, context)
    }

    /// Who is asking: anonymous without a token, the token's user, or rejected with the reason (mutations say it).
    func caller(_ authorization: String?) -> Caller {
        guard let authorization, !authorization.isEmpty else { return .anonymous }
        guard let verifier else { return .rejected("this gateway has no GATEWAY_JWT_SECRET") }
        do { return .user(try verifier.claims(fromBearer: authorization)) } catch { return .rejected(error.reason) }
    }
}
