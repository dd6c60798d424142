import Foundation
import Stores

/// Drops a test's replication slot: ends its walsender first if a capture still holds it, so no slot (and the WAL it
/// pins) outlives the test.
public func dropSlot(_ slot: String, on db: PostgresConnection) {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
        _ = try? db.query("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = $1 AND active", [slot])
        if (try? db.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", [slot])) != nil,
            (try? db.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1", [slot]).rows.isEmpty) == true
        {
            return
        }
        usleep(100_000)
    }
}

/// The same, on a connection of its own.
public func dropSlot(_ slot: String, url: String) {
    guard let db = try? PostgresConnection(url: url) else { return }
    defer { db.close() }
    dropSlot(slot, on: db)
}
