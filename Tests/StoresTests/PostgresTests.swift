import Foundation
import Testing
import Stores

@Suite struct PostgresTests {
    let client = PostgresClient(url: TestStores.settings.databaseURL, maxConnections: 4)

    @Test func queryWithParameters() async throws {
        let result = try await client.query("SELECT $1::int + $2::int AS sum, $3::text IS NULL AS missing, $4::text AS word", ["2", "40", nil, "기프티콘"])
        #expect(result.columns == ["sum", "missing", "word"])
        #expect(result[0, "sum"] == "42")
        #expect(result[0, "missing"] == "t")
        #expect(result[0, "word"] == "기프티콘")
        await client.shutdown()
    }

    @Test func transactionsCommitAndRollBack() async throws {
        let table = TestStores.unique("tx")
        try await client.execute("CREATE TABLE \(table) (id int PRIMARY KEY, note text NOT NULL)")
        _ = try await client.transaction { db in
            try db.query("INSERT INTO \(table) VALUES ($1, $2)", ["1", "kept"])
        }
        await #expect(throws: StoreError.self) {
            _ = try await client.transaction { db in
                try db.query("INSERT INTO \(table) VALUES ($1, $2)", ["2", "rolled back"])
                try db.query("INSERT INTO \(table) VALUES ($1, $2)", ["1", "duplicate"])
            }
        }
        let rows = try await client.query("SELECT id, note FROM \(table) ORDER BY id")
        #expect(rows.rows == [["1", "kept"]])
        try await client.execute("DROP TABLE \(table)")
        await client.shutdown()
    }

    @Test func serverErrorsCarryMessageAndSQLState() async throws {
        await #expect {
            try await client.query("SELECT * FROM no_such_table_here")
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.kind == .rejected && error.code == "42P01" && error.message.contains("no_such_table_here")
        }
        // The connection that saw the error is still usable.
        #expect(try await client.query("SELECT 1").rows == [["1"]])
        await client.shutdown()
    }

    @Test func killedBackendIsReplaced() async throws {
        let single = PostgresClient(url: TestStores.settings.databaseURL, maxConnections: 1)
        let pid = try await single.withConnection { $0.backendPID }
        _ = try await client.query("SELECT pg_terminate_backend($1::int, 5000)", [String(pid)])  // waits for the exit
        // The first use after the kill fails with the server's message; the pool then opens a fresh connection.
        _ = try? await single.query("SELECT 1")
        let next = try await single.withConnection { $0.backendPID }
        #expect(next != pid)
        #expect(try await single.query("SELECT 2").rows == [["2"]])
        await single.shutdown()
        await client.shutdown()
    }

    @Test func serverDownIsAClearError() async throws {
        let down = PostgresClient(url: "postgresql://gifticon:gifticon@127.0.0.1:\(TestStores.deadPort)/gifticon?connect_timeout=2")
        await #expect {
            try await down.query("SELECT 1")
        } throws: { error in
            (error as? StoreError)?.kind == .unavailable && "\(error)".contains("127.0.0.1")
        }
        await down.shutdown()
    }

    @Test func logicalReplicationDeliversACommittedChange() async throws {
        let table = TestStores.unique("repl")
        let slot = table.lowercased()
        try await client.execute("CREATE TABLE \(table) (id int PRIMARY KEY, name text)")
        let url = TestStores.settings.databaseURL
        let replication = try ReplicationConnection(url: url)
        let created = try replication.command("CREATE_REPLICATION_SLOT \(slot) TEMPORARY LOGICAL wal2json")
        let point = try #require(created[0, "consistent_point"])
        let start = try #require(LSN(point))
        _ = try await client.query("INSERT INTO \(table) VALUES ($1, $2)", ["7", "아메리카노"])
        try replication.startReplication(slot: slot, from: start, options: [("format-version", "2"), ("include-lsn", "true")])
        var change: String?
        let deadline = Date().addingTimeInterval(10)
        while change == nil, Date() < deadline {
            guard let message = try replication.read(timeout: 0.5) else { continue }
            if case .data(let position, _, _, let payload) = message {
                let text = String(decoding: payload, as: UTF8.self)
                // The slot sees the whole database: other tests' inserts arrive too.
                if text.contains(#""action":"I""#), text.contains(table) {
                    change = text
                    try replication.sendStatus(written: position, flushed: position, applied: position)
                }
            }
        }
        let text = try #require(change)
        #expect(text.contains(table))
        #expect(text.contains("아메리카노"))
        try await client.execute("DROP TABLE \(table)")
        await client.shutdown()
    }

    @Test func lsnParsesAndPrints() {
        #expect(LSN("16/B374D848")?.value == 0x16_B374_D848)
        #expect(LSN(0x16_B374_D848).description == "16/B374D848")
        #expect(LSN("nonsense") == nil)
    }
}
