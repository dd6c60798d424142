import Commands
import Foundation
import Stores
import StoreTestSupport

/// A command database of one test's own, migrated, with the name of its replication slot and a MongoDB database of
/// its own: sync tests run side by side on one stack.
final class MigratedTestDatabase {
    let name: String
    let url: String
    let slot: String
    let mongoURI: String
    let client: PostgresClient
    private let admin: PostgresConnection

    init(prefix: String) async throws {
        let settings = StoreSettings.fromEnvironment()
        name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        slot = "slot_\(name)"
        admin = try PostgresConnection(url: settings.databaseURL)
        try admin.execute("CREATE DATABASE \(name)")
        url = settings.databaseURL.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
        mongoURI = settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/sync_\(name)$1", options: .regularExpression)
        client = PostgresClient(url: url, maxConnections: 2)
        try await Migrator(database: client).migrate()
    }

    /// Drops the slot (ending its walsender first) and the database; call it in a `defer`.
    func drop() {
        dropSlot(slot, on: admin)
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
