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
            // Range assignment gives a member the same partition numbers of every topic (they all have as many), so
            // it holds both the changes and the transaction events of its partitions. (Cooperative assignment does
            // not keep topics' partitions together.)
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

    /// What this member holds of one partition: its shares being put together, whether its snapshot is under way or
    /// applied here and awaiting the other partitions', and the records read but not yet committed (a snapshot's and
    /// what follows it, until the snapshot's end work is done).
    private struct PartitionState {
        var assembler: KafkaTransactionAssembler
        var inSnapshot = false
        /// The position of the snapshot whose shares it is reading.
        var snapshotPosition: LSN = .zero
        var snapshotEnd: LSN?
        var uncommitted: [KafkaRecord] = []
        var holdsOffsets: Bool { inSnapshot || snapshotEnd != nil }
    }

    private func consume(_ consumer: KafkaConsumer, stopAfter: Int?, inFlight: inout Task<Void, any Error>?) async throws {
        var partitions: [Int32: PartitionState] = [:]
        var held: Set<Int32> = []
        var applied = 0
        var lastWaitLogged = ContinuousClock.now
        while !Task.isCancelled {
            if let stopAfter, applied >= stopAfter { break }
            let records = try await consumer.poll(max: 2_000, timeoutMilliseconds: 200)
            // A partition handed to another member: what was read of it and not applied, its next owner reads again
            // from the committed offset (and so does this member, if it is given the partition back).
            let assigned = try await consumer.assignedPartitions(of: topics.transactions)
            if assigned != held {
                held = assigned
                logger.info("partitions assigned", metadata: ["partitions": "\(assigned.sorted().map(String.init).joined(separator: ","))"])
            }
            for partition in partitions.keys where !assigned.contains(partition) {
                partitions[partition] = nil
            }
            for record in records where assigned.contains(record.partition) {
                var state = partitions[record.partition] ?? PartitionState(assembler: KafkaTransactionAssembler(topics: topics))
                do {
                    try metrics.steps.measure(.decode) { try state.assembler.add(record) }
                } catch {
                    logger.error("unreadable record skipped", metadata: [
                        "topic": "\(record.topic)", "partition": "\(record.partition)", "offset": "\(record.offset)", "error": "\(error)",
                    ])
                    state.assembler.skip(record)
                }
                partitions[record.partition] = state
            }
            // The shares that are ready, partition by partition, go in one run (bounded), as the embedded stream's
            // transactions do; a snapshot's shares are applied on their own, once everything before them is.
            var run: [Share] = []
            var changedIDs: Set<String> = []
            for partition in partitions.keys.sorted() {
                while run.count < ChangeStream.maxBatchTransactions, stopAfter.map({ applied + changedIDs.count < $0 }) ?? true,
                      let ready = partitions[partition]?.assembler.next() {
                    let share = Share(partition: partition, ready: ready)
                    if !ready.isSnapshot, !ready.transaction.changes.isEmpty, let state = partitions[partition], state.inSnapshot {
                        // Streamed changes inside a snapshot: the relay that was publishing it stopped and a later
                        // one streams on without finishing it. What was read of it stands; its end work waits as a
                        // finished snapshot's would, rather than forever. (An empty transaction, as an older relay
                        // sent for an empty table's batch, stays inside the snapshot.)
                        logger.warning("a snapshot ended without its last record: taken as ended", metadata: [
                            "partition": "\(partition)", "snapshot": "\(state.snapshotPosition)"])
                        partitions[partition]?.inSnapshot = false
                        partitions[partition]?.snapshotEnd = max(state.snapshotEnd ?? .zero, state.snapshotPosition)
                    }
                    if !ready.isSnapshot, partitions[partition]?.inSnapshot == false {
                        run.append(share)
                        if !ready.transaction.changes.isEmpty { changedIDs.insert(DebeziumTransactionEvent.id(of: ready.transaction)) }
                        continue
                    }
                    applied += try await apply(run: run, &partitions, consumer, inFlight: &inFlight)
                    try await inFlight?.value
                    inFlight = nil
                    run.removeAll()
                    changedIDs.removeAll()
                    try await applySnapshotShare(share, &partitions, consumer, inFlight: &inFlight)
                }
            }
            applied += try await apply(run: run, &partitions, consumer, inFlight: &inFlight)
            if let waiting = try await finishSnapshotOnceEveryPartitionHasIt(&partitions, consumer, inFlight: &inFlight),
               ContinuousClock.now - lastWaitLogged > .seconds(10) {
                logger.info("the snapshot's end work waits", metadata: waiting)
                lastWaitLogged = .now
            }
        }
    }

    /// One partition's share of a snapshot batch, applied alone; its offsets wait for the snapshot's end work.
    private func applySnapshotShare(_ share: Share, _ partitions: inout [Int32: PartitionState], _ consumer: KafkaConsumer,
                                    inFlight: inout Task<Void, any Error>?) async throws {
        let transaction = share.ready.transaction
        if !transaction.changes.isEmpty {
            try await metrics.steps.measure(.run) {
                for stage in stages { try await stage.applyInParallel([transaction]) }
            }
        }
        partitions[share.partition]?.uncommitted += share.ready.records
        partitions[share.partition]?.snapshotPosition = transaction.endLSN
        guard share.ready.endsSnapshot else {
            partitions[share.partition]?.inSnapshot = true
            return
        }
        partitions[share.partition]?.inSnapshot = false
        let earlierEnd = partitions[share.partition]?.snapshotEnd ?? .zero
        partitions[share.partition]?.snapshotEnd = max(earlierEnd, transaction.endLSN)
        guard (share.ready.partitionCount ?? 1) > 1 else {
            // The whole stream is this partition: its end work goes first, then its position and offsets.
            try await finishSnapshotOnceEveryPartitionHasIt(&partitions, consumer, inFlight: &inFlight, alone: true)
            return
        }
        // This partition's position goes out now, so the members awaiting every partition's snapshot see it.
        var position = share
        position.ready.records = []
        try await apply(run: [position], &partitions, consumer, alreadyApplied: true, inFlight: &inFlight)
    }

    /// The projectors' end-of-snapshot work (the sweep of stale documents, the search index's bulk pass over every
    /// document) reads all of MongoDB: it waits until every partition's snapshot share is in, whichever member
    /// applies it (the applied position, the low watermark over partitions, reaches the snapshot's end), or a
    /// document whose price is still on its way would be indexed without it. Until then this member's partitions
    /// stream on, their offsets held back, so a member stopped before the work does it again.
    /// Returns what it waits for (for the log), or nil.
    @discardableResult
    private func finishSnapshotOnceEveryPartitionHasIt(_ partitions: inout [Int32: PartitionState], _ consumer: KafkaConsumer,
                                                       inFlight: inout Task<Void, any Error>?, alone: Bool = false) async throws -> Logger.Metadata? {
        guard let end = partitions.values.compactMap(\.snapshotEnd).max() else { return nil }
        let reading = partitions.filter(\.value.inSnapshot).keys.sorted()
        guard reading.isEmpty else { return ["position": "\(end)", "partitions_in_snapshot": "\(reading)"] }
        if !alone {
            try await inFlight?.value
            inFlight = nil
            let applied = try await positions?.current()
            guard let applied, applied >= end else { return ["position": "\(end)", "applied": "\(applied.map { "\($0)" } ?? "none")"] }
        }
        for projector in projectors { try await projector.snapshotApplied(at: end) }
        var offsets: [KafkaRecord] = []
        var ended: [Int32: LSN] = [:]
        for partition in Array(partitions.keys) where partitions[partition]?.snapshotEnd != nil {
            ended[partition] = partitions[partition]?.snapshotEnd
            partitions[partition]?.snapshotEnd = nil
            offsets += partitions[partition]?.uncommitted ?? []
            partitions[partition]?.uncommitted = []
        }
        if alone { try await positions?.publish(partitions: ended, of: 1) }
        try await consumer.commit(offsets)
        logger.info("snapshot finished", metadata: ["position": "\(end)"])
        return nil
    }

    /// One partition's share of a transaction, as it was put together.
    private struct Share {
        var partition: Int32
        var ready: KafkaTransactionAssembler.Ready
    }

    /// Streamed shares as one run: the shares of one transaction merged back into it (its changes in their order),
    /// the transactions in commit order. The first stage here; the later stages, each partition's position, the
    /// metrics and one commit of the offsets read so far in `inFlight`, once the previous run's are done (so they
    /// overlap the next run's first stage). Returns how many transactions had changes.
    @discardableResult
    private func apply(run shares: [Share], _ partitions: inout [Int32: PartitionState], _ consumer: KafkaConsumer,
                       alreadyApplied: Bool = false, inFlight: inout Task<Void, any Error>?) async throws -> Int {
        guard !shares.isEmpty else { return 0 }
        let run = Self.merge(shares.map(\.ready))
        var positions: [Int32: LSN] = [:]
        var offsets: [KafkaRecord] = []
        for share in shares {
            positions[share.partition] = max(positions[share.partition] ?? .zero, share.ready.transaction.endLSN)
            // A partition whose snapshot's end work is still to come keeps its offsets back.
            if partitions[share.partition]?.holdsOffsets == true {
                partitions[share.partition]?.uncommitted += share.ready.records
            } else {
                offsets += share.ready.records
            }
        }
        let partitionCount = shares.compactMap(\.ready.partitionCount).last ?? 1
        let withChanges = run.filter { !$0.changes.isEmpty }
        let changed = alreadyApplied ? [] : withChanges
        let last = run[run.count - 1]
        let started = ContinuousClock.now
        if !changed.isEmpty { try await stages.first?.applyInParallel(changed) }
        try await inFlight?.value
        inFlight = Task {
            if !changed.isEmpty {
                for stage in self.stages.dropFirst() { try await stage.applyInParallel(changed) }
                self.metrics.steps.record(.run, ContinuousClock.now - started)
            }
            try await self.metrics.steps.measure(.positionPublish) {
                try await self.positions?.publish(partitions: positions, of: partitionCount, commitTimeMicros: last.commitTimeMicros)
            }
            // Once the position is published, so a gateway reading the notice reads the read models at it.
            if !withChanges.isEmpty { try await self.notices?.append(withChanges) }
            for transaction in withChanges { self.metrics.applied(transaction, logger: self.logger) }
            let committed = try await self.metrics.steps.measure(.confirm) { try await consumer.commit(offsets) }
            if !committed { self.logger.info("offsets not committed: the group is rebalancing, and the partitions' next owner applies them again") }
        }
        return changed.count
    }

    /// Shares of the same transaction (from this member's partitions) as one transaction, every change once, in
    /// the transaction's order; the transactions in commit order.
    static func merge(_ shares: [KafkaTransactionAssembler.Ready]) -> [CommittedTransaction] {
        var merged: [String: (transaction: CommittedTransaction, changes: [Int: RowChange])] = [:]
        for (index, share) in shares.enumerated() {
            let transaction = share.transaction
            // A change without transaction metadata (a Debezium connector's) is a transaction of its own.
            let id = share.changeOrders.isEmpty && !transaction.changes.isEmpty
                ? "standalone:\(index)" : DebeziumTransactionEvent.id(of: transaction) + ":\(transaction.endLSN.value)"
            let orders = share.changeOrders.isEmpty ? Array(transaction.changes.indices) : share.changeOrders
            var entry = merged[id] ?? (transaction, [:])
            for (order, change) in zip(orders, transaction.changes) { entry.changes[order] = change }
            merged[id] = entry
        }
        return merged.values.map { entry in
            var transaction = entry.transaction
            transaction.changes = entry.changes.keys.sorted().map { entry.changes[$0]! }
            return transaction
        }.sorted { ($0.endLSN, $0.commitLSN) < ($1.endLSN, $1.commitLSN) }
    }
}
