import Stores

/// One row change read from the WAL (or from the initial snapshot), with the values as PostgreSQL's text output.
public struct RowChange: Sendable, Equatable {
    /// Debezium's operation codes: create, update, delete, read (snapshot).
    public enum Operation: String, Sendable { case create = "c", update = "u", delete = "d", read = "r" }

    public var schema: String
    public var table: String
    public var operation: Operation
    /// Column name -> value (nil is NULL). Present for updates and deletes (what REPLICA IDENTITY provides).
    public var before: [Column]?
    /// Present for creates, updates and snapshot reads.
    public var after: [Column]?

    public init(schema: String, table: String, operation: Operation, before: [Column]?, after: [Column]?) {
        self.schema = schema
        self.table = table
        self.operation = operation
        self.before = before
        self.after = after
    }

    /// A column value with its PostgreSQL type, so encoders can render it as Debezium does.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var typeOID: UInt32
        public var value: String?
        /// TOASTed and unchanged by an update: pgoutput does not send the value.
        public var unchangedToast: Bool

        public init(name: String, typeOID: UInt32, value: String?, unchangedToast: Bool = false) {
            self.name = name
            self.typeOID = typeOID
            self.value = value
            self.unchangedToast = unchangedToast
        }
    }

    /// The value of `column` in `after` (or `before` for deletes).
    public func value(_ column: String) -> String? {
        ((after ?? before)?.first { $0.name == column })?.value
    }
}

extension RowChange {
    /// A query's rows as snapshot reads of `table` (operation `.read`, no before image).
    static func reads(of table: String, _ rows: PostgresResult) -> [RowChange] {
        rows.rows.map { row in
            RowChange(schema: "public", table: table, operation: .read, before: nil, after: zip(rows.columns.indices, row).map { index, value in
                RowChange.Column(name: rows.columns[index], typeOID: rows.columnTypes[index], value: value)
            })
        }
    }
}

/// A committed transaction: its changes in WAL order, applied as one unit in commit order.
public struct CommittedTransaction: Sendable, Equatable {
    public var xid: UInt32
    /// The commit record's LSN; confirming it tells PostgreSQL the transaction was applied.
    public var commitLSN: LSN
    /// Where the commit record ends: the position a consistency token is compared with.
    public var endLSN: LSN
    /// Commit time, microseconds since the Unix epoch.
    public var commitTimeMicros: Int64
    public var changes: [RowChange]
}
