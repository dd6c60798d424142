import Foundation
import GraphQLEngine

/// The gateway's settings, from the environment (`GATEWAY_*`) with safe defaults.
public struct GatewayConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The HS256 secret mutations' tokens are signed with; nil: every mutation is UNAUTHENTICATED.
    public var jwtSecret: String?
    /// The longest a token may still be valid for (its `exp` from now); longer-lived tokens are refused.
    public var maxTokenLifetime: TimeInterval = 86_400
    /// How long a query waits for its consistency token before answering STALE_READ.
    public var consistencyTimeout: Duration = .seconds(2)
    /// The longest a request may take before it is answered 504.
    public var requestTimeout: Duration = .seconds(10)
    /// The longest one read-model store call may take (a reply, a connect, a free connection) before its fields fail:
    /// a hung store costs a request this, not its whole deadline.
    public var storeTimeout: Duration = .seconds(2)
    /// How long `/health/ready` waits for each store before calling it down.
    public var readinessTimeout: Duration = .seconds(1)
    /// Read deadlines and the connection cap (`GATEWAY_IDLE_TIMEOUT_MS`, `GATEWAY_BODY_TIMEOUT_MS`, `GATEWAY_MAX_CONNECTIONS`).
    public var connections = ConnectionLimits()
    /// Subscriptions on this instance, a subscriber's queue, SSE keep-alives (see `SubscriptionLimits`).
    public var subscriptions = SubscriptionLimits()
    /// Bodies larger than this are answered 413; a WebSocket message larger than this closes its socket 1009.
    public var maxBodyBytes = 256 * 1024
    /// GraphQL over WebSocket (`GATEWAY_WS_INIT_TIMEOUT_MS`, `GATEWAY_WS_MAX_OPERATIONS_PER_CONNECTION`,
    /// `GATEWAY_WS_PING_INTERVAL_MS`).
    public var webSocket = WebSocketLimits()
    /// Depth, aliases, root fields, cost and tokens: what a public endpoint accepts.
    public var limits = QueryLimits(maxTokens: 5_000, maxDepth: 15, maxAliases: 30, maxRootFields: 20, maxCost: 50_000)
    /// Keep read-model documents in memory while the applied WAL position stays (see `ReadModelCache`).
    public var cacheReadModels = true
    /// Keep whole query responses for the same generation too (see `ResponseCache`; needs `cacheReadModels`).
    public var cacheResponses = true
    /// Browser origins allowed to call the API from another origin (`https://shop.example.kr`); none by default.
    public var corsOrigins: Set<String> = []
    /// A folder holding GraphiQL's files, served under `/graphiql/` (see `GraphiQLAssets`); nil: pinned CDN copies.
    public var graphiqlAssets: String?
    public var documentCacheCapacity = 1_000
    public var persistedQueryCapacity = 10_000
    /// The caches' byte budgets (keys included): together with the connection cap and the body limit they bound the
    /// gateway's memory whatever clients send (README: "Memory").
    public var documentCacheBytes = 64 << 20
    public var persistedQueryBytes = 16 << 20
    public var responseCacheBytes = 64 << 20
    public var readModelCacheBytes = 64 << 20

    public init() {}

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> GatewayConfiguration {
        var c = GatewayConfiguration()
        if let host = environment["GATEWAY_HOST"], !host.isEmpty { c.host = host }
        if let port = environment["GATEWAY_PORT"].flatMap(Int.init) { c.port = port }
        if let secret = environment["GATEWAY_JWT_SECRET"], !secret.isEmpty { c.jwtSecret = secret }
        if let seconds = environment["GATEWAY_MAX_TOKEN_LIFETIME_S"].flatMap(Int.init), seconds > 0 { c.maxTokenLifetime = TimeInterval(seconds) }
        if let ms = environment["GATEWAY_CONSISTENCY_TIMEOUT_MS"].flatMap(Int.init) { c.consistencyTimeout = .milliseconds(ms) }
        if let ms = environment["GATEWAY_REQUEST_TIMEOUT_MS"].flatMap(Int.init) { c.requestTimeout = .milliseconds(ms) }
        if let ms = environment["GATEWAY_STORE_TIMEOUT_MS"].flatMap(Int.init), ms > 0 { c.storeTimeout = .milliseconds(ms) }
        if let ms = environment["GATEWAY_READINESS_TIMEOUT_MS"].flatMap(Int.init) { c.readinessTimeout = .milliseconds(ms) }
        if let ms = environment["GATEWAY_IDLE_TIMEOUT_MS"].flatMap(Int.init), ms > 0 { c.connections.idleTimeout = .milliseconds(ms) }
        if let ms = environment["GATEWAY_BODY_TIMEOUT_MS"].flatMap(Int.init), ms > 0 { c.connections.bodyTimeout = .milliseconds(ms) }
        if let count = environment["GATEWAY_MAX_CONNECTIONS"].flatMap(Int.init), count > 0 { c.connections.maxConnections = count }
        if let bytes = environment["GATEWAY_MAX_BODY_BYTES"].flatMap(Int.init) { c.maxBodyBytes = bytes }
        if let ms = environment["GATEWAY_WS_INIT_TIMEOUT_MS"].flatMap(Int.init), ms > 0 { c.webSocket.initTimeout = .milliseconds(ms) }
        if let count = environment["GATEWAY_WS_MAX_OPERATIONS_PER_CONNECTION"].flatMap(Int.init), count > 0 {
            c.webSocket.maxOperationsPerConnection = count
        }
        if let ms = environment["GATEWAY_WS_PING_INTERVAL_MS"].flatMap(Int.init), ms > 0 { c.webSocket.pingInterval = .milliseconds(ms) }
        if let depth = environment["GATEWAY_MAX_DEPTH"].flatMap(Int.init) { c.limits.maxDepth = depth }
        if let cost = environment["GATEWAY_MAX_COST"].flatMap(Int.init) { c.limits.maxCost = cost }
        if let tokens = environment["GATEWAY_MAX_TOKENS"].flatMap(Int.init) { c.limits.maxTokens = tokens }
        if let aliases = environment["GATEWAY_MAX_ALIASES"].flatMap(Int.init) { c.limits.maxAliases = aliases }
        if let origins = environment["GATEWAY_CORS_ORIGINS"] {
            c.corsOrigins = Set(origins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        if let folder = environment["GATEWAY_GRAPHIQL_ASSETS"], !folder.isEmpty { c.graphiqlAssets = folder }
        if let flag = environment["GATEWAY_CACHE"] { c.cacheReadModels = !["0", "false", "off", "no"].contains(flag.lowercased()) }
        if let flag = environment["GATEWAY_RESPONSE_CACHE"] { c.cacheResponses = !["0", "false", "off", "no"].contains(flag.lowercased()) }
        if let flag = environment["GATEWAY_INTROSPECTION"] { c.limits.allowsIntrospection = !["0", "false", "off", "no"].contains(flag.lowercased()) }
        c.subscriptions.read(environment)
        return c
    }
}
