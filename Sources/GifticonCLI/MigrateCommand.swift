import ArgumentParser
import Commands

/// `gifticon migrate`: applies the command database's pending migrations (safe to run again).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the pending schema migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let client = database.client(maxConnections: 1)
        let migrator = Migrator(database: client)
        let applied = try await migrator.migrate()
        print(applied.isEmpty ? "schema is current" : "applied: \(applied.map(String.init).joined(separator: ", "))")
        print("versions: \(try await migrator.appliedVersions().map(String.init).joined(separator: ", "))")
        await client.shutdown()
    }
}
