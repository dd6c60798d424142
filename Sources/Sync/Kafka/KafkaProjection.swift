import Foundation
import Logging
import Stores

/// `gifticon sync project --from kafka`: reads the relay's (or a Debezium connector's) topics in a consumer group,
/// puts the transactions back together in commit order and applies each to every projector. Offsets are committed
/// only after every projector acknowledged and the applied position was published; inside the initial snapshot they
/// are not committed at all (its bulk work happens at its end), so a projector stopped mid-snapshot reads it again.
public final class KafkaProjection: Sendable {
    /// Applied one after another for each transaction (see `ChangeStream.stages`).
    public let stages: [[any Projector]]
    public var projectors: [any Projector] { stages.flatMap { $0 } }
    private let positions: AppliedPositionPublisher?
    private let notices: ChangeNotices?
    private let brokers: String
    private let groupID: String
    /// The member's stable id in the group (Kafka's static membership), or nil for a member known only for as long
    /// as it is connected.
    private let member: String?
    private let topics: KafkaTopics
    private let logger: Logger
    public let metrics: SyncMetrics

    public init(brokers: String, groupID: String, member: String? = nil, topics: KafkaTopics, stages: [[any Projector]],
                positions: AppliedPositionPublisher?, notices: ChangeNotices? = nil, metrics: SyncMetrics = SyncMetrics(),
                logger: Logger = Logger(label: "gifticon.sync.kafka")) {
        self.notices = notices
        self.brokers = brokers
        self.groupID = groupID
        self.member = member
        self.topics = topics
        self.stages = stages
        self.positions = positions
        self.metrics = metrics
        self.logger = logger
    }

    /// Consumes until the task is cancelled or `stopAfter` streamed transactions were applied.
    public func run(stopAfter: Int? = nil) async throws {
        var settings = [
            // New tables' topics appear when their first change does: look for them often.
            "topic.metadata.refresh.interval.ms": "2000", "allow.auto.create.topics": "true",
            // Range assignment gives every topic's partition 0 to the same member (see KafkaTopics.partition).
            "partition.assignment.strategy": "range",
        ]
        // A member with a stable id that restarts takes its partitions back at once, with no rebalance; the broker
        // hands them to the others only once its session times out (never, on noida-db: see README).
        if let member { settings["group.instance.id"] = member }
        let consumer = try KafkaConsumer(brokers: brokers, groupID: groupID, topics: topics.all, settings: settings)
        // The previous run's later stages, position and offset commit, overlapping the next run's first stage.
        var inFlight: Task<Void, any Error>?
        do {
            try await consume(consumer, stopAfter: stopAfter, inFlight: &inFlight)
            try await inFlight?.value
        } catch {
            _ = try? await inFlight?.value
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    private func consume(_ consumer: KafkaConsumer, stopAfter: Int?, inFlight: inout Task<Void, any Error>?) async throws {
        var assembler = KafkaTransactionAssembler(topics: topics)
        var uncommitted: [KafkaRecord] = []
        var inSnapshot = false
        var applied = 0
        while !Task.isCancelled {
            if let stopAfter, applied >= stopAfter { break }
            for record in try await consumer.poll(max: 2_000, timeoutMilliseconds: 200) {
                do {
                    try metrics.steps.measure(.decode) { try assembler.add(record) }
                } catch {
                    logger.error("unreadable record skipped", metadata: [
                        "topic": "\(record.topic)", "partition": "\(record.partition)", "offset": "\(record.offset)", "error": "\(error)",
                    ])
                    assembler.skip(record)
                }
            }
            // Streamed transactions that are ready together go in one run (bounded), as the embedded stream's do.
            var run: [CommittedTransaction] = []
            var runChanged = 0
            while run.count < ChangeStream.maxBatchTransactions, stopAfter.map({ applied + runChanged < $0 }) ?? true,
                  let ready = assembler.next() {
                if !ready.isSnapshot && !inSnapshot {
                    run.append(ready.transaction)
                    if !ready.transaction.changes.isEmpty { runChanged += 1 }
                    uncommitted += ready.records
                    continue
                }
                // A snapshot's batches are applied on their own, once everything before them is.
                applied += try await apply(run: run, committing: &uncommitted, consumer, inFlight: &inFlight)
                try await inFlight?.value
                inFlight = nil
                run.removeAll()
                runChanged = 0
                if !ready.transaction.changes.isEmpty {
                    try await metrics.steps.measure(.run) {
                        for stage in stages { try await stage.applyInParallel([ready.transaction]) }
                    }
                }
                uncommitted += ready.records
                if ready.isSnapshot && !ready.endsSnapshot {
                    inSnapshot = true
                    continue
                }
                if ready.endsSnapshot {
                    for projector in projectors { try await projector.snapshotApplied(at: ready.transaction.endLSN) }
                    inSnapshot = false
                }
                if inSnapshot { continue }
                try await apply(run: [ready.transaction], committing: &uncommitted, consumer, alreadyApplied: true, inFlight: &inFlight)
            }
            applied += try await apply(run: run, committing: &uncommitted, consumer, inFlight: &inFlight)
        }
    }

    /// Streamed transactions in commit order, applied as one run: the first stage here; the later stages, the last
    /// position, the metrics and one commit of the offsets read so far in `inFlight`, once the previous run's are
    /// done (so they overlap the next run's first stage). Returns how many had changes.
    @discardableResult
    private func apply(run: [CommittedTransaction], committing records: inout [KafkaRecord], _ consumer: KafkaConsumer,
                       alreadyApplied: Bool = false, inFlight: inout Task<Void, any Error>?) async throws -> Int {
        guard let last = run.last else { return 0 }
        // A heartbeat has no changes: only its position is published.
        let withChanges = run.filter { !$0.changes.isEmpty }
        let changed = alreadyApplied ? [] : withChanges
        let started = ContinuousClock.now
        if !changed.isEmpty { try await stages.first?.applyInParallel(changed) }
        try await inFlight?.value
        let offsets = records
        records.removeAll()
        inFlight = Task {
            if !changed.isEmpty {
                for stage in self.stages.dropFirst() { try await stage.applyInParallel(changed) }
                self.metrics.steps.record(.run, ContinuousClock.now - started)
            }
            try await self.metrics.steps.measure(.positionPublish) {
                try await self.positions?.publish(last.endLSN, commitTimeMicros: last.commitTimeMicros)
            }
            // Once the position is published, so a gateway reading the notice reads the read models at it.
            if !withChanges.isEmpty { try await self.notices?.append(withChanges) }
            for transaction in withChanges { self.metrics.applied(transaction, logger: self.logger) }
            try await self.metrics.steps.measure(.confirm) { try await consumer.commit(offsets) }
        }
        return changed.count
    }
}
