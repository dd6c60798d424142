import Foundation
import Prometheus

extension GatewayMetrics {
    /// The sync's lag (ms) and the time since it last published (s), as the scrape finds them.
    func syncFreshness(_ freshness: SyncFreshness) {
        if let lag = freshness.lagMillis {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "gateway_sync_applied_lag", unitName: "milliseconds",
                                                                helpText: "Commit-to-applied lag of the last transaction the sync applied"),
                               labels: []).set(Double(lag))
        }
        if let applied = freshness.appliedMillis {
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "gateway_sync_since_applied", unitName: "seconds",
                                                                helpText: "Time since the sync last published an applied position"),
                               labels: []).set(Double(max(0, now - applied)) / 1000)
        }
    }
}
