import GraphQLEngine
import Logging

/// Step 6: the response. Internal errors are masked (logged with details, answered without), errors resolvers
/// reported beside values are appended, every error's code is counted, and the status follows GraphQL over HTTP.
extension GraphQLService {
    func response(_ execution: (result: ExecutionResult, context: RequestContext), media: ResponseMediaType, logger: Logger,
                  keepingIn slot: CacheSlot?, query: String) -> GraphQLHTTPResponse {
        let errors = responseErrors(execution.result, execution.context, logger: logger)
        let body = ExecutionResult(data: execution.result.data, errors: errors).jsonBytes()
        keep(body, in: slot, query: query, hadErrors: !errors.isEmpty)
        return GraphQLHTTPResponse(status: 200, headers: [("Content-Type", media.contentType)], body: body)
    }

    /// An execution's errors as a response carries them (every transport's): internal ones masked, then those
    /// resolvers reported beside values; each counted by code.
    func responseErrors(_ result: ExecutionResult, _ context: RequestContext, logger: Logger) -> [GraphQLError] {
        let errors = ErrorMasking.mask(result.errors, logger: logger) + context.reportedErrors
        countErrors(errors)
        return errors
    }

    /// GraphQL request errors (no `data`): 400 with graphql-response+json, 200 with application/json.
    func requestErrors(_ errors: [GraphQLError], media: ResponseMediaType) -> GraphQLHTTPResponse {
        countErrors(errors)
        let status = media == .graphQLResponse ? 400 : 200
        return GraphQLHTTPResponse(status: status, headers: [("Content-Type", media.contentType)],
                                   body: ExecutionResult(data: nil, errors: errors).jsonBytes())
    }

    /// A request that is not well-formed GraphQL over HTTP: the status and one error.
    func plainError(_ status: Int, _ message: String, media: ResponseMediaType) -> GraphQLHTTPResponse {
        let code = status == 415 || status == 413 || status == 400 ? GatewayErrorCode.badUserInput.rawValue : GatewayErrorCode.badRequest.rawValue
        metrics.errorSent(code: code)
        return GraphQLHTTPResponse(status: status, headers: [("Content-Type", media.contentType)], body: ExecutionResult(
            data: nil, errors: [GraphQLError(message, extensions: [ErrorExtensionEntry("code", .string(code))])]).jsonBytes())
    }

    func countErrors(_ errors: [GraphQLError]) {
        for error in errors {
            if case .string(let code)? = error.extensions.first(where: { $0.key == "code" })?.value { metrics.errorSent(code: code) }
        }
    }
}
