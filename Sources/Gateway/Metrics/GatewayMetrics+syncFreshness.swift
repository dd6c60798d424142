import Foundation
import Prometheus

extension GatewayMetrics {
    /// The sync's lag (ms), how far the read models are behind (WAL bytes), and the times since it last published
    /// a position and last reported at all (s), as the scrape finds them: an idle sync reports on time with nothing
    /// behind, a stuck one stops reporting. A value the status hash lacks leaves its gauge as it was.
    func syncFreshness(_ freshness: SyncFreshness) {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        func seconds(since millis: Int64?) -> Double? { millis.map { Double(max(0, now - $0)) / 1000 } }
        let gauges: [(name: String, unit: String, help: String, value: Double?)] = [
            ("gateway_sync_behind", "bytes", "WAL bytes the read models are behind the command database, as of the sync's last report",
             freshness.behindBytes.map(Double.init)),
            ("gateway_sync_since_report", "seconds", "Time since the sync last reported (every 5 s while it runs, busy or idle)",
             seconds(since: freshness.reportedMillis)),
            ("gateway_sync_applied_lag", "milliseconds", "Commit-to-applied lag of the last transaction the sync applied",
             freshness.lagMillis.map(Double.init)),
            ("gateway_sync_since_applied", "seconds", "Time since the sync last published an applied position",
             seconds(since: freshness.appliedMillis)),
        ]
        for gauge in gauges {
            guard let value = gauge.value else { continue }
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: gauge.name, unitName: gauge.unit, helpText: gauge.help),
                               labels: []).set(value)
        }
    }
}
