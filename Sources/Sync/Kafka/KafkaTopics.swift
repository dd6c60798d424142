import JSON
import Stores

/// Topic names and record keys as Debezium's PostgreSQL connector makes them: `<prefix>.<schema>.<table>` for
/// changes and `<prefix>.transaction` for transaction metadata (`provide.transaction.metadata=true`).
///
/// Every topic has `partitions` partitions, and the work splits by aggregate (ours, not Debezium's): a gifticon's
/// rows (its row, price, images and tags) go to partition `gifticon id mod partitions` of their topics, a review to
/// `seller id mod partitions` (so one member holds all of a seller's reviews and its rating stays exact). The rows
/// other documents embed (users, brands, categories, tags) go to every partition: each member then sees every rename
/// in its own commit order, after the gifticons it wrote before it, so its copies converge whichever member wrote
/// first. A member holds the same partition numbers of every topic (range assignment over topics of equal size).
public struct KafkaTopics: Sendable, Equatable {
    public var prefix: String
    public var partitions: Int

    public init(prefix: String = "gifticon", partitions: Int = 6) {
        self.prefix = prefix
        self.partitions = max(1, partitions)
    }

    public func changes(schema: String = "public", table: String) -> String { "\(prefix).\(schema).\(table)" }
    public var transactions: String { "\(prefix).transaction" }

    /// Every topic the projector reads: one per synced table and the transaction topic.
    public var all: [String] { SyncPipeline.tables.map { changes(table: $0) } + [transactions] }

    /// The key column of each table's records: the aggregate it belongs to.
    static func keyColumn(table: String) -> String {
        switch table {
        case "gifticon_prices", "gifticon_images", "gifticon_tags": return "gifticon_id"
        case "reviews": return "seller_id"
        default: return "id"
        }
    }

    /// Tables whose rows other documents embed: published to every partition.
    static func isReference(table: String) -> Bool { ["users", "brands", "categories", "tags"].contains(table) }

    /// The partitions a change goes to: its aggregate's one, or all of them for a referenced row.
    func partitions(of change: RowChange) -> Range<Int32> {
        if Self.isReference(table: change.table) { return 0..<Int32(partitions) }
        let partition = partition(ofAggregate: change.integer(Self.keyColumn(table: change.table)).int64 ?? 0)
        return partition..<(partition + 1)
    }

    /// `id mod partitions`, never negative.
    public func partition(ofAggregate id: Int64) -> Int32 {
        let count = Int64(partitions)
        return Int32(((id % count) + count) % count)
    }

    /// The record key: a JSON object of the key column, as Debezium writes keys with schemas disabled.
    static func key(of change: RowChange) -> [UInt8] {
        let column = keyColumn(table: change.table)
        let value = change.integer(column)
        return JSONValue.object(JSONObject([(column, value)])).jsonBytes()
    }
}
