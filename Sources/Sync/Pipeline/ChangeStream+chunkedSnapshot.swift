import Logging
import Stores

/// How a change stream gets the rows that were there before its slot.
public enum SnapshotMode: Sendable {
    /// Every table read from the slot's exported snapshot, applied before streaming starts; an interrupted one
    /// starts over (the relay's: Kafka consumers expect the snapshot's records before the stream's).
    case exported
    /// Read in chunks between streamed transactions, resumable after a stop or a crash (the embedded sync's).
    case chunked(SnapshotProgress, plan: SnapshotPlan, rowsPerChunk: Int)
}

/// A chunked snapshot under way in one run of the stream.
final class ChunkedSnapshotRun: @unchecked Sendable {
    let snapshot: IncrementalSnapshot
    let reader: SnapshotChunkReader
    let progress: SnapshotProgress
    /// The last position applied (streamed or chunk): what is published once the snapshot is complete.
    var applied: LSN
    let started = ContinuousClock.now
    /// Chunks and rows applied by this run (the state counts every run's).
    var chunks = 0
    var rows = 0

    init(snapshot: IncrementalSnapshot, reader: SnapshotChunkReader, progress: SnapshotProgress, applied: LSN) {
        self.snapshot = snapshot
        self.reader = reader
        self.progress = progress
        self.applied = applied
    }
}

extension ChangeStream {
    /// Starts streaming; returns the snapshot to read alongside, if the slot is new or a snapshot was under way.
    func startChunkedSnapshot(_ capture: UnsafeTransfer<WALCapture>, on executor: BlockingExecutor, progress: SnapshotProgress,
                              plan: SnapshotPlan, rowsPerChunk: Int) async throws -> ChunkedSnapshotRun? {
        let (start, created) = try await executor.run { try capture.value.startWithoutSnapshot() }
        let state: SnapshotProgress.State
        if created {
            state = SnapshotProgress.State(since: start)
            try await progress.save(state)
            logger.info("new slot: reading the snapshot in chunks", metadata: ["since": "\(start)"])
        } else if let saved = try await progress.load() {
            state = saved
            logger.info("resuming the snapshot", metadata: [
                "table": "\(state.step < plan.steps.count ? plan.steps[state.step].table : "-")",
                "after": "\(state.after?.joined(separator: ",") ?? "-")", "chunks": "\(state.chunks)", "rows": "\(state.rows)",
            ])
        } else {
            return nil
        }
        let url = self.url
        let reader = try await executor.run { UnsafeTransfer(try SnapshotChunkReader(url: url, plan: plan, rowsPerChunk: rowsPerChunk)) }.value
        return ChunkedSnapshotRun(snapshot: IncrementalSnapshot(plan: plan, state: state), reader: reader, progress: progress,
                                  applied: max(start, state.since))
    }

    /// Reads the next chunk (after its watermark). A chunk with no rows only moves the snapshot on, in memory: the
    /// next applied chunk's progress (saved once its last stage is done) or the snapshot's end records it. Saving it
    /// here would run ahead of a previous chunk whose later stages are still in flight, and a kill then would
    /// leave that chunk's search entries unwritten for good (SyncCrashTests caught it).
    func openChunk(_ run: ChunkedSnapshotRun, on executor: BlockingExecutor) async throws {
        let (step, after) = (run.snapshot.state.step, run.snapshot.state.after)
        let reader = UnsafeTransfer(run.reader)
        let chunk = try await executor.run { try reader.value.read(step: step, after: after) }
        if chunk.changes.isEmpty {
            run.snapshot.advance(past: chunk)
        } else if !run.snapshot.opened(chunk) {
            logger.debug("snapshot chunk read again: a transaction was still committing", metadata: ["step": "\(step)"])
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The stream reached the pending chunk's watermark, and every earlier transaction's first stage is applied:
    /// the chunk goes in here, pipelined as a run is (its later stages, and its progress once they are done, in
    /// `inFlight`, overlapping what comes next).
    func applyChunk(_ run: ChunkedSnapshotRun, at watermark: CommittedTransaction, inFlight: inout Task<Void, any Error>?) async throws {
        guard let pending = run.snapshot.pending else { return }
        guard let chunk = run.snapshot.watermarkReached(at: watermark) else {
            logger.debug("snapshot chunk read again: a transaction was still committing", metadata: ["step": "\(pending.step)"])
            return
        }
        let started = ContinuousClock.now
        try await stages.first?.applyChunkInParallel(chunk)
        let state = run.snapshot.applied(pending)
        run.chunks += 1
        run.rows += chunk.changes.count
        try await inFlight?.value
        inFlight = Task {
            for stage in self.stages.dropFirst() { try await stage.applyChunkInParallel(chunk) }
            self.metrics.steps.record(.run, ContinuousClock.now - started)
            self.metrics.applied(chunk, logger: self.logger)
            try await run.progress.save(state)
            self.logger.debug("snapshot chunk applied", metadata: ["step": "\(pending.step)", "rows": "\(chunk.changes.count)", "lsn": "\(chunk.endLSN)"])
        }
    }

    /// The last chunk is in: documents the snapshot did not write go, the position is published (readers and
    /// restarts see a complete snapshot from now on) and the progress is cleared.
    func finish(_ run: ChunkedSnapshotRun, _ capture: UnsafeTransfer<WALCapture>, on executor: BlockingExecutor) async throws {
        let since = run.snapshot.state.since
        for projector in projectors { try await projector.snapshotCompleted(since: since) }
        try await confirm(capture, run.applied, on: executor)
        try await run.progress.clear()
        logSnapshotApplied([
            "rows": "\(run.rows)", "chunks": "\(run.chunks)", "rows_all_runs": "\(run.snapshot.state.rows)",
            "chunks_read_again": "\(run.snapshot.rereads)", "ms": "\((ContinuousClock.now - run.started).wholeMilliseconds)",
        ])
    }
}
