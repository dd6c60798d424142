/// What one GraphQL-over-WebSocket connection may take: a socket holds a task and a queue per operation for as long
/// as it stays open, so a public endpoint bounds both the wait for `connection_init` and the operations at once.
public struct WebSocketLimits: Sendable {
    /// From the upgrade until `connection_init` has arrived; past it the socket closes 4408.
    public var initTimeout: Duration = .seconds(3)
    /// Operations running at once on one socket; one more is answered with an `error` message (TOO_MANY_OPERATIONS).
    public var maxOperationsPerConnection = 100
    /// Between the WebSocket's own ping frames; a socket that has not answered one by the next is closed.
    public var pingInterval: Duration = .seconds(30)

    public init() {}
}
