import Stores

/// Captures committed changes of the published tables from PostgreSQL's WAL through a logical replication slot
/// (pgoutput), after an initial snapshot consistent with the slot's start, as Debezium's `snapshot.mode=initial`.
///
/// Blocking: run it on a thread of its own. The slot only advances when `confirm` is called, so a crash before the
/// read models acknowledged a change means PostgreSQL sends it again.
public final class WALCapture {
    public let slot: String
    public let publication: String
    private let url: String
    private let connection: ReplicationConnection
    private var decoder = PgOutputDecoder()
    private var confirmed = LSN.zero
    private var received = LSN.zero
    private var lastKeepalive = LSN.zero
    /// START_REPLICATION was sent: status updates are only valid from then on (before, they break the protocol).
    private var streaming = false
    private let steps: SyncSteps

    /// Opens the replication connection; the publication must exist (see `ensurePublication`).
    public init(url: String, slot: String, publication: String, steps: SyncSteps = SyncSteps()) throws {
        self.steps = steps
        self.url = url
        self.slot = slot
        self.publication = publication
        connection = try ReplicationConnection(url: url)
    }

    /// Creates the publication for `tables` if missing (run on an ordinary connection).
    public static func ensurePublication(_ name: String, tables: [String], on db: PostgresConnection) throws {
        let exists = try db.query("SELECT 1 FROM pg_publication WHERE pubname = $1", [name]).rows.isEmpty == false
        if !exists {
            try db.execute("CREATE PUBLICATION \(quoteIdentifier(name)) FOR TABLE " + tables.map(quoteIdentifier).joined(separator: ", "))
        }
    }

    /// Starts streaming. If the slot is new, first calls `snapshot` once per table with every row as it was at the
    /// slot's consistent point (operation `.read`, position = that point); returns where the stream starts.
    /// (The relay's snapshot: the embedded sync reads its own in chunks, see `startWithoutSnapshot`.)
    @discardableResult
    public func start(snapshotTables tables: [String], snapshot: (CommittedTransaction) throws -> Void) throws -> LSN {
        let lookup = try PostgresConnection(url: url)
        defer { lookup.close() }
        var start: LSN
        if let confirmed = try confirmedPosition(lookup) {
            start = confirmed
        } else {
            let (point, name) = try createSlot(exportingSnapshot: true)
            start = point
            // The exported snapshot lives until the replication connection's next command: read it now.
            try lookup.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try lookup.execute("SET TRANSACTION SNAPSHOT '\(name ?? "")'")
            for table in tables {
                let rows = try lookup.execute("SELECT * FROM \(quoteIdentifier(table))")
                try snapshot(CommittedTransaction(xid: 0, commitLSN: point, endLSN: point, commitTimeMicros: 0, changes: RowChange.reads(of: table, rows)))
            }
            try lookup.execute("COMMIT")
        }
        try startStreaming(from: start, messages: false)
        return start
    }

    /// Starts streaming with no snapshot: from the slot's confirmed position, or from a new slot's consistent point
    /// (`created`). Logical messages are streamed too: the chunked snapshot's watermarks are messages.
    public func startWithoutSnapshot() throws -> (start: LSN, created: Bool) {
        let lookup = try PostgresConnection(url: url)
        let confirmed = try confirmedPosition(lookup)
        lookup.close()
        let start = try confirmed ?? createSlot(exportingSnapshot: false).point
        try startStreaming(from: start, messages: true)
        return (start, confirmed == nil)
    }

    private func confirmedPosition(_ lookup: PostgresConnection) throws -> LSN? {
        let existing = try lookup.query("SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = $1", [slot])
        return existing.rows.first.map { $0[0].flatMap(LSN.init) ?? .zero }
    }

    private func createSlot(exportingSnapshot: Bool) throws -> (point: LSN, snapshotName: String?) {
        let created = try connection.command(
            "CREATE_REPLICATION_SLOT \(quoteIdentifier(slot)) LOGICAL pgoutput (SNAPSHOT '\(exportingSnapshot ? "export" : "nothing")')")
        guard let point = created[0, "consistent_point"].flatMap(LSN.init) else {
            throw StoreError(.postgres, .badReply, "CREATE_REPLICATION_SLOT answered no consistent point")
        }
        let name = created[0, "snapshot_name"]
        if exportingSnapshot && name == nil { throw StoreError(.postgres, .badReply, "CREATE_REPLICATION_SLOT exported no snapshot") }
        return (point, name)
    }

    private func startStreaming(from start: LSN, messages: Bool) throws {
        try connection.startReplication(slot: slot, from: start, options: [("proto_version", "1"), ("publication_names", publication)]
                                        + (messages ? [("messages", "true")] : []))
        confirmed = start
        received = start
        streaming = true
    }

    /// The next committed transaction, or nil if none completed within `timeout` seconds.
    ///
    /// The wait is a hard deadline: keepalives (which other databases' WAL traffic makes frequent) never extend it,
    /// and a transaction cut off by the deadline simply continues in the decoder on the next call.
    public func next(timeout: Double) throws -> CommittedTransaction? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return nil }
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            guard let message = try connection.read(timeout: seconds) else { return nil }
            switch message {
            case let .data(start, _, _, payload):
                received = max(received, start)
                if let transaction = try steps.measure(.decode, { try decoder.decode(payload) }) { return transaction }
            case let .keepalive(end, _, replyRequested):
                received = max(received, end)
                lastKeepalive = max(lastKeepalive, end)
                if replyRequested { try connection.sendStatus(written: received, flushed: confirmed, applied: confirmed) }
            }
        }
    }

    /// How far the server has sent the WAL (its keepalives and data): the command database's position as last heard.
    public var heardPosition: LSN { received }

    /// Where the stream stands when it is idle: the walsender's keepalives report how far it has decoded, and every
    /// transaction that committed before that was sent already. Nil inside a transaction. A commit's consistency
    /// token can lie a little past the commit (other sessions' WAL): the applied position must reach it without
    /// waiting for the next unrelated commit.
    public var idlePosition: LSN? {
        decoder.isInsideTransaction || lastKeepalive <= confirmed ? nil : lastKeepalive
    }

    /// Sends a standby status update without confirming more: while a long snapshot is being applied the stream is
    /// not read, and the walsender drops a client it has not heard from for `wal_sender_timeout` (60 s by default).
    public func sendFeedback() throws {
        guard streaming else { return }
        try connection.sendStatus(written: max(received, confirmed), flushed: confirmed, applied: confirmed)
    }

    /// Tells PostgreSQL that everything up to `lsn` is applied everywhere: it may recycle that WAL.
    public func confirm(_ lsn: LSN) throws {
        confirmed = max(confirmed, lsn)
        try connection.sendStatus(written: max(received, confirmed), flushed: confirmed, applied: confirmed)
    }
}

func quoteIdentifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
