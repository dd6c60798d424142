import Commands
import Foundation
import GraphQLEngine
import JSON
import Logging
import Stores

/// GraphQL over HTTP, independent of the server framework: negotiates the media type, reads the parameters
/// (persisted queries included), validates through the document cache and its limits, refuses mutations over GET,
/// executes with the request's context within the timeout, masks internal errors and picks the status code.
///
/// ```swift
/// let service = try GraphQLService(readModels: readModels, commands: runner, configuration: .fromEnvironment())
/// let response = await service.respond(to: GraphQLHTTPRequest(method: .post, contentType: "application/json", ...))
/// ```
public final class GraphQLService: Sendable {
    public let schema: GraphQLSchema
    public let configuration: GatewayConfiguration
    public let metrics: GatewayMetrics
    let readModels: ReadModels
    let commands: CommandRunner?
    let documents: ValidatedDocumentCache
    let persisted: PersistedQueries
    let responses: ResponseCache?
    let waiter: ConsistencyWaiter
    let verifier: JWTVerifier?
    let logger: Logger

    public init(readModels: ReadModels, commands: CommandRunner?, configuration: GatewayConfiguration,
                metrics: GatewayMetrics = GatewayMetrics(), logger: Logger = Logger(label: "gifticon.gateway")) throws {
        schema = try GatewaySchema.make()
        self.configuration = configuration
        self.metrics = metrics
        self.readModels = readModels
        self.commands = commands
        documents = ValidatedDocumentCache(schema: schema, capacity: configuration.documentCacheCapacity, limits: configuration.limits)
        persisted = PersistedQueries(capacity: configuration.persistedQueryCapacity)
        waiter = ConsistencyWaiter(readModels: readModels, timeout: configuration.consistencyTimeout, metrics: metrics,
                                   cache: configuration.cacheReadModels ? ReadModelCache() : nil)
        if configuration.cacheReadModels { waiter.watch(every: .milliseconds(50)) }
        responses = configuration.cacheReadModels && configuration.cacheResponses ? ResponseCache() : nil
        verifier = configuration.jwtSecret.map(JWTVerifier.init(secret:))
        self.logger = logger
    }

