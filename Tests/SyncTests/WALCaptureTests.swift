import Foundation
import Testing
import Stores
@testable import Sync
import StoreTestSupport

/// Capture against the stack's PostgreSQL: a table of its own, a publication and a slot of its own per test.
@Suite struct WALCaptureTests {
    let url = StoreSettings.fromEnvironment().databaseURL

    func unique(_ prefix: String) -> String { "\(prefix)_\(UInt32.random(in: 0...UInt32.max))" }

    /// Reads transactions until `count` arrived or 15 s passed.
    func collect(_ capture: WALCapture, count: Int) throws -> [CommittedTransaction] {
        var transactions: [CommittedTransaction] = []
        let deadline = Date().addingTimeInterval(15)
        while transactions.count < count, Date() < deadline {
            if let transaction = try capture.next(timeout: 0.5) { transactions.append(transaction) }
        }
        return transactions
    }

    func setUp(_ table: String, _ publication: String) throws -> PostgresConnection {
        let db = try PostgresConnection(url: url)
        try db.execute("CREATE TABLE \(table) (id bigint PRIMARY KEY, name text NOT NULL, price numeric(12,2), due date, created_at timestamptz DEFAULT now())")
        try db.execute("ALTER TABLE \(table) REPLICA IDENTITY FULL")
        try WALCapture.ensurePublication(publication, tables: [table], on: db)
        return db
    }

    func tearDown(_ db: PostgresConnection, _ table: String, _ publication: String, _ slot: String) {
        dropSlot(slot, on: db)
        _ = try? db.execute("DROP PUBLICATION IF EXISTS \(publication)")
        _ = try? db.execute("DROP TABLE IF EXISTS \(table)")
    }

    @Test func snapshotThenStreamInCommitOrder() throws {
        let table = unique("cap"), publication = unique("pub"), slot = unique("slot")
        let db = try setUp(table, publication)
        defer { tearDown(db, table, publication, slot) }
        try db.query("INSERT INTO \(table) (id, name, price, due) VALUES (1, '스타벅스 아메리카노', 4500.00, '2026-12-30')")

        var snapshot: [RowChange] = []
        do {
            let capture = try WALCapture(url: url, slot: slot, publication: publication)
            try capture.start(snapshotTables: [table]) { snapshot += $0.changes }
            #expect(snapshot.count == 1)
            #expect(snapshot.first?.operation == .read)
            #expect(snapshot.first?.value("name") == "스타벅스 아메리카노")

            _ = try db.transaction { tx in
                try tx.query("INSERT INTO \(table) (id, name, price) VALUES (2, '버거', 8900.00)")
                try tx.query("UPDATE \(table) SET price = 4000.00 WHERE id = 1")
            }
            try db.query("DELETE FROM \(table) WHERE id = 2")

            let transactions = try collect(capture, count: 2)
            try #require(transactions.count == 2)
            #expect(transactions[0].changes.map(\.operation) == [.create, .update])
            #expect(transactions[0].changes[1].before?.first { $0.name == "price" }?.value == "4500.00")
            #expect(transactions[0].changes[1].value("price") == "4000.00")
            #expect(transactions[1].changes.map(\.operation) == [.delete])
            #expect(transactions[1].changes[0].value("name") == "버거")
            #expect(transactions[0].endLSN < transactions[1].endLSN)
            // Only the first transaction is confirmed: the second must come again after a restart.
            try capture.confirm(transactions[0].endLSN)
        }
        try awaitSlotInactive(db, slot)

        let again = try WALCapture(url: url, slot: slot, publication: publication)
        var resnapshot = 0
        try again.start(snapshotTables: [table]) { _ in resnapshot += 1 }
        #expect(resnapshot == 0, "an existing slot streams on; no second snapshot")
        let replayed = try collect(again, count: 1)
        #expect(replayed.first?.changes.map(\.operation) == [.delete])
    }

    /// A dropped replication connection frees its slot a moment later.
    func awaitSlotInactive(_ db: PostgresConnection, _ slot: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try db.query("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [slot]).rows.first?.first == "f" { return }
            usleep(50_000)
        }
    }
}
