import Foundation
import HTTPTypes
import HummingbirdWSClient
import JSON
import Logging
import NIOWebSocket
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gifticon serve` told to stop (SIGTERM) ends its open subscriptions instead of waiting on them forever: an SSE
/// stream gets `complete`, a WebSocket is closed (by the WebSocket layer, 1000), and the process exits.
@Suite struct GracefulShutdownTests {
    static var binary: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/GatewayTests/X.swift -> package root
        return url.appendingPathComponent(".build/debug/gifticon")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func aServerShuttingDownEndsItsEventStreamsAndSockets() async throws {
        let port = try OwnServer.freePort()
        let name = "gw_shutdown_\(UInt32.random(in: 0...UInt32.max))"
        let server = OwnServer(name: "gifticon-serve", executable: Self.binary.path, arguments: [
            "serve", "--port", String(port), "--index-prefix", "\(name)_", "--redis-prefix", "test:\(name):", "--expiry-interval", "0",
        ])
        try await server.start {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/health/live")!)
            request.timeoutInterval = 2
            return ((try? await URLSession.shared.data(for: request))?.1 as? HTTPURLResponse)?.statusCode == 200
        }
        defer { server.stop() }
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["query": #"subscription { gifticonChanged(id: "1") { id } }"#]),
                          as: UTF8.self)
        let stream = try EventStreamClient(port: port, headers: ["Accept": "text/event-stream", "Content-Type": "application/json"], body: body)
        defer { stream.stop() }
        let socket = Task { try await Self.subscribeOverWebSocket(port: port) }
        // Both subscriptions are open before the signal: a loaded run once sent it while the socket's upgrade was
        // under way, and the server shutting down reset that connection.
        do {
            try await GatewayHarness.waitForSubscriptions(2, port: port)
        } catch {
            let open = try? await GatewayHarness.metric("gateway_subscriptions", port: port)
            Issue.record("\(error); open: \(open.map { "\($0)" } ?? "no metric"); stream head: \(stream.head ?? "none")\n\(server.logTail())")
            return
        }
        #expect(stream.head?.contains("200 OK") == true, "\(stream.head ?? "no head"):\n\(server.logTail())")

        server.send(SIGTERM)
        let events = try await stream.waitForEvents(1, within: 10)
        #expect(events.map(\.name) == ["complete"], "the stream ends with complete: \(events)\n\(server.logTail())")
        let close = try await socket.value
        #expect(close == 1000, "the socket is closed: \(String(describing: close))")
        let deadline = Date().addingTimeInterval(10)
        while !server.hasExited, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(server.hasExited, "the server exits:\n\(server.logTail())")
    }

    /// Opens a graphql-transport-ws socket, subscribes, and waits for the server to close it: the close code.
    static func subscribeOverWebSocket(port: Int) async throws -> Int? {
        var logger = Logger(label: "test.shutdown")
        logger.logLevel = .critical
        var headers = HTTPFields()
        headers[.secWebSocketProtocol] = "graphql-transport-ws"
        let frame = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/graphql",
                                                      configuration: WebSocketClientConfiguration(additionalHeaders: headers),
                                                      logger: logger) { inbound, outbound, _ in
            try await outbound.write(.text(#"{"type":"connection_init"}"#))
            // Subscribe only once acknowledged, as the protocol says (a subscribe before it is closed 4401, which a
            // loaded run's server, slower to acknowledge, once did).
            var subscribed = false
            for try await message in inbound.messages(maxSize: 1 << 20) where !subscribed {
                guard case .text(let text) = message, text.contains("connection_ack") else { continue }
                try await outbound.write(.text(#"{"id":"1","type":"subscribe","payload":{"query":"subscription { gifticonChanged(id: \"1\") { id } }"}}"#))
                subscribed = true
            }
        }
        return frame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
    }
}
