/// What the live side holds at most on one instance (`GATEWAY_MAX_SUBSCRIPTIONS`, `GATEWAY_SUBSCRIPTION_QUEUE`,
/// `GATEWAY_SSE_KEEP_ALIVE_MS`): past the subscription limit a new one is refused (TOO_MANY_SUBSCRIPTIONS), and a
/// subscriber's queue coalesces and then drops rather than grow.
public struct SubscriptionLimits: Sendable {
    /// Subscriptions open at once on this instance, over every transport.
    public var maxSubscriptions = 20_000
    /// Events queued for one subscriber (distinct entities; a newer event about a queued entity replaces it).
    public var queueCapacity = 32
    /// An SSE stream's keep-alive comment, so proxies and clients see a quiet stream is alive.
    public var keepAlive: Duration = .seconds(12)

    public init() {}

    mutating func read(_ environment: [String: String]) {
        if let count = environment["GATEWAY_MAX_SUBSCRIPTIONS"].flatMap(Int.init), count >= 0 { maxSubscriptions = count }
        if let count = environment["GATEWAY_SUBSCRIPTION_QUEUE"].flatMap(Int.init), count > 0 { queueCapacity = count }
        if let ms = environment["GATEWAY_SSE_KEEP_ALIVE_MS"].flatMap(Int.init), ms > 0 { keepAlive = .milliseconds(ms) }
    }
}
