import Foundation
import Stores

/// A command call carrying an idempotency key.
///
/// The key is claimed with `INSERT ... ON CONFLICT DO NOTHING` inside the command's own transaction, so the claim
/// and the command's writes commit or roll back together: a failed call leaves no key behind (a retry runs the
/// command), and a concurrent call with the same key waits on the unique index until the first one commits, then
/// finds its row and returns its receipt. Content is compared by an md5 of the caller and the command's canonical
/// JSON. Keys are the caller's own (the token's user): another user's same key is a different key, so it can neither
/// replay this caller's receipt nor be refused because of it.
struct IdempotentRequest: Sendable {
    let key: String
    let caller: Int64
    let command: String
    let canonical: String

    init<C: Command>(key: String, caller: Int64, command: C) throws {
        guard !key.isEmpty, key.unicodeScalars.count <= 255, !key.utf8.contains(0) else {
            throw CommandError.invalid("idempotencyKey", "an idempotency key is 1 to 255 characters")
        }
        self.key = key
        self.caller = caller
        self.command = C.name
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        canonical = "\(caller) " + String(decoding: try encoder.encode(command), as: UTF8.self)
    }

    /// Claims the key; returns nil if this call is the first, the first call's receipt otherwise.
    func claim(on db: PostgresConnection) throws -> Receipt? {
        let inserted = try db.query(
            """
            INSERT INTO idempotency_keys (caller, key, command, request_hash, outcome)
            VALUES ($4, $1, $2, md5($3), 'null') ON CONFLICT (caller, key) DO NOTHING
            """, [key, command, canonical, String(caller)])
        if inserted.affectedRows == 1 { return nil }
        let row = try db.query(
            """
            SELECT command, request_hash = md5($2) AS same, outcome::text,
                   coalesce(consistency_token, pg_current_wal_insert_lsn())::text AS token
            FROM idempotency_keys WHERE caller = $3 AND key = $1
            """, [key, canonical, String(caller)])
        guard !row.rows.isEmpty else {
            throw CommandError(.conflict, "this idempotency key is being used concurrently; retry", field: "idempotencyKey")
        }
        guard row[0, "command"] == command, row[0, "same"] == "t" else {
            throw CommandError(.conflict, "this idempotency key was used for a different request", field: "idempotencyKey")
        }
        guard let outcomeText = row[0, "outcome"],
            let outcome = try? JSONDecoder().decode(CommandOutcome.self, from: Data(outcomeText.utf8)),
            let token = row[0, "token"].flatMap(LSN.init)
        else {
            throw CommandError(.internal, "the stored receipt for this idempotency key could not be read")
        }
        return Receipt(
            command: command, id: outcome.id, version: outcome.version, affectedIds: outcome.affectedIds,
            consistencyToken: token, replayed: true)
    }

    /// Stores the outcome in the same transaction as the command's writes.
    func record(_ outcome: CommandOutcome, on db: PostgresConnection) throws {
        let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
        try db.query("UPDATE idempotency_keys SET outcome = $2::jsonb WHERE caller = $3 AND key = $1", [key, json, String(caller)])
    }

    /// Stores the token after the commit. Best effort: if it is lost, a replay answers with the current insert
    /// position, which is past the commit and so still a valid token.
    func recordToken(_ token: LSN, on db: PostgresConnection) {
        _ = try? db.query(
            "UPDATE idempotency_keys SET consistency_token = $2::pg_lsn WHERE caller = $3 AND key = $1",
            [key, token.description, String(caller)])
    }
}
