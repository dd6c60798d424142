import Foundation
import Stores
import Tracing

/// Runs commands against the command database: validation, one transaction per command, idempotency keys, the
/// receipt with its consistency token, and every failure as a `CommandError`.
///
/// ```swift
/// let runner = CommandRunner(database: PostgresClient(url: settings.databaseURL, maxConnections: 16))
/// let receipt = try await runner.run(RegisterUser(username: "minji@example.kr", nickname: "민지"))
/// print(receipt.id!, receipt.version!, receipt.consistencyToken)
/// ```
public final class CommandRunner: Sendable {
    public let database: PostgresClient

    public init(database: PostgresClient) {
        self.database = database
    }

    /// Runs `command` in one transaction. With an `idempotencyKey`, a retry by the same `caller` (the acting user's
    /// id; 0 for none) returns the first call's receipt, and the same key with different content is a CONFLICT; keys
    /// of different callers never meet. Throws only `CommandError`.
    public func run<C: Command>(_ command: C, idempotencyKey: String? = nil, caller: Int64 = 0) async throws -> Receipt {
        try await withSpan("command \(C.name)") { span in
            span.attributes["gifticon.command"] = C.name
            span.attributes["gifticon.idempotent"] = idempotencyKey != nil
            do {
                return try await runUntraced(command, idempotencyKey: idempotencyKey, caller: caller)
            } catch let error as CommandError {
                span.attributes["gifticon.command.error"] = error.code.rawValue
                throw error
            }
        }
    }

    private func runUntraced<C: Command>(_ command: C, idempotencyKey: String?, caller: Int64) async throws -> Receipt {
        do {
            try command.validate()
            let request: IdempotentRequest?
            if let idempotencyKey {
                request = try IdempotentRequest(key: idempotencyKey, caller: caller, command: command)
            } else {
                request = nil
            }
            return try await database.withConnection(operation: "transaction") { db in
                try CommandRunner.transact(command, request: request, on: db)
            }
        } catch {
            throw ConstraintCatalog.commandError(for: error)
        }
    }

    /// The command database's WAL insert position now: every consistency token a receipt has carried is at or before
    /// it, so a token past it was never issued. Throws only `CommandError`.
    public func currentPosition() async throws -> LSN {
        do {
            return try await database.withConnection(operation: "SELECT") { db in
                guard let text = try db.query("SELECT pg_current_wal_insert_lsn()::text").rows.first?[0], let lsn = LSN(text) else {
                    throw CommandError(.internal, "the command database's WAL position could not be read")
                }
                return lsn
            }
        } catch {
            throw ConstraintCatalog.commandError(for: error)
        }
    }

    /// The transaction around one command, on one connection.
    static func transact<C: Command>(_ command: C, request: IdempotentRequest?, on db: PostgresConnection) throws -> Receipt {
        try db.execute("BEGIN")
        do {
            if let request, let earlier = try request.claim(on: db) {
                try db.execute("ROLLBACK")
                return earlier
            }
            let outcome = try command.execute(on: db)
            if let request { try request.record(outcome, on: db) }
            let token = try commitReturningToken(db)
            if let request { request.recordToken(token, on: db) }
            return Receipt(
                command: C.name, id: outcome.id, version: outcome.version, affectedIds: outcome.affectedIds,
                consistencyToken: token)
        } catch {
            if db.isHealthy { _ = try? db.execute("ROLLBACK") }
            throw error
        }
    }

    /// Commits and returns the consistency token, in one round trip.
    ///
    /// The token is `pg_current_wal_insert_lsn()` read on the same connection right after COMMIT returned. The
    /// commit record was inserted into the WAL before COMMIT returned, so this position is at or past the end of
    /// that record (the `end_lsn` the replication stream reports for our transaction): a reader waiting for
    /// "applied >= token" never sees the state before our write. It can be a little past our commit (other
    /// sessions' WAL inserted meanwhile), so the sync must also advance its applied position on keepalives when it
    /// has nothing left to apply, or a reader could wait for the next unrelated commit. PostgreSQL 15 has no
    /// function returning a transaction's own commit LSN (pg_last_committed_xact has none before 16+ and needs
    /// track_commit_timestamp); an insert position read inside the transaction would be *before* the commit
    /// record and so unsafe. We read the insert position rather than `pg_current_wal_lsn()` (the write position),
    /// which could lag behind our commit record under asynchronous commit. `ConsistencyTokenTests` checks the token
    /// against logical decoding: with nothing else writing, it equals the commit record's end exactly.
    static func commitReturningToken(_ db: PostgresConnection) throws -> LSN {
        let result = try db.execute("COMMIT; SELECT pg_current_wal_insert_lsn()::text")
        guard let text = result.rows.first?[0], let lsn = LSN(text) else {
            throw CommandError(.internal, "the commit's WAL position could not be read")
        }
        return lsn
    }
}
