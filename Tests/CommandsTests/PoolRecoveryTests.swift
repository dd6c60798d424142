import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct PoolRecoveryTests {
    @Test func poolExhaustionTimesOutAsUnavailableThenRecovers() async throws {
        let db = try TestDatabase.shared
        let client = PostgresClient(url: db.url, maxConnections: 1, acquireTimeout: .milliseconds(200))
        let runner = CommandRunner(database: client)
        // The command starts once the holder has the only connection (a fixed sleep lost that race under load).
        let held = AsyncStream<Void>.makeStream()
        let holding = Task {
            try await client.withConnection { db in
                held.continuation.yield()
                try db.execute("SELECT pg_sleep(10)")  // far past the 200 ms wait, even when a loaded suite starves its timer
            }
        }
        for await _ in held.stream { break }
        await expectCommandError(.unavailable) {
            _ = try await runner.run(RegisterUser(username: Fixtures.unique("u"), nickname: "대기"))
        }
        _ = try await holding.value
        let receipt = try await runner.run(RegisterUser(username: Fixtures.unique("u"), nickname: "회복"))
        #expect(receipt.id != nil)
        await client.shutdown()
    }

    @Test func killedBackendIsUnavailableOnceThenReplaced() async throws {
        let db = try TestDatabase.shared
        let client = PostgresClient(url: db.url, maxConnections: 1)
        let runner = CommandRunner(database: client)
        _ = try await runner.run(RegisterUser(username: Fixtures.unique("u"), nickname: "처음"))
        let pid = try await client.withConnection { $0.backendPID }
        _ = try await db.admin.query("SELECT pg_terminate_backend($1::int, 5000)", [String(pid)])  // waits for the exit
        await expectCommandError(.unavailable) {
            _ = try await runner.run(RegisterUser(username: Fixtures.unique("u"), nickname: "끊김"))
        }
        let receipt = try await runner.run(RegisterUser(username: Fixtures.unique("u"), nickname: "다시"))
        #expect(receipt.id != nil)
        #expect(try await client.withConnection { $0.backendPID } != pid)
        await client.shutdown()
    }
}
