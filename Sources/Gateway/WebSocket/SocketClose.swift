import HummingbirdWebSocket
import NIOWebSocket

/// How the gateway ends a graphql-transport-ws socket: a close code of the protocol (PROTOCOL.md) and its reason.
struct SocketClose: Error, Sendable, Equatable {
    /// The protocol's close codes, as PROTOCOL.md names them.
    enum Code: UInt16, Sendable {
        /// An invalid message: not JSON, not an object, an unknown type, a missing or wrong field, a binary frame.
        case badRequest = 4400
        /// `subscribe` before `connection_ack`.
        case unauthorized = 4401
        /// `connection_init` with a token the gateway refuses.
        case forbidden = 4403
        /// The upgrade did not offer the `graphql-transport-ws` subprotocol.
        case subprotocolNotAcceptable = 4406
        /// No `connection_init` within `GATEWAY_WS_INIT_TIMEOUT_MS`.
        case connectionInitialisationTimeout = 4408
        /// `subscribe` with the id of an operation still running.
        case subscriberAlreadyExists = 4409
        /// A second `connection_init`.
        case tooManyInitialisationRequests = 4429
    }

    let code: Code
    /// Sent to the client: it names the problem, never anything secret.
    let reason: String

    /// The reason as a close frame can carry it: at most 123 bytes (a control frame's 125 less the code), cut at a
    /// character (an id in "Subscriber for <id> already exists" can be longer).
    var frameReason: String {
        var bytes = 0
        return String(reason.prefix { character in
            bytes += character.utf8.count
            return bytes <= 123
        })
    }

    static func badRequest(_ problem: String) -> SocketClose { SocketClose(code: .badRequest, reason: problem) }
    static let unauthorized = SocketClose(code: .unauthorized, reason: "Unauthorized")
    static let forbidden = SocketClose(code: .forbidden, reason: "Forbidden")
    static let subprotocolNotAcceptable = SocketClose(code: .subprotocolNotAcceptable, reason: "Subprotocol not acceptable")
    static let connectionInitialisationTimeout = SocketClose(code: .connectionInitialisationTimeout, reason: "Connection initialisation timeout")
    static func subscriberAlreadyExists(_ id: String) -> SocketClose {
        SocketClose(code: .subscriberAlreadyExists, reason: "Subscriber for \(id) already exists")
    }
    static let tooManyInitialisationRequests = SocketClose(code: .tooManyInitialisationRequests, reason: "Too many initialisation requests")
}

extension WebSocketOutboundWriter {
    /// Sends `close`'s frame; the WebSocket layer then waits for the client's and ends the socket.
    func close(_ close: SocketClose) async throws {
        try await self.close(WebSocketErrorCode(codeNumber: Int(close.code.rawValue)), reason: close.frameReason)
    }
}
