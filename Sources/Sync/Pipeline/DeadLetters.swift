import Foundation
import JSON
import Logging
import ReadModels
import Stores

/// Changes that a projector could not apply, kept in MongoDB (`sync_dead_letters`) with the error, so one poison
/// change does not stop the sync and is not lost either. Store outages are not poison: they are rethrown, the slot
/// is not confirmed, and the transaction comes again when the store is back.
public struct DeadLetters: Sendable {
    let mongo: MongoClient
    let logger: Logger
    /// Counts each letter (`sync_dead_letters_total`: an operator is alerted to every one).
    let metrics: SyncMetrics

    public init(mongo: MongoClient, logger: Logger, metrics: SyncMetrics = SyncMetrics()) {
        self.mongo = mongo
        self.logger = logger
        self.metrics = metrics
    }

    /// `projector`, with its poison changes sent here instead of failing the stream.
    public func guarding(_ projector: any Projector) -> any Projector { GuardedProjector(inner: projector, deadLetters: self) }

    /// Whether an error means the store is unreachable or timing out (retry), rather than this change being bad.
    static func isOutage(_ error: any Error) -> Bool {
        guard let storeError = error as? StoreError else { return false }
        switch storeError.kind {
        case .unavailable, .timeout: return true
        default: return false
        }
    }

    func record(_ transaction: CommittedTransaction, change: RowChange?, projector: String, error: any Error) async throws {
        let row: JSONValue = change.map { c in
            .object(JSONObject(c.current.map { ($0.name, $0.value.map { JSONValue.string($0) } ?? .null) }))
        } ?? .null
        // The id makes a replayed poison change one letter, not one per replay.
        let id = "\(projector):\(transaction.endLSN.sortableText):\(change.map { "\($0.table)" } ?? "-")"
        _ = try await mongo.update(MongoCollections.deadLetters, filter: [DocumentKey.id: .string(id)], update: ["$set": [
            "projector": .string(projector), "lsn": .string(transaction.endLSN.description), "xid": .int(Int(transaction.xid)),
            "table": change.map { .string($0.table) } ?? .null, "operation": change.map { .string("\($0.operation)") } ?? .null,
            "row": row, "error": .string(String(describing: error)),
            "recordedAt": .string(ISO8601DateFormatter().string(from: Date())),
        ]], upsert: true)
        metrics.deadLettered(projector: projector)
        logger.error("change sent to the dead letters", metadata: [
            "projector": "\(projector)", "lsn": "\(transaction.endLSN)", "table": "\(change?.table ?? "-")", "error": "\(error)",
        ])
    }
}

/// Applies a transaction; on a non-outage failure, applies its changes one by one so only the poison ones become
/// dead letters and the good ones still land.
struct GuardedProjector: Projector {
    let inner: any Projector
    let deadLetters: DeadLetters
    var name: String { inner.name }

    func snapshotApplied(at lsn: LSN) async throws { try await inner.snapshotApplied(at: lsn) }

    /// The snapshot in one go; on a poison row, batch by batch as guarded transactions (their writes are idempotent).
    func applySnapshot(_ batches: [CommittedTransaction]) async throws {
        do {
            try await inner.applySnapshot(batches)
        } catch where !DeadLetters.isOutage(error) {
            for batch in batches { try await apply(batch) }
        }
    }

    /// The batch in one go; on a poison change, transaction by transaction (and then change by change).
    func apply(batch: [CommittedTransaction]) async throws {
        do {
            try await inner.apply(batch: batch)
        } catch where !DeadLetters.isOutage(error) {
            for transaction in batch { try await apply(transaction) }
        }
    }
    func positionAdvanced(to lsn: LSN) async throws { try await inner.positionAdvanced(to: lsn) }
    func snapshotCompleted(since: LSN) async throws { try await inner.snapshotCompleted(since: since) }

    func apply(_ transaction: CommittedTransaction) async throws {
        try await applyOrSplit(transaction) { try await inner.apply($0) }
    }

    func applyChunk(_ chunk: CommittedTransaction) async throws {
        try await applyOrSplit(chunk) { try await inner.applyChunk($0) }
    }

    /// The whole transaction; on a poison change, change by change, the poison ones to the dead letters.
    private func applyOrSplit(_ transaction: CommittedTransaction, _ apply: (CommittedTransaction) async throws -> Void) async throws {
        do {
            try await apply(transaction)
        } catch where !DeadLetters.isOutage(error) {
            for change in transaction.changes {
                var single = transaction
                single.changes = [change]
                do {
                    try await apply(single)
                } catch where !DeadLetters.isOutage(error) {
                    try await deadLetters.record(transaction, change: change, projector: inner.name, error: error)
                }
            }
        }
    }
}
