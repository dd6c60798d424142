import Foundation
import Prometheus

extension GatewayMetrics {
    /// The sync's lag (ms), how far the read models are behind (WAL bytes), and the times since it last published
    /// a position and last reported at all (s), as the scrape finds them: an idle sync reports on time with nothing
    /// behind, a stuck one stops reporting.
    func syncFreshness(_ freshness: SyncFreshness) {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        if let behind = freshness.behindBytes {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "gateway_sync_behind", unitName: "bytes",
                                                                helpText: "WAL bytes the read models are behind the command database, as of the sync's last report"),
                               labels: []).set(Double(behind))
        }
        if let reported = freshness.reportedMillis {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "gateway_sync_since_report", unitName: "seconds",
                                                                helpText: "Time since the sync last reported (every 5 s while it runs, busy or idle)"),
                               labels: []).set(Double(max(0, now - reported)) / 1000)
        }
        if let lag = freshness.lagMillis {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "gateway_sync_applied_lag", unitName: "milliseconds",
                                                                helpText: "Commit-to-applied lag of the last transaction the sync applied"),
                               labels: []).set(Double(lag))
        }
        if let applied = freshness.appliedMillis {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "gateway_sync_since_applied", unitName: "seconds",
                                                                helpText: "Time since the sync last published an applied position"),
                               labels: []).set(Double(max(0, now - applied)) / 1000)
        }
    }
}
