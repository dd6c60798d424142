import JSON
import Stores

/// Topic names and record keys as Debezium's PostgreSQL connector makes them: `<prefix>.<schema>.<table>` for
/// changes and `<prefix>.transaction` for transaction metadata (`provide.transaction.metadata=true`).
///
/// Records are keyed by gifticon id wherever a row belongs to one (Debezium: `message.key.columns`), so one
/// gifticon's changes land in one partition of each topic and stay in order; other rows are keyed by their id.
public struct KafkaTopics: Sendable, Equatable {
    public var prefix: String

    /// Every record goes to partition 0 of its topic: with the range assignor, one member of the group then holds
    /// every topic's partition 0 (the whole stream, in order) and the others stand by to take over. Splitting the
    /// work by gifticon (the keys are there for it) would need members that agree on transaction boundaries.
    public static let partition: Int32 = 0

    public init(prefix: String = "gifticon") { self.prefix = prefix }

    public func changes(schema: String = "public", table: String) -> String { "\(prefix).\(schema).\(table)" }
    public var transactions: String { "\(prefix).transaction" }

    /// Every topic the projector reads: one per synced table and the transaction topic.
    public var all: [String] { SyncPipeline.tables.map { changes(table: $0) } + [transactions] }

    /// The key columns of each table's records.
    static func keyColumn(table: String) -> String {
        switch table {
        case "gifticon_prices", "gifticon_images", "gifticon_tags", "reviews": return "gifticon_id"
        default: return "id"
        }
    }

    /// The record key: a JSON object of the key column, as Debezium writes keys with schemas disabled.
    static func key(of change: RowChange) -> [UInt8] {
        let column = keyColumn(table: change.table)
        let value = change.integer(column)
        return JSONValue.object(JSONObject([(column, value)])).jsonBytes()
    }
}