    public func respond(to request: GraphQLHTTPRequest) async -> GraphQLHTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        var logger = self.logger
        logger[metadataKey: "request-id"] = .string(request.requestID)
        var operationKind = "none"
        let response = await answer(request, logger: logger, operationKind: &operationKind)
        let elapsed = clock.now - start
        metrics.requestAnswered(status: response.status, operation: operationKind, duration: elapsed)
        logger.info("graphql request", metadata: [
            "method": "\(request.method.rawValue)", "status": "\(response.status)", "operation": "\(operationKind)",
            "ms": "\(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)",
        ])
        var headers = response.headers
        headers.append(("X-Request-ID", request.requestID))
        return GraphQLHTTPResponse(status: response.status, headers: headers, body: response.body)
    }

    private func answer(_ request: GraphQLHTTPRequest, logger: Logger, operationKind: inout String) async -> GraphQLHTTPResponse {
        guard let media = ResponseMediaType.negotiate(request.accept) else {
            return plainError(406, "Accept allows neither application/graphql-response+json nor application/json.", media: .json)
        }
        // Parameters.
        var parameters: GraphQLParameters
        do {
            switch request.method {
            case .get: parameters = try GraphQLParameters.fromQueryParameters(request.queryParameters)
            case .post:
                if request.body.count > configuration.maxBodyBytes {
                    return plainError(413, "The request body is larger than \(configuration.maxBodyBytes) bytes.", media: media)
                }
                parameters = try GraphQLParameters.fromBody(request.body, contentType: request.contentType)
            }
        } catch {
            return plainError(error.status, error.message, media: media)
        }
        // Automatic persisted queries.
        if let persistedQuery = parameters.extensions?["persistedQuery"]?.objectValue {
            guard let hash = persistedQuery["sha256Hash"]?.stringValue, hash.count == 64 else {
                return plainError(400, "extensions.persistedQuery needs a sha256Hash of 64 hex digits.", media: media)
            }
            if let text = parameters.query {
                guard PersistedQueries.sha256(text) == hash.lowercased() else {
                    return requestErrors([GatewayError(.badUserInput, "provided sha does not match query").graphQLError], media: media)
                }
                persisted.store(text, hash: hash)
            } else if let text = persisted.text(for: hash) {
                parameters.query = text
            } else {
                return requestErrors([GatewayError(.persistedQueryNotFound, "PersistedQueryNotFound").graphQLError], media: media)
            }
        }
        guard let query = parameters.query, !query.isEmpty else {
            return plainError(400, "Must provide query string.", media: media)
        }
        // Parse and validate (cached), then pick the operation.
        let document: DocumentNode
        let prepared = documents.prepared(query)
        switch prepared.document {
        case .valid(let d): document = d
        case .invalid(let errors): return requestErrors(errors.map(Self.coded), media: media)
        }
        let operations = document.definitions.compactMap { definition -> OperationDefinitionNode? in
            if case .operation(let op) = definition { return op }
            return nil
        }
        let operation: OperationDefinitionNode?
        if let name = parameters.operationName {
            operation = operations.first { $0.name?.value == name }
            if operation == nil {
                return requestErrors([GatewayError(.badUserInput, "Unknown operation named \"\(name)\".").graphQLError], media: media)
            }
        } else {
            if operations.count > 1 {
                return requestErrors([GatewayError(.badUserInput, "Must provide operation name if query contains multiple operations.").graphQLError], media: media)
            }
            operation = operations.first
        }
        guard let operation else { return plainError(400, "Must provide an operation.", media: media) }
        operationKind = operation.operation.rawValue
        if request.method == .get && operation.operation != .query {
            var response = plainError(405, "A \(operation.operation.rawValue) cannot be sent with GET; use POST.", media: media)
            response.headers.append(("Allow", "POST"))
            return response
        }
        // A query answered before at this generation: the same bytes.
        var cacheSlot: (key: ResponseCache.Key, generation: LSN)?
        if let responses, operation.operation == .query, let generation = waiter.cache?.currentGeneration() {
            let key = ResponseCache.Key(query: query, operationName: parameters.operationName,
                                        variables: parameters.variables.map { JSONValue.object($0).jsonBytes() } ?? [])
            if let body = responses.response(for: key, generation: generation) {
                metrics.responseCacheHit()
                return GraphQLHTTPResponse(status: 200, headers: [("Content-Type", media.contentType)], body: body)
            }
            cacheSlot = (key, generation)
        }
        // Execute within the timeout.
        let caller = callerOf(request.authorization)
        let context = RequestContext(readModels: readModels, commands: commands, caller: caller,
                                     idempotencyKey: request.idempotencyKey, logger: logger, metrics: metrics, waiter: waiter)
        let (schema, variables, operationName, plans) = (self.schema, parameters.variables, parameters.operationName, prepared.plans)
        let outcome = await withDeadline(configuration.requestTimeout) {
            await execute(schema: schema, document: document, contextValue: context, variableValues: variables,
                          operationName: operationName, plans: plans)
        }
        guard let result = outcome else {
            logger.warning("request timed out", metadata: ["timeout": "\(configuration.requestTimeout)"])
            return GraphQLHTTPResponse(status: 504, headers: [("Content-Type", media.contentType)], body: ExecutionResult(
                data: nil, errors: [GraphQLError("The request took longer than \(configuration.requestTimeout).",
                                                 extensions: [ErrorExtensionEntry("code", "TIMEOUT")])]).jsonBytes())
        }
        if result.data == nil {
            // Variables that do not coerce: a request error.
            return requestErrors(result.errors.map { error in
                var e = error
                if !e.extensions.contains(where: { $0.key == "code" }) {
                    e.extensions.append(ErrorExtensionEntry("code", .string(GatewayErrorCode.badUserInput.rawValue)))
                }
                return e
            }, media: media)
        }
        let errors = ErrorMasking.mask(result.errors, logger: logger) + context.reportedErrors
        countErrors(errors)
        let body = ExecutionResult(data: result.data, errors: errors).jsonBytes()
        // Judged here, not before the lookup: a query that is never kept simply never hits.
        if let cacheSlot, errors.isEmpty, waiter.cache?.currentGeneration() == cacheSlot.generation, ResponseCache.mayKeep(query) {
            responses?.store(body, for: cacheSlot.key, generation: cacheSlot.generation)
        }
        return GraphQLHTTPResponse(status: 200, headers: [("Content-Type", media.contentType)], body: body)
    }

    private func callerOf(_ authorization: String?) -> Caller {
        guard let authorization, !authorization.isEmpty else { return .anonymous }
        guard let verifier else { return .rejected("this gateway has no GATEWAY_JWT_SECRET") }
        do { return .user(try verifier.claims(fromBearer: authorization)) } catch { return .rejected(error.reason) }
    }

    /// A document's parse error or rule violation, with a code when the rule gave none.
    static func coded(_ error: GraphQLError) -> GraphQLError {
        if error.extensions.contains(where: { $0.key == "code" }) { return error }
        var e = error
        let code: GatewayErrorCode = error.message.hasPrefix("Syntax Error") ? .parseFailed : .validationFailed
        e.extensions.append(ErrorExtensionEntry("code", .string(code.rawValue)))
        return e
    }

    /// GraphQL request errors (no `data`): 400 with graphql-response+json, 200 with application/json.
    private func requestErrors(_ errors: [GraphQLError], media: ResponseMediaType) -> GraphQLHTTPResponse {
        countErrors(errors)
        let status = media == .graphQLResponse ? 400 : 200
        return GraphQLHTTPResponse(status: status, headers: [("Content-Type", media.contentType)],
                                   body: ExecutionResult(data: nil, errors: errors).jsonBytes())
    }

    /// A request that is not well-formed GraphQL over HTTP: the status and one error.
    private func plainError(_ status: Int, _ message: String, media: ResponseMediaType) -> GraphQLHTTPResponse {
        let code = status == 415 || status == 413 || status == 400 ? GatewayErrorCode.badUserInput.rawValue : "BAD_REQUEST"
        metrics.errorSent(code: code)
        return GraphQLHTTPResponse(status: status, headers: [("Content-Type", media.contentType)], body: ExecutionResult(
            data: nil, errors: [GraphQLError(message, extensions: [ErrorExtensionEntry("code", .string(code))])]).jsonBytes())
    }

    private func countErrors(_ errors: [GraphQLError]) {
        for error in errors {
            if case .string(let code)? = error.extensions.first(where: { $0.key == "code" })?.value { metrics.errorSent(code: code) }
        }
    }
}
