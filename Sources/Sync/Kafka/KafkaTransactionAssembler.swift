import JSON
import Stores

/// Puts one partition's share of each transaction back together from the records of several topics: changes arrive
/// per table in any interleaving, the transaction topic's END events (of this partition) in commit order. A share is
/// ready once its END and all the changes its END counts for this partition are in; shares are handed out strictly
/// in END order, so the projectors see this partition's changes in exactly the commit order. (An END without a
/// partition count, as Debezium writes it, counts the whole transaction: one partition.)
///
/// Records are at least once: a relay that crashed before confirming the slot publishes a transaction again, so
/// changes are deduplicated by their place in the transaction, a second END of a pending transaction is ignored, and
/// copies of a transaction applied a moment ago are dropped (their offsets still go with the next commit).
struct KafkaTransactionAssembler {
    struct Ready {
        var transaction: CommittedTransaction
        /// It carries the snapshot's last record: the projectors finish their snapshot work after it.
        var endsSnapshot: Bool
        /// Every change is a snapshot read.
        var isSnapshot: Bool
        /// The records it was made of (and duplicates seen since the last one), for the offset commit.
        var records: [KafkaRecord]
        /// Each change's place in the whole transaction (Debezium's `total_order`): shares of one transaction from
        /// several partitions merge by it.
        var changeOrders: [Int] = []
        /// The topics' partition count its END or heartbeat gave (nil from a writer that does not say).
        var partitionCount: Int? = nil
    }

    private struct Pending {
        var changes: [Int: RowChange] = [:]
        var end: DebeziumTransactionEvent?
        var xid: UInt32 = 0
        var commitLSN: LSN = .zero
        var commitTimeMillis: Int64 = 0
        var endsSnapshot = false
        var records: [KafkaRecord] = []
    }

    private enum Slot { case transaction(String), standalone(Ready) }

    let topics: KafkaTopics
    private var pending: [String: Pending] = [:]
    private var order: [Slot] = []
    private var queuedIDs: Set<String> = []
    private var recentlyApplied: [String] = []
    private var recentlyAppliedSet: Set<String> = []
    private var strayRecords: [KafkaRecord] = []

    init(topics: KafkaTopics) { self.topics = topics }

    /// Adds one record; a record that is not a change or transaction event is an error (it goes to the log, and is
    /// skipped: its offset is committed with the next transaction).
    mutating func add(_ record: KafkaRecord) throws {
        let value = try JSONReader.parse(record.value)
        if record.topic == topics.transactions {
            let event = try DebeziumTransactionEvent.decode(value)
            if event.status == .heartbeat, let lsn = event.endLSN {
                let position = CommittedTransaction(xid: 0, commitLSN: lsn, endLSN: lsn, commitTimeMicros: 0, changes: [])
                order.append(.standalone(Ready(transaction: position, endsSnapshot: false, isSnapshot: false, records: [record],
                                               partitionCount: event.partitionCount)))
                return
            }
            if recentlyAppliedSet.contains(event.id) { strayRecords.append(record); return }
            if let snapshot = Self.snapshotPosition(event.id) { abandonIncomplete(before: snapshot) }
            pending[event.id, default: Pending()].records.append(record)
            guard event.status == .end else { return }
            if pending[event.id]?.end == nil { pending[event.id]?.end = event }
            if queuedIDs.insert(event.id).inserted { order.append(.transaction(event.id)) }
            return
        }
        let decoded = try DebeziumEnvelope.decode(value)
        guard let id = decoded.transactionID, let totalOrder = decoded.totalOrder else {
            // No transaction metadata (a Debezium snapshot, or a connector without it): one change, one transaction.
            let transaction = CommittedTransaction(xid: decoded.xid, commitLSN: decoded.lsn, endLSN: decoded.lsn,
                                                   commitTimeMicros: decoded.commitTimeMillis * 1000, changes: [decoded.change])
            order.append(.standalone(Ready(transaction: transaction, endsSnapshot: decoded.snapshot == "last",
                                           isSnapshot: decoded.change.operation == .read, records: [record])))
            return
        }
        if recentlyAppliedSet.contains(id) { strayRecords.append(record); return }
        var entry = pending[id, default: Pending()]
        entry.changes[totalOrder] = decoded.change
        entry.xid = decoded.xid
        entry.commitLSN = decoded.lsn
        entry.commitTimeMillis = decoded.commitTimeMillis
        if decoded.snapshot == "last" { entry.endsSnapshot = true }
        entry.records.append(record)
        pending[id] = entry
    }

    /// A snapshot batch's id is "<xid>:<consistent point>:<batch>": the consistent point.
    static func snapshotPosition(_ id: String) -> UInt64? {
        let parts = id.split(separator: ":")
        return parts.count == 3 ? UInt64(parts[1]) : nil
    }

    /// A new snapshot supersedes everything published before it. A relay killed in the middle of sending a
    /// transaction may have left an END whose changes never arrive (its successor started over from a new
    /// snapshot, so it never sends them again): such a share would block its partition for good.
    private mutating func abandonIncomplete(before snapshot: UInt64) {
        order.removeAll { slot in
            guard case .transaction(let id) = slot, let entry = pending[id], let end = entry.end else { return false }
            let position = end.commitLSN?.value ?? 0   // a snapshot batch's consistent point too
            guard position < snapshot, entry.changes.count < end.partitionEventCount ?? end.eventCount else { return false }
            strayRecords += entry.records   // committed with the next share, so not read again
            pending[id] = nil
            queuedIDs.remove(id)
            return true
        }
    }

    /// Records that could not be read at all: committed with the next transaction so they are not read forever.
    mutating func skip(_ record: KafkaRecord) { strayRecords.append(record) }

    /// The next transaction, in commit order, once it is complete.
    mutating func next() -> Ready? {
        guard let first = order.first else { return nil }
        switch first {
        case .standalone(var ready):
            order.removeFirst()
            ready.records += takeStrays()
            return ready
        case .transaction(let id):
            guard let entry = pending[id], let end = entry.end, entry.changes.count >= end.partitionEventCount ?? end.eventCount else { return nil }
            order.removeFirst()
            queuedIDs.remove(id)
            pending[id] = nil
            remember(id)
            let orders = entry.changes.keys.sorted()
            let changes = orders.map { entry.changes[$0]! }
            let commitLSN = end.commitLSN ?? entry.commitLSN
            let transaction = CommittedTransaction(
                xid: entry.xid, commitLSN: commitLSN, endLSN: end.endLSN ?? commitLSN,
                commitTimeMicros: (entry.commitTimeMillis != 0 ? entry.commitTimeMillis : end.timestampMillis) * 1000, changes: changes)
            return Ready(transaction: transaction, endsSnapshot: entry.endsSnapshot || end.endsSnapshot,
                         isSnapshot: Self.snapshotPosition(end.id) != nil || (!changes.isEmpty && changes.allSatisfy { $0.operation == .read }),
                         records: entry.records + takeStrays(), changeOrders: orders, partitionCount: end.partitionCount)
        }
    }

    /// How many transactions wait for their END or for changes still in flight.
    var waiting: Int { order.count }

    private mutating func takeStrays() -> [KafkaRecord] {
        defer { strayRecords.removeAll() }
        return strayRecords
    }

    private mutating func remember(_ id: String) {
        recentlyApplied.append(id)
        recentlyAppliedSet.insert(id)
        if recentlyApplied.count > 10_000 {
            recentlyAppliedSet.remove(recentlyApplied.removeFirst())
        }
    }
}
