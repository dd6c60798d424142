import ArgumentParser
import Commands
import Foundation
import Logging
import ReadModels
import Stores
import Sync

/// `gifticon-bench sync`: commit-to-visible lag under a steady rate of commands. Each command's
/// transaction is timed from its commit (PostgreSQL's commit timestamp, same host clock) to the moment every
/// projector acknowledged it (documents written to MongoDB, the search index refreshed: readable and searchable)
/// and the applied position was published. Works in a database, slot, MongoDB database and prefixes of its own.
struct BenchSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Benchmark commit-to-visible lag of the sync (embedded or through Kafka).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Commands per second (open loop: issued on schedule whatever the sync does).")
    var rate = 500

    @Option(help: "Seconds of steady load.")
    var seconds = 20

    enum Path: String, ExpressibleByArgument { case embedded, kafka }

    @Option(help: "embedded: the WAL straight into the read models; kafka: relay → broker → projector (both in this process).")
    var via: Path = .embedded

    @Option(help: "With --via kafka: partitions of every topic (the projector here holds them all).")
    var partitions = 6

    @Option(help: "Seconds to wait after the snapshot is applied before the load starts.")
    var settleSeconds = 0

    @Flag(inversion: .prefixedNo, help: "Afterwards, send the sync's recorded store requests again from plain clients (the bare-store ceiling).")
    var ceiling = true

    func validate() throws {
        guard rate > 0, seconds > 0, settleSeconds >= 0 else { throw ValidationError("--rate and --seconds must be positive") }
    }

    func run() async throws {
        let base = database.databaseURL ?? StoreSettings.fromEnvironment().databaseURL
        let scratch = try await ScratchSync.create(base: base, name: "gifticon_bench_sync_\(ProcessInfo.processInfo.processIdentifier)",
                                                   refreshSearch: true)
        try await scratch.use { try await measure(url: $0.url, pipeline: $0.pipeline) }
    }

    func measure(url: String, pipeline: SyncPipeline) async throws {
        let (load, client) = try await MarketLoad.seed(url: url)

        var logger = Logger(label: "gifticon.bench-sync")
        logger.logLevel = .warning
        let storeCeiling = StoreCeiling()
        let metrics = SyncMetrics(interval: 3600, recordLags: true, steps: SyncSteps(recorder: ceiling ? storeCeiling.recorder : nil))
        let started = AsyncStream<Void>.makeStream()
        let sync: Task<Void, any Error>
        var relay: Task<Void, any Error>?
        switch via {
        case .embedded:
            let stream = try await pipeline.stream(logger: logger, metrics: metrics)
            sync = Task { try await stream.run(onStreaming: { started.continuation.yield() }) }
        case .kafka:
            // The relay owns the slot; the projector publishes the applied position the drain below waits for.
            let brokers = StoreSettings.fromEnvironment().kafkaBrokers
            let producer = try KafkaProducer(brokers: brokers)
            let topics = KafkaTopics(prefix: pipeline.slot, partitions: partitions)
            let relayStream = try await pipeline.relay(producer: producer, topics: topics, logger: logger)
            relay = Task {
                defer { producer.close() }
                try await relayStream.run(onStreaming: { started.continuation.yield() })
            }
            let projection = try await pipeline.kafkaProjection(brokers: brokers, groupID: pipeline.slot, topics: topics,
                                                                logger: logger, metrics: metrics)
            sync = Task { try await projection.run() }
        }
        for await _ in started.stream { break }
        if via == .kafka {
            // The relay has published the snapshot; the load starts once the projector has applied it.
            let projected = AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys)
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, try await projected.current() == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        // Optionally let the path settle first (the Kafka path's first seconds after its snapshot are slower).
        if settleSeconds > 0 { try await Task.sleep(for: .seconds(settleSeconds)) }
        let changesBefore = metrics.progress.changes   // the snapshot's rows are not part of the steady load
        let stepsBefore = metrics.steps.recorded
        let loadStart = storeCeiling.count

        let clock = ContinuousClock()
        let begin = clock.now
        let outcome = await load.run(rate: rate, seconds: self.seconds)
        let (issued, failures) = (outcome.issued, outcome.failures)
        // Wait for the sync to apply the last command (bounded), then stop it.
        let positions = AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys)
        let drainDeadline = Date().addingTimeInterval(300)
        while Date() < drainDeadline, let target = outcome.lastToken, (try await positions.current()).map({ $0 < target }) ?? true {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let drained = clock.now - begin
        sync.cancel()
        _ = try? await sync.value
        relay?.cancel()
        _ = try? await relay?.value
        await client.shutdown()

        let lags = metrics.lags.sorted()
        let changes = metrics.progress.changes - changesBefore
        func percentile(_ p: Double) -> Double {
            lags.isEmpty ? .nan : Double(lags[min(lags.count - 1, Int(Double(lags.count) * p))]) / 1000
        }
        func inSeconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        print(String(format: """
            | offered commands/s | issued in s | transactions applied | row changes | lag p50 ms | lag p99 ms | lag max ms | drained after s | command errors |
            |---|---|---|---|---|---|---|---|---|
            | %d | %.1f | %d | %d | %.1f | %.1f | %.1f | %.1f | %d |

            applied rows/s over the run: %.0f; %d cores.
            """, rate, inSeconds(issued), lags.count, changes, percentile(0.5), percentile(0.99), percentile(1.0) , inSeconds(drained), failures,
            Double(changes) / inSeconds(drained), ProcessInfo.processInfo.activeProcessorCount))
        // Where in the run the lag was: the largest per second of commands, in order.
        let inOrder = metrics.lags
        let perSecond = stride(from: 0, to: inOrder.count, by: rate).map { inOrder[$0..<min(inOrder.count, $0 + rate)].max()! / 1000 }
        print("max lag per second of commands, ms: \(perSecond)")
        print(Self.profile(metrics.steps.recorded, since: stepsBefore, transactions: lags.count))
        guard ceiling else { return }
        let replay = try await storeCeiling.replay(into: pipeline, loadStart: loadStart)
        print(replay.table(requestsOf: "the load", rows: changes, sync: "the sync, from the load's start until it drained", took: drained))
    }

    /// The sync's own timers over the load: each step's calls and time, per call, per transaction and per run.
    static func profile(_ after: [SyncSteps.Step: SyncSteps.Total], since before: [SyncSteps.Step: SyncSteps.Total],
                        transactions: Int) -> String {
        func milliseconds(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        let runs = (after[.run]?.count ?? 0) - (before[.run]?.count ?? 0)
        var text = "\n| step | calls | total s | ms per call | ms per transaction | ms per run |\n|---|---|---|---|---|---|\n"
        for step in SyncSteps.Step.allCases {
            let calls = (after[step]?.count ?? 0) - (before[step]?.count ?? 0)
            let total = milliseconds((after[step]?.duration ?? .zero) - (before[step]?.duration ?? .zero))
            guard calls > 0 else { continue }
            text += "| \(step.rawValue) " + String(format: "| %d | %.2f | %.2f | %.2f | %.2f |\n", calls, total / 1000, total / Double(calls),
                           total / Double(max(1, transactions)), total / Double(max(1, runs)))
        }
        return text + "\n\(transactions) transactions in \(runs) runs (\(String(format: "%.1f", Double(transactions) / Double(max(1, runs)))) per run)."
    }
}
