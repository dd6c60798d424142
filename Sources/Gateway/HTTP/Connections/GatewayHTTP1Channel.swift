import HTTPTypes
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 child channel with a WebSocket upgrade (`HTTP1WebSocketUpgradeChannel`), plus what the
/// gateway adds where it can still see HTTP/1's parts, between the request decoder and the upgrade handler:
/// pipelining assistance and `RequestReadDeadlines` (Hummingbird's own extension point comes after the conversion to
/// HTTP types, where the version is gone and a half-sent head is invisible). A connection that upgrades drops both
/// before the upgrade goes on: a WebSocket is not an HTTP request, and its liveness is its own (pings, the
/// protocol's init timeout), not the idle deadline.
struct GatewayHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1WebSocketUpgradeChannel.Value
    typealias ShouldUpgrade = @Sendable (HTTPRequest, any Channel, Logger) async throws
        -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>>

    private static let pipelining = "gateway.pipelining"
    private static let deadlines = "gateway.request-read-deadlines"

    private let upgradable: HTTP1WebSocketUpgradeChannel
    private let limits: ConnectionLimits

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, webSocket: WebSocketServerConfiguration,
         shouldUpgrade: @escaping ShouldUpgrade) {
        self.limits = limits
        // idleTimeout nil: the deadlines replace Hummingbird's idle timeout (its state handler stays, for graceful
        // shutdown: an idle connection closes at once, a busy one after its answer).
        upgradable = HTTP1WebSocketUpgradeChannel(responder: responder, configuration: .init(http1: .init(idleTimeout: nil), ws: webSocket)) {
            request, channel, logger in
            let decision = try await shouldUpgrade(request, channel, logger)
            // Before the upgrade handler removes the request decoder, whose leftover bytes (frames a client sent
            // without waiting for 101) these HTTP-only handlers must not see.
            if case .upgrade = decision {
                try await channel.pipeline.removeHandler(name: Self.deadlines).get()
                try await channel.pipeline.removeHandler(name: Self.pipelining).get()
            }
            return decision
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = self.limits
        return upgradable.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let pipelining = HTTPServerPipelineHandler()
            try pipeline.addHandler(pipelining, name: Self.pipelining, position: .after(decoder))
            try pipeline.addHandler(RequestReadDeadlines(limits: limits), name: Self.deadlines, position: .after(pipelining))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await upgradable.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the gateway's connection limits, and WebSocket upgrades as `shouldUpgrade` decides.
    static func gatewayHTTP1(_ limits: ConnectionLimits, webSocket: WebSocketServerConfiguration,
                             shouldUpgrade: @escaping GatewayHTTP1Channel.ShouldUpgrade) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            GatewayHTTP1Channel(responder: responder, limits: limits, webSocket: webSocket, shouldUpgrade: shouldUpgrade)
        }
    }
}
