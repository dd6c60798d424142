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

    /// A heartbeat on the transaction topic: the projector publishes the position once it applied everything before.
    public func positionAdvanced(to lsn: LSN) async throws {
        let event = DebeziumTransactionEvent.heartbeat(at: lsn, timestampMillis: Int64(Date().timeIntervalSince1970 * 1000))
        try await producer.sendAll([KafkaOutgoingRecord(topic: topics.transactions, key: Array(#"{"id":"heartbeat"}"#.utf8),
                                                        value: event.encoded().jsonBytes(), partition: KafkaTopics.partition)])
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

    /// BEGIN, the changes in WAL order, END: every record of one transaction, in the order a reader expects them.
    /// Snapshot batches share the consistent point's position, so their ids carry the batch's number too.
    func records(_ transaction: CommittedTransaction, lastOfSnapshot: Bool, snapshotBatch: Int? = nil) -> [KafkaOutgoingRecord] {
        let id = DebeziumTransactionEvent.id(of: transaction) + (snapshotBatch.map { ":\($0)" } ?? "")
        let transactionKey = JSONValue.object(JSONObject([("id", .string(id))])).jsonBytes()
        func event(_ event: DebeziumTransactionEvent) -> KafkaOutgoingRecord {
            var event = event
            event.id = id
            // One partition: the transaction topic's order is the commit order the projector applies in.
            return KafkaOutgoingRecord(topic: topics.transactions, key: transactionKey, value: event.encoded(transaction).jsonBytes(),
                                       partition: KafkaTopics.partition)
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var perTable: [String: Int64] = [:]
        var records = [event(.begin(transaction))]
        for (index, change) in transaction.changes.enumerated() {
            perTable[change.table, default: 0] += 1
            var envelope = DebeziumEnvelope.encode(change, in: transaction, database: database, emittedAtMillis: now)
            if lastOfSnapshot, index == transaction.changes.count - 1 {
                envelope = envelope.setting("source", envelope["source"]?.setting("snapshot", "last") ?? .null)
            }
            envelope = envelope.setting("transaction", [
                "id": .string(id), "total_order": .int(index + 1), "data_collection_order": .int(Int(perTable[change.table]!)),
            ])
            records.append(KafkaOutgoingRecord(topic: topics.changes(schema: change.schema, table: change.table),
                                               key: KafkaTopics.key(of: change), value: envelope.jsonBytes(),
                                               partition: KafkaTopics.partition))
        }
        records.append(event(.end(transaction)))
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
