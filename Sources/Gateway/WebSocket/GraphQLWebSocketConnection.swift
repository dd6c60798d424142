import HummingbirdWebSocket
import JSON
import Logging
import Stores
import Synchronization

/// One graphql-transport-ws socket: reads the client's messages in order, runs its operations side by side, and
/// closes with the protocol's code when the client breaks a rule or does not initialise in time.
///
/// ```swift
/// try await GraphQLWebSocketConnection(service: service, upgradeAuthorization: header, outbound: outbound, logger: logger)
///     .run(inbound)
/// ```
final class GraphQLWebSocketConnection: Sendable {
    private let service: GraphQLService
    /// The upgrade request's Authorization header: the token when `connection_init` carries none.
    private let upgradeAuthorization: String?
    private let outbound: WebSocketOutboundWriter
    private let logger: Logger
    private let state: Mutex<ConnectionState>

    init(service: GraphQLService, upgradeAuthorization: String?, outbound: WebSocketOutboundWriter, logger: Logger) {
        self.service = service
        self.upgradeAuthorization = upgradeAuthorization
        self.outbound = outbound
        self.logger = logger
        state = Mutex(ConnectionState(maxOperations: service.configuration.webSocket.maxOperationsPerConnection))
    }

    /// How the socket's reading ended.
    private enum Ending: Sendable {
        /// The client closed (or the connection dropped).
        case clientClosed
        /// The gateway closes with this code.
        case close(SocketClose)
        /// `connection_init` came in time: the deadline has nothing left to do.
        case initialised
    }

    /// Serves the socket until it closes; an error from the WebSocket layer (a message past the size limit) is
    /// thrown on, for it to close with its own code. Every operation still running is stopped on the way out.
    func run(_ inbound: WebSocketInboundStream) async throws {
        let metrics = service.metrics
        metrics.webSocketOpened()
        var endedBy = "client"
        defer {
            stopOperations()
            metrics.webSocketClosed()
            metrics.webSocketEnded(code: endedBy)
        }
        try await withThrowingTaskGroup(of: Ending.self) { group in
            group.addTask { try await self.read(inbound) }
            group.addTask { try await self.closeUnlessInitialised(within: self.service.configuration.webSocket.initTimeout) }
            while let ending = try await group.next() {
                switch ending {
                case .initialised:
                    continue
                case .clientClosed:
                    group.cancelAll()
                    return
                case .close(let close):
                    // Reading stops first: nothing the client sends after a fatal message is acted on.
                    group.cancelAll()
                    stopOperations()
                    endedBy = String(close.code.rawValue)
                    logger.debug("graphql-transport-ws close", metadata: ["code": "\(close.code.rawValue)", "reason": "\(close.reason)"])
                    try? await outbound.close(close)
                    return
                }
            }
        }
    }

    /// Cancels every running operation: nothing more is sent for them.
    private func stopOperations() {
        for task in state.withLock({ $0.closeAll() }) { task.cancel() }
    }

    /// Closes the socket without reading it: an upgrade that did not offer graphql-transport-ws.
    static func refuse(_ close: SocketClose, outbound: WebSocketOutboundWriter, metrics: GatewayMetrics) async {
        metrics.webSocketEnded(code: String(close.code.rawValue))
        try? await outbound.close(close)
    }

    private func read(_ inbound: WebSocketInboundStream) async throws -> Ending {
        for try await message in inbound.messages(maxSize: service.configuration.maxBodyBytes) {
            guard case .text(let text) = message else {
                return .close(.badRequest("Invalid message: binary frames are not part of graphql-transport-ws"))
            }
            do {
                try await receive(ClientMessage.parse(text))
            } catch let close as SocketClose {
                return .close(close)
            }
        }
        return .clientClosed
    }

    private func closeUnlessInitialised(within timeout: Duration) async throws -> Ending {
        try await Task.sleep(for: timeout)
        return state.withLock { $0.initReceived } ? .initialised : .close(.connectionInitialisationTimeout)
    }

