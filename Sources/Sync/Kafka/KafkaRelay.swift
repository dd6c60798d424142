import Foundation
import JSON
import Stores
import Synchronization

/// `gifticon sync relay`'s one projector: publishes each committed transaction to Kafka as Debezium does (a BEGIN
/// and an END on the transaction topic, each change as an envelope on its table's topic) and returns only once the
/// broker acknowledged every record, so the change stream confirms the slot after Kafka has the transaction.
///
/// The last snapshot batch is held back until the snapshot ends, so its final record can carry Debezium's
/// `snapshot: "last"` marker: the projector finishes its snapshot work (sweeps, bulk indexing) on that record.
public final class KafkaRelay: Projector, Sendable {
    public let name = "kafka-relay"
    let producer: KafkaProducer
    let topics: KafkaTopics
    let database: String
    /// The snapshot batch held back, and how many were published before it.
    private let heldSnapshot = Mutex<(batch: CommittedTransaction?, published: Int)>((nil, 0))

    public init(producer: KafkaProducer, topics: KafkaTopics, database: String) {
        self.producer = producer
        self.topics = topics
        self.database = database
    }

    public func apply(_ transaction: CommittedTransaction) async throws {
        if !transaction.changes.isEmpty, transaction.changes.allSatisfy({ $0.operation == .read }) {
            if let (previous, number) = swapHeldSnapshotBatch(transaction) {
                try await publish(previous, lastOfSnapshot: false, snapshotBatch: number)
            }
            return
        }
        try await publish(transaction, lastOfSnapshot: false)
    }

    /// The initial snapshot, a batch per table: an empty batch (a table with no rows) is not published, since it
    /// would reach the members as a streamed transaction in the middle of the snapshot.
    public func applySnapshot(_ batches: [CommittedTransaction]) async throws {
        for batch in batches where !batch.changes.isEmpty { try await apply(batch) }
    }

    /// A run of streamed transactions goes out in one acknowledged send, not one per transaction (the broker's
    /// acknowledgement was the relay's cost per transaction).
    public func apply(batch transactions: [CommittedTransaction]) async throws {
        if transactions.contains(where: { !$0.changes.isEmpty && $0.changes.allSatisfy { $0.operation == .read } }) {
            for transaction in transactions { try await apply(transaction) }
            return
        }
        try await producer.sendAll(transactions.flatMap { records($0, lastOfSnapshot: false) })
    }

    public func snapshotApplied(at lsn: LSN) async throws {
        if let (last, number) = swapHeldSnapshotBatch(nil) { try await publish(last, lastOfSnapshot: true, snapshotBatch: number) }
    }

    /// A heartbeat on every partition of the transaction topic: each partition's position moves on, so the low
    /// watermark over them does too.
    public func positionAdvanced(to lsn: LSN) async throws {
        var event = DebeziumTransactionEvent.heartbeat(at: lsn, timestampMillis: Int64(Date().timeIntervalSince1970 * 1000))
        event.partitionCount = topics.partitions
        let value = event.encoded().jsonBytes()
        try await producer.sendAll((0..<Int32(topics.partitions)).map { partition in
            KafkaOutgoingRecord(topic: topics.transactions, key: Array(#"{"id":"heartbeat"}"#.utf8), value: value, partition: partition)
        })
    }

    /// Holds `batch` back (nil: none) and returns the one held before, with its number in the snapshot.
    private func swapHeldSnapshotBatch(_ batch: CommittedTransaction?) -> (CommittedTransaction, Int)? {
        heldSnapshot.withLock { held in
            let previous = held.batch.map { ($0, held.published) }
            if previous != nil { held.published += 1 }
            held.batch = batch
            return previous
        }
    }

    func publish(_ transaction: CommittedTransaction, lastOfSnapshot: Bool, snapshotBatch: Int? = nil) async throws {
        try await producer.sendAll(records(transaction, lastOfSnapshot: lastOfSnapshot, snapshotBatch: snapshotBatch))
    }

    /// Per partition: BEGIN, the transaction's changes that go there in WAL order, END with their count. Every
    /// partition gets an END, even one with no change of it, so every partition's position follows the commits.
    /// Snapshot batches share the consistent point's position, so their ids carry the batch's number too.
    func records(_ transaction: CommittedTransaction, lastOfSnapshot: Bool, snapshotBatch: Int? = nil) -> [KafkaOutgoingRecord] {
        let id = DebeziumTransactionEvent.id(of: transaction) + (snapshotBatch.map { ":\($0)" } ?? "")
        let transactionKey = JSONValue.object(JSONObject([("id", .string(id))])).jsonBytes()
        func event(_ event: DebeziumTransactionEvent, partition: Int32, count: Int) -> KafkaOutgoingRecord {
            var event = event
            event.id = id
            if event.status == .end {
                event.partitionEventCount = count
                event.partitionCount = topics.partitions
                event.endsSnapshot = lastOfSnapshot
            }
            return KafkaOutgoingRecord(topic: topics.transactions, key: transactionKey, value: event.encoded(transaction).jsonBytes(),
                                       partition: partition)
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var perTable: [String: Int64] = [:]
        var changes: [[KafkaOutgoingRecord]] = Array(repeating: [], count: topics.partitions)
        for (index, change) in transaction.changes.enumerated() {
            perTable[change.table, default: 0] += 1
            var envelope = DebeziumEnvelope.encode(change, in: transaction, database: database, emittedAtMillis: now)
            if lastOfSnapshot, index == transaction.changes.count - 1 {
                envelope = envelope.setting("source", envelope["source"]?.setting("snapshot", "last") ?? .null)
            }
            envelope = envelope.setting("transaction", [
                "id": .string(id), "total_order": .int(index + 1), "data_collection_order": .int(Int(perTable[change.table]!)),
            ])
            let value = envelope.jsonBytes(), key = KafkaTopics.key(of: change), topic = topics.changes(schema: change.schema, table: change.table)
            for partition in topics.partitions(of: change) {
                changes[Int(partition)].append(KafkaOutgoingRecord(topic: topic, key: key, value: value, partition: partition))
            }
        }
        var records: [KafkaOutgoingRecord] = []
        for partition in 0..<Int32(topics.partitions) {
            let share = changes[Int(partition)]
            if !share.isEmpty { records.append(event(.begin(transaction), partition: partition, count: 0)) }
            records += share
            records.append(event(.end(transaction), partition: partition, count: share.count))
        }
        return records
    }
}

extension JSONValue {
    /// This object with `key` set to `value` (replaced in place, or appended).
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
