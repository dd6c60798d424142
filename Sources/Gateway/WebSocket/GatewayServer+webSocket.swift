import Foundation
import HTTPTypes
import HummingbirdWebSocket
import Logging

/// GraphQL over WebSocket on `/graphql`: the graphql-transport-ws subprotocol (enisdenjo/graphql-ws, PROTOCOL.md).
extension GatewayServer {
    static let webSocketSubprotocol = "graphql-transport-ws"

    /// The WebSocket layer's settings: messages up to the body limit (a larger one closes 1009), text that is UTF-8
    /// (else 1007, as a body that is not is 400 rather than repaired), pings at the configured interval (a socket
    /// that misses one is closed).
    var webSocketConfiguration: WebSocketServerConfiguration {
        let configuration = service.configuration
        return WebSocketServerConfiguration(maxFrameSize: configuration.maxBodyBytes,
                                            autoPing: .enabled(timePeriod: configuration.webSocket.pingInterval), validateUTF8: true)
    }

    /// A GET `/graphql` upgrade: served when it offers graphql-transport-ws, which the answer selects; offering
    /// another subprotocol or none, it is upgraded and closed at once with 4406, so the client sees why (as
    /// graphql-ws servers do). Another path is refused (400).
    func shouldUpgrade(_ request: HTTPRequest) -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        guard request.method == .get, request.path?.split(separator: "?", maxSplits: 1).first == "/graphql" else { return .dontUpgrade }
        let service = self.service
        let offered = request.headerFields[values: .secWebSocketProtocol]
            .flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard offered.contains(Self.webSocketSubprotocol) else {
            return .upgrade([:]) { _, outbound, _ in
                await GraphQLWebSocketConnection.refuse(.subprotocolNotAcceptable, outbound: outbound, metrics: service.metrics)
            }
        }
        let authorization = request.headerFields[.authorization]
        return .upgrade([.secWebSocketProtocol: Self.webSocketSubprotocol]) { inbound, outbound, _ in
            try await GraphQLWebSocketConnection(service: service, upgradeAuthorization: authorization, outbound: outbound,
                                                 logger: service.logger).run(inbound)
        }
    }
}
