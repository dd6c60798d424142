import Testing
import Stores

/// The command side's database is the stack's PostgreSQL.
@Suite struct CommandsSmokeTests {
    @Test func commandDatabaseAnswers() async throws {
        let client = PostgresClient(url: StoreSettings.fromEnvironment().databaseURL, maxConnections: 1)
        #expect(try await client.query("SHOW wal_level").rows == [["logical"]])
        await client.shutdown()
    }
}
