import Stores

/// The embedded sync's snapshot, read in chunks between streamed transactions (see `SnapshotChunkReader`).
///
/// A chunk is applied exactly where the stream reaches its watermark: after every transaction that committed
/// before the watermark (the chunk's read saw all of them) and before every later one (streamed after it, they
/// write over the chunk's rows at their later positions). The chunk's position is the watermark's, so the
/// position guards order it like any transaction.
///
/// One exception to "the read saw all of them": a transaction whose commit was written before the watermark but
/// which was still finishing (in the read's `xip`) when the read's snapshot was taken. If such a transaction
/// reaches the stream before the watermark (or reached it already), the chunk would overwrite its rows with older
/// values: the chunk is dropped and read again instead.
final class IncrementalSnapshot {
    private(set) var state: SnapshotProgress.State
    let plan: SnapshotPlan
    /// The chunk read and waiting for its watermark in the stream.
    private(set) var pending: SnapshotChunk?
    /// A transaction of the pending chunk's `xip` arrived before its watermark.
    private var pendingIsStale = false
    private var recent = RecentTransactionIDs(capacity: 65_536)
    /// Chunks dropped and read again (for the log and tests).
    private(set) var rereads = 0

    init(plan: SnapshotPlan, state: SnapshotProgress.State) {
        self.plan = plan
        self.state = state
    }

    var isComplete: Bool { state.step >= plan.steps.count }

    /// A chunk was read: false if a transaction of its `xip` was streamed already (read it again).
    func opened(_ chunk: SnapshotChunk) -> Bool {
        if chunk.inProgress.contains(where: recent.contains) {
            rereads += 1
            return false
        }
        pending = chunk
        pendingIsStale = false
        return true
    }

    /// A streamed transaction, in stream order; true if it is the pending chunk's watermark.
    func observe(_ transaction: CommittedTransaction) -> Bool {
        recent.insert(transaction.xid)
        guard let pending else { return false }
        if transaction.xid == pending.watermarkXID { return true }
        if pending.inProgress.contains(transaction.xid) { pendingIsStale = true }
        return false
    }

    /// The stream reached the pending chunk's watermark (`at`): the chunk to apply there, or nil if it must be
    /// read again. Either way nothing is pending any more.
    func watermarkReached(at watermark: CommittedTransaction) -> CommittedTransaction? {
        guard let chunk = pending else { return nil }
        pending = nil
        if pendingIsStale {
            rereads += 1
            return nil
        }
        return CommittedTransaction(xid: watermark.xid, commitLSN: watermark.commitLSN, endLSN: watermark.endLSN,
                                    commitTimeMicros: 0, changes: chunk.changes)
    }

    /// The chunk was applied: the state to save. A chunk with no rows applied nothing, and only moves on.
    func applied(_ chunk: SnapshotChunk) -> SnapshotProgress.State {
        state.chunks += 1
        state.rows += chunk.changes.count
        return advance(past: chunk)
    }

    /// Moves past a chunk that had no rows (no watermark to wait for).
    @discardableResult
    func advance(past chunk: SnapshotChunk) -> SnapshotProgress.State {
        if chunk.endsStep || chunk.lastKey == nil {
            state.step += 1
            state.after = nil
        } else {
            state.after = chunk.lastKey
        }
        return state
    }
}

/// The ids of the last `capacity` streamed transactions.
struct RecentTransactionIDs {
    private var ring: [UInt32]
    private var members: [UInt32: Int] = [:]
    private var next = 0
    private var filled = 0

    init(capacity: Int) { ring = [UInt32](repeating: 0, count: max(1, capacity)) }

    func contains(_ xid: UInt32) -> Bool { members[xid] != nil }

    mutating func insert(_ xid: UInt32) {
        if filled == ring.count { evict(ring[next]) } else { filled += 1 }
        ring[next] = xid
        members[xid, default: 0] += 1
        next = (next + 1) % ring.count
    }

    private mutating func evict(_ xid: UInt32) {
        guard let count = members[xid] else { return }
        members[xid] = count > 1 ? count - 1 : nil
    }
}
