import Foundation
import Hummingbird
import Logging
import Prometheus
import Sync

/// `/metrics` of a running sync process (`--metrics-port`), in Prometheus' text format: transactions and row
/// changes applied, the commit-to-applied lag as a histogram and as its last value, the time of each step of
/// applying the stream (`sync_step_duration_seconds{step=…}`), the applied position and the recent throughput.
/// (The gateway's `/metrics` shows the sync's freshness as the read side sees it; this is the sync's own account,
/// including the Kafka relay's and projector's.)
final class SyncMetricsEndpoint: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let transactions: Counter
    private let changes: Counter
    private let lag: DurationHistogram
    let metrics: SyncMetrics

    init() {
        let registry = self.registry
        let transactions = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "sync_transactions_applied", unitName: "total", helpText: "Transactions (and snapshot batches) every projector acknowledged"))
        let changes = registry.makeCounter(descriptor: MetricNameDescriptor(
            metricName: "sync_row_changes_applied", unitName: "total", helpText: "Row changes every projector acknowledged"))
        let lag = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "sync_commit_to_applied_lag", unitName: "seconds",
                                             helpText: "From a transaction's commit to every projector having it"),
            buckets: [.milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(200),
                      .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60)])
        self.transactions = transactions
        self.changes = changes
        self.lag = lag
        // One histogram per step, labelled: where a run's time goes (the projectors' steps overlap inside `run`).
        var stepHistograms: [SyncSteps.Step: DurationHistogram] = [:]
        for step in SyncSteps.Step.allCases {
            stepHistograms[step] = registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(metricName: "sync_step_duration", unitName: "seconds",
                                                 helpText: "Time spent in one step of applying the stream, per call"),
                labels: [("step", step.rawValue)],
                buckets: [.microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
                          .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                          .milliseconds(500), .seconds(1), .seconds(5)])
        }
        let histograms = stepHistograms
        let steps = SyncSteps(observer: { step, duration in histograms[step]?.record(duration) })
        // One counter per projector, made up front: a series that exists at 0 lets `increase()` see the first letter.
        @Sendable func deadLetters(_ projector: String) -> Counter {
            registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: "sync_dead_letters", unitName: "total",
                                                 helpText: "Changes a projector could not apply, kept in sync_dead_letters"),
                labels: [("projector", projector)])
        }
        let deadLetterCounters = Dictionary(uniqueKeysWithValues: ["mongo-documents", "redis-ratings", "search-index"].map { ($0, deadLetters($0)) })
        metrics = SyncMetrics(steps: steps, observer: { lagMicros, count in
            transactions.increment()
            changes.increment(by: Int64(count))
            if let lagMicros { lag.record(.microseconds(lagMicros)) }
        }, deadLetterObserver: { projector in
            (deadLetterCounters[projector] ?? deadLetters(projector)).increment()
        })
    }

    /// A run's metrics, served on `port` when there is one (the server ends with the process).
    static func metrics(servedOn port: Int?, host: String = "127.0.0.1", logger: Logger) -> SyncMetrics {
        guard let port else { return SyncMetrics() }
        let endpoint = SyncMetricsEndpoint()
        _ = endpoint.serve(port: port, host: host, logger: logger)
        return endpoint.metrics
    }

    /// The exposition: the counters and histogram, then gauges read from the sync's progress now.
    func exposition() -> [UInt8] {
        let progress = metrics.progress
        var text = ""
        text += "# HELP sync_last_lag_milliseconds Commit-to-applied lag of the last transaction applied\n"
        text += "# TYPE sync_last_lag_milliseconds gauge\nsync_last_lag_milliseconds \(progress.lastLagMillis)\n"
        text += "# HELP sync_changes_per_second Row changes applied per second since the last progress line\n"
        text += "# TYPE sync_changes_per_second gauge\nsync_changes_per_second \(progress.changesPerSecondInWindow)\n"
        if let lsn = progress.lastLSN {
            text += "# HELP sync_applied_lsn_bytes WAL position of the last transaction applied, as a byte offset\n"
            text += "# TYPE sync_applied_lsn_bytes gauge\nsync_applied_lsn_bytes \(lsn.value)\n"
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer + Array(text.utf8)
    }

    /// Serves `GET /metrics` (and `/health/live`) on `host`:`port` (loopback by default) until the task is cancelled.
    func serve(port: Int, host: String = "127.0.0.1", logger: Logger) -> Task<Void, any Error> {
        let router = Router()
        router.get("/metrics") { [self] _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: exposition())))
        }
        router.get("/health/live") { _, _ in "live" }
        var quiet = logger
        quiet.logLevel = .warning
        // The URL is logged once bound, with the port the system chose for `--metrics-port 0`; a port that cannot be
        // bound is an error in the log, not a silence (the sync goes on: metrics never stop the projection).
        let app = Application(router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                              onServerRunning: { channel in
                                  logger.info("sync metrics", metadata: ["url": "http://\(host):\(channel.localAddress?.port ?? port)/metrics"])
                              },
                              logger: quiet)
        return Task {
            do { try await app.run() } catch {
                logger.error("sync metrics: cannot serve", metadata: ["host": "\(host)", "port": "\(port)", "error": "\(error)"])
                throw error
            }
        }
    }
}
