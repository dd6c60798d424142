import Stores

/// One chunk of the embedded sync's snapshot: rows of one step read in key order, after a watermark.
public struct SnapshotChunk: Sendable {
    public var step: Int
    /// The key of the chunk's last row (where the next chunk starts), or nil when the step had no rows left.
    public var lastKey: [String]?
    /// Whether the step ends with this chunk (fewer rows than asked for).
    public var endsStep: Bool
    /// The watermark transaction's id: the chunk is applied where the stream reaches it.
    public var watermarkXID: UInt32
    /// Transactions in progress when the rows were read (the read's snapshot `xip`).
    public var inProgress: Set<UInt32>
    public var changes: [RowChange]
}

/// Reads the chunks of a snapshot (DBLog's watermark scheme, as Debezium's incremental snapshots): first a
/// watermark is committed (a transactional logical message, so the stream carries it in commit order), then the
/// chunk's rows are read. Every transaction that committed before the watermark is visible to the read, except one
/// still finishing its commit when the read's snapshot was taken: those are in the snapshot's `xip`, and the chunk
/// must be read again if one of them reaches the stream before the watermark (see `IncrementalSnapshot`).
///
/// Blocking: run it on a thread of its own.
final class SnapshotChunkReader {
    static let watermarkPrefix = "gifticon.snapshot"
    private let connection: PostgresConnection
    let plan: SnapshotPlan
    let rowsPerChunk: Int

    init(url: String, plan: SnapshotPlan, rowsPerChunk: Int) throws {
        connection = try PostgresConnection(url: url)
        self.plan = plan
        self.rowsPerChunk = max(1, rowsPerChunk)
    }

    deinit { connection.close() }

    /// The next chunk of step `step`, after the row with key `after` (nil: from the start).
    func read(step: Int, after: [String]?) throws -> SnapshotChunk {
        let plan = plan.steps[step]
        let keyList = plan.key.map(quoteIdentifier).joined(separator: ", ")
        let after = after?.count == plan.key.count ? after : nil
        let remaining = after.map { after in
            "WHERE (\(keyList)) > (\((1...after.count).map { "$\($0)" }.joined(separator: ", ")))"
        } ?? ""
        // A step with nothing left ends without a watermark: it writes nothing, so nothing can overwrite a change.
        if try connection.query("SELECT 1 FROM \(quoteIdentifier(plan.table)) \(remaining) LIMIT 1", after ?? []).rows.isEmpty {
            return SnapshotChunk(step: step, lastKey: nil, endsStep: true, watermarkXID: 0, inProgress: [], changes: [])
        }
        let watermark = try commitWatermark("\(step):\(after?.joined(separator: ",") ?? "")")
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            // The first statement takes the snapshot the rows are read from.
            let inProgress = try connection.query("SELECT x::text FROM pg_snapshot_xip(pg_current_snapshot()) AS x").rows
                .compactMap { $0[0].flatMap(UInt64.init).map { UInt32(truncatingIfNeeded: $0) } }
            let rows = try connection.query("SELECT * FROM \(quoteIdentifier(plan.table)) \(remaining) ORDER BY \(keyList) LIMIT \(rowsPerChunk)",
                                            after ?? [])
            var changes = RowChange.reads(of: plan.table, rows)
            let keyColumns = plan.key.compactMap { rows.columns.firstIndex(of: $0) }
            let lastKey = rows.rows.last.map { row in keyColumns.map { row[$0] ?? "" } }
            if let first = rows.rows.first?[keyColumns[0]], let last = lastKey?[0] {
                for child in plan.children {
                    // Within a gifticon, in the order the rows were written (as a streamed registration lists them).
                    let parent = quoteIdentifier(child.parent)
                    let childRows = try connection.query(
                        "SELECT * FROM \(quoteIdentifier(child.table)) WHERE \(parent) >= $1 AND \(parent) <= $2 ORDER BY \(parent), ctid", [first, last])
                    changes += RowChange.reads(of: child.table, childRows)
                }
            }
            try connection.execute("COMMIT")
            return SnapshotChunk(step: step, lastKey: lastKey, endsStep: rows.rows.count < rowsPerChunk, watermarkXID: watermark,
                                 inProgress: Set(inProgress), changes: changes)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Commits a transaction holding only a logical message; returns its transaction id.
    private func commitWatermark(_ content: String) throws -> UInt32 {
        try connection.execute("BEGIN")
        do {
            let xid = try connection.query("SELECT txid_current()::text").rows.first?[0].flatMap(UInt64.init)
            _ = try connection.query("SELECT pg_logical_emit_message(true, $1, $2)", [Self.watermarkPrefix, content])
            try connection.execute("COMMIT")
            guard let xid else { throw StoreError(.postgres, .badReply, "txid_current() answered nothing") }
            return UInt32(truncatingIfNeeded: xid)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
