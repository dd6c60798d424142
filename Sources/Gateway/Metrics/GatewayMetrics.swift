import Foundation
import Prometheus

/// The gateway's Prometheus metrics: requests and their latency, errors by code, per-store latency, the sync's lag
/// and WebSocket sockets, in one registry that `/metrics` prints.
public final class GatewayMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    /// The per-request metrics, looked up once per label set: the registry validates names and help texts on every
    /// `make…` call, which cost a few percent of a cached query.
    private let requestCounters = MetricHandles<Counter>()
    private let requestHistograms = MetricHandles<DurationHistogram>()
    private let storeHistograms = MetricHandles<DurationHistogram>()

    private let responseCacheHits: Counter
    /// GraphQL over WebSocket (see `GatewayMetrics+webSocket`), made here so a scrape shows them at 0 before the
    /// first socket.
    let webSocketConnections: Gauge
    let webSocketOperations: Gauge
    let webSocketCloseCounters = MetricHandles<Counter>()

    public init() {
        responseCacheHits = registry.makeCounter(
            descriptor: MetricNameDescriptor(metricName: "gateway_response_cache_hits", unitName: "total",
                                             helpText: "Queries answered from the response cache"))
        // Counts without a unit: the descriptor's form would need one.
        webSocketConnections = registry.makeGauge(name: "gateway_websocket_connections", labels: [],
                                                  help: "graphql-transport-ws sockets open")
        webSocketOperations = registry.makeGauge(name: "gateway_websocket_operations", labels: [],
                                                 help: "Operations running on graphql-transport-ws sockets")
    }

    /// One HTTP request answered: counted by status and operation type, timed.
    func requestAnswered(status: Int, operation: String, duration: Duration) {
        requestCounted(status: status, operation: operation)
        requestHistograms.handle(operation) {
            registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(metricName: "gateway_request_duration", unitName: "seconds",
                                                 helpText: "Time to answer a GraphQL HTTP request"),
                labels: [("operation", operation)], buckets: Self.latencyBuckets)
        }.record(duration)
    }

    /// One HTTP request answered, counted by status and operation type but not timed: answers that are not
    /// GraphQL executions (health, metrics, GraphiQL, 404, 405, 413, preflights) stay out of the latency histogram.
    func requestCounted(status: Int, operation: String = "none") {
        requestCounters.handle("\(status) \(operation)") {
            registry.makeCounter(descriptor: MetricNameDescriptor(metricName: "gateway_requests", unitName: "total",
                                                                  helpText: "HTTP requests answered"),
                                 labels: [("status", String(status)), ("operation", operation)])
        }.increment()
    }

    /// A query answered from the response cache.
    func responseCacheHit() { responseCacheHits.increment() }

    /// One GraphQL error sent, by its `extensions.code`.
    func errorSent(code: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(metricName: "gateway_errors", unitName: "total",
                                                              helpText: "GraphQL errors sent, by extensions.code"),
                             labels: [("code", code)]).increment()
    }

    /// One call to a store, timed (failures too).
    func storeCall(_ store: String, duration: Duration, failed: Bool) {
        storeHistograms.handle(store) {
            registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(metricName: "gateway_store_duration", unitName: "seconds",
                                                 helpText: "Time of one call to a read-side store"),
                labels: [("store", store)], buckets: Self.latencyBuckets)
        }.record(duration)
        if failed {
            registry.makeCounter(descriptor: MetricNameDescriptor(metricName: "gateway_store_failures", unitName: "total",
                                                                  helpText: "Failed calls to a read-side store"),
                                 labels: [("store", store)]).increment()
        }
    }

    /// How long a consistency token was waited for.
    func consistencyWait(_ duration: Duration, stale: Bool) {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "gateway_consistency_wait", unitName: "seconds",
                                             helpText: "Time a query waited for the sync to apply its consistency token"),
            labels: [("outcome", stale ? "stale" : "fresh")], buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8_192)
        registry.emit(into: &buffer)
        return buffer
    }
}

extension Optional where Wrapped == GatewayMetrics {
    /// Runs one store call and records its time (when metrics are on).
    func timeStore<T: Sendable>(_ store: String, _ body: () async throws -> T) async throws -> T {
        guard let metrics = self else { return try await body() }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let value = try await body()
            metrics.storeCall(store, duration: clock.now - start, failed: false)
            return value
        } catch {
            // A call abandoned because its request or a sibling field was cancelled is no failure of the store.
            metrics.storeCall(store, duration: clock.now - start, failed: !(Task.isCancelled || error is CancellationError))
            throw error
        }
    }
}
