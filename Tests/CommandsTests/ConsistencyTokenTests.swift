import Testing
import Stores
@testable import Commands

/// The receipt's token against the WAL itself, read back through logical decoding (test_decoding).
@Suite(.freshDatabase) struct ConsistencyTokenTests {
    @Test func tokenIsPastTheCommitRecordAndBeforeTheNextCommit() async throws {
        let db = try TestDatabase.shared
        let slot = "token_\(UInt32.random(in: 0...UInt32.max))"
        try await db.client.query("SELECT pg_create_logical_replication_slot($1, 'test_decoding')", [slot])
        do {
            let first = Fixtures.unique("first")
            let receipt = try await db.runner.run(RegisterUser(username: first, nickname: "토큰"))
            let second = Fixtures.unique("next")
            let next = try await db.runner.run(RegisterUser(username: second, nickname: "다음"))
            let changes = try await db.client.query(
                "SELECT lsn::text, xid::text, data FROM pg_logical_slot_peek_changes($1, NULL, NULL)", [slot])
            let rows = changes.rows
            let xid = try #require(rows.first { $0[2]?.contains(first) == true }?[1])
            let commits = rows.filter { $0[2]?.hasPrefix("COMMIT") == true }
            let ours = try #require(commits.first { $0[1] == xid }?[0].flatMap(LSN.init))
            // The next transaction's own commit, found by its row: other suites commit into the shared database
            // meanwhile, so the stream's last commit may be theirs (a loaded fresh-clone run failed on that).
            let nextXid = try #require(rows.first { $0[2]?.contains(second) == true }?[1])
            let later = try #require(commits.first { $0[1] == nextXid }?[0].flatMap(LSN.init))
            // test_decoding reports a COMMIT at the commit record's end (the position a sync confirms once it has
            // applied the transaction): the token is at or past it, and before the next transaction's commit.
            #expect(receipt.consistencyToken >= ours)
            #expect(receipt.consistencyToken < later)
            #expect(next.consistencyToken >= later)
        } catch {
            _ = try? await db.client.query("SELECT pg_drop_replication_slot($1)", [slot])
            throw error
        }
        try await db.client.query("SELECT pg_drop_replication_slot($1)", [slot])
    }
}
