import JSON
import Stores

/// A record of Debezium's transaction topic: BEGIN before a transaction's changes, END after them with how many
/// changes it had per table. The projector applies a transaction once its END and all its changes have arrived,
/// in the transaction topic's order, which is commit order.
public struct DebeziumTransactionEvent: Sendable, Equatable {
    /// HEARTBEAT is ours: the stream was idle and its position moved past other databases' WAL (see
    /// `WALCapture.idlePosition`), so a consistency token taken after a commit is reached without a later commit.
    public enum Status: String, Sendable { case begin = "BEGIN", end = "END", heartbeat = "HEARTBEAT" }

    public var status: Status
    /// Debezium's PostgreSQL id: "<txId>:<commit LSN>".
    public var id: String
    public var eventCount: Int
    public var timestampMillis: Int64
    /// Where the commit record ends (ours; Debezium has no such field): the position a consistency token compares with.
    /// A reader without it uses the commit LSN.
    public var endLSN: LSN?
    /// Ours, on events written to each partition of a partitioned transaction topic: how many of the transaction's
    /// change records went to this partition of the change topics (`partition_event_count`; Debezium's counts are
    /// per table over all partitions), how many partitions the topics have (`partitions`), and whether this END
    /// closes the initial snapshot (`snapshot: "last"`, which a partition without records of the last batch would
    /// otherwise never see).
    public var partitionEventCount: Int?
    public var partitionCount: Int?
    public var endsSnapshot = false

    public static func id(of transaction: CommittedTransaction) -> String { "\(transaction.xid):\(transaction.commitLSN.value)" }

    public static func begin(_ transaction: CommittedTransaction) -> DebeziumTransactionEvent {
        DebeziumTransactionEvent(status: .begin, id: id(of: transaction), eventCount: 0,
                                 timestampMillis: transaction.commitTimeMicros / 1000, endLSN: nil)
    }

    public static func end(_ transaction: CommittedTransaction) -> DebeziumTransactionEvent {
        DebeziumTransactionEvent(status: .end, id: id(of: transaction), eventCount: transaction.changes.count,
                                 timestampMillis: transaction.commitTimeMicros / 1000, endLSN: transaction.endLSN)
    }

    public static func heartbeat(at lsn: LSN, timestampMillis: Int64) -> DebeziumTransactionEvent {
        DebeziumTransactionEvent(status: .heartbeat, id: "heartbeat:\(lsn.value)", eventCount: 0, timestampMillis: timestampMillis, endLSN: lsn)
    }

    /// The END event's per-table counts (`data_collections`), in first-seen order.
    static func dataCollections(_ transaction: CommittedTransaction) -> JSONValue {
        var counts: [(String, Int64)] = []
        for change in transaction.changes {
            let name = "\(change.schema).\(change.table)"
            if let index = counts.firstIndex(where: { $0.0 == name }) { counts[index].1 += 1 } else { counts.append((name, 1)) }
        }
        return .array(counts.map { ["data_collection": .string($0.0), "event_count": .int(Int($0.1))] })
    }

    public func encoded(_ transaction: CommittedTransaction? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("status", .string(status.rawValue)), ("id", .string(id)),
            ("event_count", status == .end ? .int(eventCount) : .null),
            ("data_collections", status == .end ? transaction.map(Self.dataCollections) ?? .null : .null),
            ("ts_ms", .int(Int(timestampMillis))),
        ]
        if let endLSN { members.append(("end_lsn", .string(endLSN.description))) }
        if let partitionEventCount { members.append(("partition_event_count", .int(partitionEventCount))) }
        if let partitionCount { members.append(("partitions", .int(partitionCount))) }
        if endsSnapshot { members.append(("snapshot", "last")) }
        return .object(JSONObject(members))
    }

    public static func decode(_ value: JSONValue) throws -> DebeziumTransactionEvent {
        guard let statusText = value["status"]?.stringValue, let status = Status(rawValue: statusText), let id = value["id"]?.stringValue
        else { throw DebeziumEnvelope.DecodeError(description: "not a Debezium transaction event (no status or id)") }
        return DebeziumTransactionEvent(
            status: status, id: id, eventCount: Int(value["event_count"]?.intValue ?? 0),
            timestampMillis: Int64(value["ts_ms"]?.intValue ?? 0), endLSN: value["end_lsn"]?.stringValue.flatMap(LSN.init),
            partitionEventCount: value["partition_event_count"]?.intValue.map { Int($0) },
            partitionCount: value["partitions"]?.intValue.map { Int($0) }, endsSnapshot: value["snapshot"]?.stringValue == "last")
    }

    /// The commit LSN inside the id ("<txId>:<lsn>", ours may add ":<snapshot batch>").
    var commitLSN: LSN? {
        let parts = id.split(separator: ":")
        return parts.count >= 2 ? UInt64(parts[1]).map(LSN.init) : nil
    }
}
