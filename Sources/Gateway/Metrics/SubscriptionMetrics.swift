import Foundation
import Prometheus

/// The live side's metrics, in the gateway's registry: open subscriptions and shared groups, events delivered,
/// coalesced and dropped, and the time from a change's commit to its event leaving for the client.
final class SubscriptionMetrics: Sendable {
    let subscriptions: Gauge
    let groups: Gauge
    private let delivered: Counter
    private let coalesced: Counter
    private let dropped: Counter
    private let latency: DurationHistogram
    private let fanOut: DurationHistogram

    init(_ registry: PrometheusCollectorRegistry) {
        subscriptions = registry.makeGauge(descriptor: MetricNameDescriptor(
            metricName: "gateway_subscriptions", helpText: "Subscriptions open on this instance"))
        groups = registry.makeGauge(descriptor: MetricNameDescriptor(
            metricName: "gateway_subscription_groups", helpText: "Distinct subscriptions (document, variables, viewer), each resolved once per event"))
        delivered = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "gateway_subscription_events_delivered", unitName: "total", helpText: "Subscription events handed to a client's transport"))
        coalesced = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "gateway_subscription_events_coalesced", unitName: "total",
            helpText: "Subscription events that replaced a queued one about the same entity (a client reading slower than changes come)"))
        dropped = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "gateway_subscription_events_dropped", unitName: "total",
            helpText: "Subscription events dropped from a full queue (the oldest entity's event)"))
        let buckets: [Duration] = [.milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                   .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]
        latency = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "gateway_subscription_delivery_latency", unitName: "seconds",
                                             helpText: "From a change's commit to its event leaving for the client"),
            buckets: buckets)
        fanOut = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "gateway_subscription_fanout_latency", unitName: "seconds",
                                             helpText: "From this gateway reading a change's notice to its event leaving for the client (the gateway's own share)"),
            buckets: buckets)
    }

    func queued(_ outcome: SubscriberQueue.Outcome) {
        switch outcome {
        case .coalesced: coalesced.increment()
        case .dropped: dropped.increment()
        case .queued, .closed: break
        }
    }

    /// An event leaves for the client: counted, and timed from its commit and from the gateway reading its notice,
    /// when those are known.
    func delivered(commitMillis: Int64, noticedMillis: Int64) {
        delivered.increment()
        let now = Date().timeIntervalSince1970 * 1000
        if commitMillis > 0 { latency.record(.microseconds(max(0, Int64((now - Double(commitMillis)) * 1000)))) }
        if noticedMillis > 0 { fanOut.record(.microseconds(max(0, Int64((now - Double(noticedMillis)) * 1000)))) }
    }
}
