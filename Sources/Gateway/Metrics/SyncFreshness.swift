import Foundation
import Prometheus
import Stores
import Sync

/// How fresh the read models are, from the hash the sync publishes beside its applied position
/// (`<prefix>sync:status`: `lsn`, `commitMillis`, `appliedMillis`). Read when `/metrics` is scraped and by
/// `Query.syncStatus`.
struct SyncFreshness: Sendable {
    /// The applied position as PostgreSQL prints it.
    var position: String?
    /// Commit time of the last applied transaction (ms since the epoch); nil when the sync last moved on an idle
    /// stream (nothing to apply) or never published.
    var commitMillis: Int64?
    /// When every read model had it (ms since the epoch, Redis's clock).
    var appliedMillis: Int64?

    /// Commit-to-applied lag of the last applied transaction; 0 when the sync is caught up on an idle stream.
    var lagMillis: Int64? {
        guard let appliedMillis else { return nil }
        guard let commitMillis else { return 0 }
        return max(0, appliedMillis - commitMillis)
    }

    static func read(_ readModels: ReadModels) async throws -> SyncFreshness {
        let reply = try await readModels.redis.command("HGETALL", readModels.keys.syncStatus).array ?? []
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: reply.count - 1, by: 2) {
            if let key = reply[index].string, let value = reply[index + 1].string { fields[key] = value }
        }
        let commit = fields["commitMillis"].flatMap { Int64($0) }
        return SyncFreshness(position: fields["lsn"], commitMillis: commit == 0 ? nil : commit,
                             appliedMillis: fields["appliedMillis"].flatMap { Int64($0) })
    }
}

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
