import Commands
import GraphQLEngine
import JSON
import Logging
import Stores
import Tracing

/// GraphQL over HTTP, independent of the server framework. A request goes through these steps, each in a file of
/// its own (`GraphQLService+<step>.swift`); the first that answers ends it:
/// 1. parameters: the media type, then the parameters from the body or the URL (size and content type checked);
/// 2. persisted queries: an APQ hash becomes its text;
/// 3. operation: parse and validate through the document cache and its limits, pick the operation, refuse a
///    mutation over GET;
/// 4. response cache: a query answered before at this read-model generation gets the same bytes;
/// 5. execution: with the request's context (caller, loaders, consistency waits) within the timeout;
/// 6. response: masking internal errors, picking the status code, keeping the answer for the cache.
///
/// ```swift
/// let service = try GraphQLService(readModels: stores, commands: runner, configuration: .fromEnvironment())
/// let response = await service.respond(to: GraphQLHTTPRequest(method: .post, contentType: "application/json", ...))
/// ```
public final class GraphQLService: Sendable {
    public let schema: GraphQLSchema
    public let configuration: GatewayConfiguration
    public let metrics: GatewayMetrics
    let readModels: ReadModelStores
    let commands: CommandRunner?
    let documents: ValidatedDocumentCache
    let persisted: PersistedQueries
    let responses: ResponseCache?
    let waiter: ConsistencyWaiter
    let verifier: JWTVerifier?
    let logger: Logger
    /// The live side: subscriptions, shared by document, variables and viewer, fed by the sync's change stream.
    let subscriptions: SubscriptionHub

    public init(readModels: ReadModelStores, commands: CommandRunner?, configuration: GatewayConfiguration,
                metrics: GatewayMetrics = GatewayMetrics(), logger: Logger = Logger(label: "gifticon.gateway")) throws {
        schema = try GatewaySchema.make()
        self.configuration = configuration
        self.metrics = metrics
        self.readModels = readModels
        self.commands = commands
        documents = ValidatedDocumentCache(schema: schema, capacity: configuration.documentCacheCapacity,
                                           byteCapacity: configuration.documentCacheBytes, limits: configuration.limits,
                                           observePhase: { phase, run in withSpan("graphql.\(phase.rawValue)") { _ in run() } })
        persisted = PersistedQueries(capacity: configuration.persistedQueryCapacity, byteCapacity: configuration.persistedQueryBytes)
        var commandPosition: (@Sendable () async throws -> LSN)?
        if let commands { commandPosition = { try await commands.currentPosition() } }
        waiter = ConsistencyWaiter(readModels: readModels, timeout: configuration.consistencyTimeout, metrics: metrics,
                                   cache: configuration.cacheReadModels ? ReadModelCache(byteCapacity: configuration.readModelCacheBytes) : nil,
                                   commandPosition: commandPosition)
        if configuration.cacheReadModels { waiter.watch(every: .milliseconds(50)) }
        responses = configuration.cacheReadModels && configuration.cacheResponses
            ? ResponseCache(byteCapacity: configuration.responseCacheBytes) : nil
        verifier = configuration.jwtSecret.map { JWTVerifier(secret: $0, maxLifetime: configuration.maxTokenLifetime) }
        self.logger = logger
        subscriptions = SubscriptionHub(feed: ChangeFeed(redis: readModels.redis, key: readModels.keys.changeNotices, logger: logger),
                                        maxSubscriptions: configuration.subscriptions.maxSubscriptions,
                                        metrics: SubscriptionMetrics(metrics.registry))
    }

    /// Answers one request, timed, counted and logged with its request id.
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
        do {
            var parameters = try readParameters(request, media: media)
            let persistAs = try resolvePersistedQuery(&parameters, media: media)
            let query = try requireQuery(parameters, media: media)
            let prepared = try validate(query, media: media)
            if let persistAs { persisted.store(query, hash: persistAs) }
            let operation = try selectOperation(in: prepared.document, named: parameters.operationName, media: media)
            operationKind = operation.operation.rawValue
            try refuseOverGET(operation, method: request.method, media: media)
            try refuseSubscription(operation, media: media)
            // A request with a token may read what only its user sees (`me`, a gifticon's buyer): never shared.
            let cacheSlot = request.authorization == nil ? try cachedResponse(query, parameters, operation, media: media) : nil
            let result = try await execute(prepared, parameters, request, logger: logger, media: media)
            return response(result, media: media, logger: logger, keepingIn: cacheSlot, query: query)
        } catch {
            return error.response
        }
    }
}
