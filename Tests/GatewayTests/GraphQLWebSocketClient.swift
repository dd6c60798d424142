import HTTPTypes
import HummingbirdWSClient
import JSON
import Logging
import NIOCore
import NIOWebSocket
import Testing

/// A graphql-transport-ws client on a real socket (hummingbird-websocket's client, not the product's code): the test
/// sends text or binary frames and reads the server's messages as JSON.
struct GraphQLWebSocketSession {
    let outbound: WebSocketOutboundWriter
    fileprivate var inbound: WebSocketInboundMessageStream.AsyncIterator

    func send(_ message: JSONValue) async throws { try await send(text: message.jsonString()) }
    func send(text: String) async throws { try await outbound.write(.text(text)) }
    func send(binary bytes: [UInt8]) async throws { try await outbound.write(.binary(ByteBuffer(bytes: bytes))) }
    /// A text frame holding `bytes` as they are (UTF-8 or not).
    func send(textBytes bytes: [UInt8]) async throws {
        try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: bytes))))
    }

    /// The server's next message; nil once it closed the socket.
    mutating func receive() async throws -> JSONValue? {
        switch try await inbound.next() {
        case .text(let text)?: return try JSONReader.parse(text)
        case .binary?: throw HarnessError("the server sent a binary frame")
        case nil: return nil
        }
    }

    /// `connection_init` (with `payload`) answered by `connection_ack`.
    mutating func initialise(_ payload: JSONValue? = nil) async throws {
        var message = JSONObject([("type", "connection_init")])
        if let payload { message.append("payload", payload) }
        try await send(.object(message))
        let answer = try await receive()
        guard answer == ["type": "connection_ack"] else { throw HarnessError("connection_init answered \(String(describing: answer))") }
    }

    /// Sends `subscribe` for `query` under `id`.
    func subscribe(_ id: String, _ query: String, variables: JSONObject? = nil, extensions: JSONObject? = nil) async throws {
        var payload = JSONObject([("query", .string(query))])
        if let variables { payload.append("variables", .object(variables)) }
        if let extensions { payload.append("extensions", .object(extensions)) }
        try await send(["id": .string(id), "type": "subscribe", "payload": .object(payload)])
    }

    /// Subscribes and reads until the operation ends: its messages in order, the last one `complete` or `error`.
    /// The one place a test waits for an operation's messages (a subscription's events included, once served).
    mutating func run(_ id: String, _ query: String, variables: JSONObject? = nil, extensions: JSONObject? = nil) async throws -> [JSONValue] {
        try await subscribe(id, query, variables: variables, extensions: extensions)
        var messages: [JSONValue] = []
        while let message = try await receive() {
            guard message["id"] == .string(id) else { throw HarnessError("a message for another operation: \(message)") }
            messages.append(message)
            if message["type"] == "complete" || message["type"] == "error" { return messages }
        }
        throw HarnessError("the socket closed during operation \(id): \(messages)")
    }

    /// Reads until the server closes: what it sent meanwhile.
    mutating func untilClosed() async throws -> [JSONValue] {
        var messages: [JSONValue] = []
        while let message = try await receive() { messages.append(message) }
        return messages
    }
}

/// How the server closed a socket: the code and reason of its close frame.
struct SocketClosed: Equatable, CustomStringConvertible {
    let code: Int
    let reason: String?
    var description: String { "\(code) \(reason ?? "")" }
}

extension GatewayHarness {
    /// Opens a WebSocket on `/graphql` offering `subprotocols` (none: no Sec-WebSocket-Protocol) with `headers`, runs
    /// `body` and returns the close frame the server sent (nil: none). The whole exchange has 60 s.
    @discardableResult
    func withSocket(subprotocols: [String] = ["graphql-transport-ws"], headers: HTTPFields = [:],
                    _ body: @escaping @Sendable (inout GraphQLWebSocketSession) async throws -> Void) async throws -> SocketClosed? {
        var fields = headers
        if !subprotocols.isEmpty { fields[.secWebSocketProtocol] = subprotocols.joined(separator: ", ") }
        let logger = { var logger = Logger(label: "test.websocket"); logger.logLevel = .critical; return logger }()
        let url = "ws://127.0.0.1:\(port)/graphql"
        let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: fields, closeTimeout: .seconds(5))
        return try await withThrowingTaskGroup(of: SocketClosed?.self) { group in
            group.addTask {
                let frame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                    var session = GraphQLWebSocketSession(outbound: outbound, inbound: inbound.messages(maxSize: 1 << 22).makeAsyncIterator())
                    try await body(&session)
                }
                return frame.map { SocketClosed(code: Int(UInt16(webSocketErrorCode: $0.closeCode)), reason: $0.reason) }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                throw HarnessError("the WebSocket exchange took over 60 s")
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// How the server closes a socket after `steps`, expecting no message from it meanwhile.
    func closeAfter(subprotocols: [String] = ["graphql-transport-ws"], headers: HTTPFields = [:],
                    _ steps: @escaping @Sendable (inout GraphQLWebSocketSession) async throws -> Void) async throws -> SocketClosed? {
        try await withSocket(subprotocols: subprotocols, headers: headers) { socket in
            try await steps(&socket)
            let unanswered = try await socket.untilClosed()
            #expect(unanswered.isEmpty)
        }
    }
}