    /// Acts on one message; throws the close a message calls for (or a write's error once the socket is gone).
    private func receive(_ message: ClientMessage) async throws {
        switch message {
        case .connectionInit(let payload):
            try state.withLock { state throws(SocketClose) in try state.receiveInit() }
            let caller = try authenticate(payload)
            state.withLock { $0.acknowledge(caller) }
            try await send(.connectionAck)
        case .ping(let payload):
            try await send(.pong(payload: payload))
        case .pong:
            break   // an answer to no ping of ours, or a heartbeat: both fine
        case .subscribe(let id, let payload):
            try await subscribe(id, payload)
        case .complete(let id):
            state.withLock { $0.complete(id) }?.cancel()
        }
    }

    /// The caller from the init payload's `authorization` (or `Authorization`), else from the upgrade's header; a
    /// token the gateway refuses closes 4403, none at all is anonymous.
    private func authenticate(_ payload: JSONObject?) throws(SocketClose) -> Caller {
        let authorization: String?
        switch payload?["authorization"] ?? payload?["Authorization"] {
        case .string(let token)?: authorization = token
        case .null?, nil: authorization = upgradeAuthorization
        default: throw .forbidden
        }
        let caller = service.caller(authorization)
        if case .rejected(let reason) = caller {
            logger.debug("graphql-transport-ws token refused", metadata: ["reason": "\(reason)"])
            throw .forbidden
        }
        return caller
    }

    private func subscribe(_ id: String, _ payload: JSONObject) async throws {
        let parameters: GraphQLParameters
        do { parameters = try GraphQLParameters.fromObject(payload) } catch {
            throw SocketClose.badRequest("Invalid message: \(error.message)")
        }
        let admission = try state.withLock { state throws(SocketClose) in try state.admit(id) }
        guard case .admitted(let serial, let caller) = admission else {
            let limit = service.configuration.webSocket.maxOperationsPerConnection
            try await send(.error(id: id, errors: [Self.error(.tooManyOperations, "This socket already runs \(limit) operations.")]))
            return
        }
        state.withLock { state in
            let task = Task { await self.runOperation(id, serial: serial, parameters, caller: caller) }
            state.start(id, serial: serial, task: task)
        }
    }

    /// One operation: `next` per result then `complete`, or `error`; nothing once the client completed it or the
    /// socket closed (the task is cancelled: a subscription's stream ends with it).
    private func runOperation(_ id: String, serial: Int, _ parameters: GraphQLParameters, caller: Caller) async {
        service.metrics.webSocketOperationStarted()
        defer {
            _ = state.withLock { $0.finish(id, serial: serial) }
            service.metrics.webSocketOperationEnded()
        }
        var logger = self.logger
        logger[metadataKey: "operation-id"] = .string(id)
        // A subscription resumes from the request's `extensions.after` (read, and refused when malformed, by `stream`).
        switch await service.stream(parameters, caller: caller, logger: logger) {
        case .refused(let errors):
            guard state.withLock({ $0.finish(id, serial: serial) }) else { return }
            try? await send(.error(id: id, errors: errors))
        case .results(let results):
            for await result in results {
                if Task.isCancelled { return }
                // A write awaits the socket: a client that reads slowly holds this operation back, not memory.
                do { try await send(.next(id: id, body: result.body)) } catch { return }
            }
            // The id is free before `complete` goes out: the client may reuse it as soon as it reads that.
            guard state.withLock({ $0.finish(id, serial: serial) }) else { return }
            try? await send(.complete(id: id))
        }
    }

    private func send(_ message: ServerMessage) async throws {
        try await outbound.writeTextMessage(message.text)
    }

    private static func error(_ code: GatewayErrorCode, _ message: String) -> JSONValue {
        GatewayError(code, message).graphQLError.jsonValue
    }
}
