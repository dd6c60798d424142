import Stores
import Tracing

/// A read model kept up to date from committed transactions.
///
/// `apply` must be idempotent and order-safe: the same transaction may arrive again after a crash (the slot is
/// confirmed only after every projector acknowledged), and each write must be a no-op when the stored state already
/// reflects this WAL position or a later one.
public protocol Projector: Sendable {
    var name: String { get }
    func apply(_ transaction: CommittedTransaction) async throws
    /// Consecutive committed transactions, in commit order, applied together (a stream with a backlog hands them
    /// over in runs): the same result as applying each in turn, in fewer round trips where a projector can.
    func apply(batch: [CommittedTransaction]) async throws
    /// The whole initial snapshot (a batch per table, in table order), before `snapshotApplied`.
    func applySnapshot(_ batches: [CommittedTransaction]) async throws
    func snapshotApplied(at lsn: LSN) async throws
    /// One chunk of the embedded sync's chunked snapshot (`.read` rows at the chunk's watermark position), applied
    /// between streamed transactions (see `IncrementalSnapshot`).
    func applyChunk(_ chunk: CommittedTransaction) async throws
    /// The chunked snapshot's last chunk was applied; it began at `since` (the slot's consistent point).
    func snapshotCompleted(since: LSN) async throws
    /// The stream is idle and every change up to `lsn` was applied: nothing to write, but the position moved.
    func positionAdvanced(to lsn: LSN) async throws
}

extension Projector {
    /// Called once the initial snapshot's batches were all applied, before the slot is confirmed: a projector that
    /// deferred work during the snapshot finishes it here. Most do nothing.
    public func snapshotApplied(at lsn: LSN) async throws {}

    /// Batch by batch, as streamed transactions.
    public func applySnapshot(_ batches: [CommittedTransaction]) async throws {
        for batch in batches { try await apply(batch) }
    }

    public func apply(batch: [CommittedTransaction]) async throws {
        for transaction in batch { try await apply(transaction) }
    }

    /// As a streamed transaction.
    public func applyChunk(_ chunk: CommittedTransaction) async throws { try await apply(chunk) }

    public func snapshotCompleted(since: LSN) async throws {}

    public func positionAdvanced(to lsn: LSN) async throws {}
}

extension Array where Element == any Projector {
    /// Every projector applies the transactions (one as itself, several as a batch), side by side; done when all are.
    func applyInParallel(_ transactions: [CommittedTransaction]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for projector in self {
                group.addTask {
                    try await traced("apply", projector, transactions) {
                        if transactions.count == 1 {
                            try await projector.apply(transactions[0])
                        } else {
                            try await projector.apply(batch: transactions)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Every projector applies a chunk of the chunked snapshot, side by side.
    func applyChunkInParallel(_ chunk: CommittedTransaction) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for projector in self { group.addTask { try await traced("apply chunk", projector, [chunk]) { try await projector.applyChunk(chunk) } } }
            try await group.waitForAll()
        }
    }

    /// Every projector applies the snapshot, side by side.
    func applySnapshotInParallel(_ batches: [CommittedTransaction]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for projector in self {
                group.addTask { try await traced("apply snapshot", projector, batches) { try await projector.applySnapshot(batches) } }
            }
            try await group.waitForAll()
        }
    }
}

/// A span around one projector's share of a run: which projector, how many transactions, up to which position.
private func traced(
    _ step: String, _ projector: any Projector, _ transactions: [CommittedTransaction], _ body: () async throws -> Void
) async throws {
    try await withSpan("sync \(step) \(projector.name)") { span in
        span.attributes["gifticon.sync.projector"] = projector.name
        span.attributes["gifticon.sync.transactions"] = transactions.count
        if let last = transactions.last { span.attributes["gifticon.sync.commit_lsn"] = last.commitLSN.description }
        try await body()
    }
}
