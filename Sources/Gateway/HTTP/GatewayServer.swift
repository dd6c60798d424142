import Commands
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Tracing

/// The gateway on Hummingbird: `/graphql` (GET and POST, GraphiQL for browsers, WebSocket upgrades to
/// graphql-transport-ws), `/health/live`, `/health/ready` and `/metrics`.
///
/// ```swift
/// let server = GatewayServer(service: service)
/// try await server.application().runService()
/// ```
public struct GatewayServer: Sendable {
    public let service: GraphQLService
    let readiness: ReadinessCheck
    let graphiql: GraphiQLAssets
    let graphiqlPage: GraphiQLPage

    /// Throws `GraphiQLAssets.LoadError` when `GATEWAY_GRAPHIQL_ASSETS` names a folder without GraphiQL's files.
    public init(service: GraphQLService) throws {
        self.service = service
        graphiql = try GraphiQLAssets.load(folder: service.configuration.graphiqlAssets)
        graphiqlPage = GraphiQLPage(assets: graphiql)
        readiness = ReadinessCheck(readModels: service.readModels, commands: service.commands,
                                   timeout: service.configuration.readinessTimeout)
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let service = self.service, readiness = self.readiness, graphiql = self.graphiql, page = self.graphiqlPage
        let metrics = service.metrics
        // A span per request, continuing the caller's trace when it sends a W3C `traceparent`. A GET's variables may
        // hold what a user typed: the span keeps the query text, not them. Only with a tracer installed: the
        // middleware builds the span's attributes (the query string split and joined again) even for a no-op span.
        if !(InstrumentationSystem.tracer is NoOpTracer) {
            router.add(middleware: TracingMiddleware(redactingQueryParameters: ["variables", "extensions"]))
        }
        router.add(middleware: CrossOriginPolicy(origins: service.configuration.corsOrigins, metrics: metrics))
        router.add(middleware: UnroutedAnswers(metrics: metrics))
        router.get("/graphql") { request, _ in
            if ResponseMediaType.wantsEventStream(request.headers[.accept]) {
                return await Self.eventStream(service, Self.graphQLRequest(request, body: []), request)
            }
            if request.uri.query == nil, ResponseMediaType.prefersHTML(request.headers[.accept]) {
                metrics.requestCounted(status: 200)
                return Self.response(200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", page.contentSecurityPolicy),
                                           ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-cache")], page.html)
            }
            return Self.response(await service.respond(to: Self.graphQLRequest(request, body: [])))
        }
        router.post("/graphql") { request, _ in
            let limit = service.configuration.maxBodyBytes
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                metrics.requestCounted(status: 413)
                return Self.tooLarge(limit, request)
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch {
                metrics.requestCounted(status: 413)
                return Self.tooLarge(limit, request)
            }
            if ResponseMediaType.wantsEventStream(request.headers[.accept]) {
                return await Self.eventStream(service, Self.graphQLRequest(request, body: Array(buffer: body)), request)
            }
            return Self.response(await service.respond(to: Self.graphQLRequest(request, body: Array(buffer: body))))
        }
        // Methods the GraphQL endpoint does not take: 405 with what it does (GraphQL over HTTP).
        for method: HTTPRequest.Method in [.put, .delete, .patch] {
            router.on("/graphql", method: method) { request, _ in
                metrics.requestCounted(status: 405)
                let media = ResponseMediaType.negotiate(request.headers[.accept]) ?? .json
                let body = #"{"errors":[{"message":"/graphql takes GET and POST.","extensions":{"code":"\#(GatewayErrorCode.badRequest.rawValue)"}}]}"#
                return Self.response(405, [("Content-Type", media.contentType), ("Allow", CrossOriginPolicy<BasicRequestContext>.allowedMethods)],
                                     Array(body.utf8))
            }
        }
        router.get("\(GraphiQLAssets.pathPrefix):file") { request, context in
            guard let name = context.parameters.get("file"), let file = graphiql.served(Substring(name)), let bytes = file.bytes else {
                metrics.requestCounted(status: 404)
                return Self.response(404, [("Content-Type", "text/plain; charset=utf-8")], Array("Not found.\n".utf8))
            }
            metrics.requestCounted(status: 200)
            return Self.response(200, [("Content-Type", file.contentType), ("X-Content-Type-Options", "nosniff"),
                                       ("Cache-Control", "public, max-age=3600")], bytes)
        }
        router.get("/health/live") { _, _ in
            metrics.requestCounted(status: 200)
            return Self.response(200, [("Content-Type", "application/json")], Array(#"{"status":"live"}"#.utf8))
        }
        router.get("/health/ready") { _, _ in
            let (ready, body) = await readiness.run()
            metrics.requestCounted(status: ready ? 200 : 503)
            return Self.response(ready ? 200 : 503, [("Content-Type", "application/json")], Array(body.utf8))
        }
        router.get("/metrics") { _, _ in
            metrics.requestCounted(status: 200)
            // The sync's freshness as of this scrape; a Redis that is down leaves the last values.
            if let freshness = try? await SyncFreshness.read(service.readModels) { service.metrics.syncFreshness(freshness) }
            return Self.response(200, [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")], service.metrics.exposition())
        }
        return router
    }

    /// The application on `host:port` (port 0: any free port, reported to `onServerRunning`), with `services` (the trace
    /// exporter) run in its service group: started before the server, stopped after it.
    public func application(logger: Logger? = nil, services: [any Service] = [],
                            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let configuration = service.configuration
        let server = self
        return Application(
            router: router(),
            server: .gatewayHTTP1(configuration.connections, webSocket: webSocketConfiguration) { request, _, _ in server.shouldUpgrade(request) },
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "gifticon-gateway",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.connections.maxConnections)),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger ?? service.logger)
    }

    static func graphQLRequest(_ request: Request, body: [UInt8]) -> GraphQLHTTPRequest {
        let id = request.headers[HTTPField.Name("X-Request-ID")!].flatMap(RequestID.accepted) ?? RequestID.next()
        let query = FormDecoding.decodeChecked(request.uri.query)
        return GraphQLHTTPRequest(
            method: request.method == .get ? .get : .post,
            contentType: request.headers[.contentType], accept: request.headers[.accept],
            authorization: request.headers[.authorization],
            idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!],
            requestID: id, queryParameters: query.parameters, queryProblem: query.problem, body: body)
    }

    /// A GraphQL-over-SSE answer: 200 `text/event-stream`, written as the frames come (see `eventStream`).
    static func eventStream(_ service: GraphQLService, _ graphQLRequest: GraphQLHTTPRequest, _ request: Request) async -> Response {
        service.metrics.requestCounted(status: 200, operation: "event-stream")
        let session = await service.eventStream(graphQLRequest, lastEventID: request.headers[HTTPField.Name("Last-Event-ID")!])
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"  // a proxy must not hold events back to fill a buffer
        headers[HTTPField.Name("X-Request-ID")!] = graphQLRequest.requestID
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A server shutting down ends its streams with `complete` rather than waiting on them forever.
            try await withGracefulShutdownHandler {
                for await frame in session.frames { try await writer.write(ByteBuffer(bytes: frame)) }
            } onGracefulShutdown: {
                session.end()
            }
            try await writer.finish(nil)
        })
    }

    static func tooLarge(_ limit: Int, _ request: Request) -> Response {
        let media = ResponseMediaType.negotiate(request.headers[.accept]) ?? .json
        let body = #"{"errors":[{"message":"The request body is larger than \#(limit) bytes.","extensions":{"code":"BAD_USER_INPUT"}}]}"#
        return response(413, [("Content-Type", media.contentType), ("Connection", "close")], Array(body.utf8))
    }

    static func response(_ answer: GraphQLHTTPResponse) -> Response {
        response(answer.status, answer.headers, answer.body)
    }

    static func response(_ status: Int, _ headers: [(String, String)], _ body: [UInt8]) -> Response {
        var fields = HTTPFields()
        for (name, value) in headers { if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) } }
        return Response(status: HTTPResponse.Status(code: status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
