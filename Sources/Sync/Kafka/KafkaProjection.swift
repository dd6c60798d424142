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
    private let brokers: String
    private let groupID: String
    private let topics: KafkaTopics
    private let logger: Logger
    public let metrics: SyncMetrics

    public init(brokers: String, groupID: String, topics: KafkaTopics, stages: [[any Projector]],
                positions: AppliedPositionPublisher?, metrics: SyncMetrics = SyncMetrics(),
                logger: Logger = Logger(label: "gifticon.sync.kafka")) {
        self.brokers = brokers
        self.groupID = groupID
        self.topics = topics
        self.stages = stages
        self.positions = positions
        self.metrics = metrics
        self.logger = logger
    }

    /// Consumes until the task is cancelled or `stopAfter` streamed transactions were applied.
    /// `onApplied` sees each applied transaction (tests stop a run in the middle of a burst with it).
    public func run(stopAfter: Int? = nil, onApplied: @Sendable (CommittedTransaction) async throws -> Void = { _ in }) async throws {
        let consumer = try KafkaConsumer(brokers: brokers, groupID: groupID, topics: topics.all, settings: [
            // New tables' topics appear when their first change does: look for them often.
            "topic.metadata.refresh.interval.ms": "2000", "allow.auto.create.topics": "true",
            // Range assignment gives every topic's partition 0 to the same member (see KafkaTopics.partition).
            "partition.assignment.strategy": "range",
        ])
        do {
            try await consume(consumer, stopAfter: stopAfter, onApplied: onApplied)
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    private func consume(_ consumer: KafkaConsumer, stopAfter: Int?,
                         onApplied: @Sendable (CommittedTransaction) async throws -> Void) async throws {
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
                applied += try await apply(run: run, committing: &uncommitted, consumer, onApplied: onApplied)
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
                try await apply(run: [ready.transaction], committing: &uncommitted, consumer, alreadyApplied: true, onApplied: onApplied)
            }
            applied += try await apply(run: run, committing: &uncommitted, consumer, onApplied: onApplied)
        }
    }

    /// Streamed transactions in commit order, applied as one run: every stage, then the last position, the metrics
    /// and one commit of the offsets read so far. Returns how many had changes.
    @discardableResult
    private func apply(run: [CommittedTransaction], committing records: inout [KafkaRecord], _ consumer: KafkaConsumer,
                       alreadyApplied: Bool = false, onApplied: @Sendable (CommittedTransaction) async throws -> Void) async throws -> Int {
        guard let last = run.last else { return 0 }
        // A heartbeat has no changes: only its position is published.
        let changed = run.filter { !$0.changes.isEmpty }
        if !changed.isEmpty && !alreadyApplied {
            try await metrics.steps.measure(.run) {
                for stage in stages { try await stage.applyInParallel(changed) }
            }
        }
        try await metrics.steps.measure(.positionPublish) {
            try await positions?.publish(last.endLSN, commitTimeMicros: last.commitTimeMicros)
        }
        for transaction in changed { metrics.applied(transaction, logger: logger) }
        try await metrics.steps.measure(.confirm) { try await consumer.commit(records) }
        records.removeAll()
        if alreadyApplied { return 0 }   // the snapshot's end: not a streamed transaction
        for transaction in changed { try await onApplied(transaction) }
        return changed.count
    }
}
