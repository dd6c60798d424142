import NIOCore

/// How long a client may take and how many connections it may hold: a public endpoint closes what would otherwise
/// hold a connection, a task and buffers forever (an idle socket, headers sent a byte at a time, a body that stops
/// short of its Content-Length).
public struct ConnectionLimits: Sendable {
    /// From a connection opening, or its previous response ending, until a complete request head has arrived: an
    /// idle keep-alive connection and one still sending its headers are both closed past it.
    public var idleTimeout: Duration = .seconds(30)
    /// From a request's head until its body has arrived complete.
    public var bodyTimeout: Duration = .seconds(30)
    /// Connections served at once; past it the server stops accepting until one closes (the kernel's backlog holds
    /// the rest).
    public var maxConnections = 1_024

    public init() {}

    static func amount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
