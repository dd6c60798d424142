import Logging
import Stores

/// The embedded sync: reads committed transactions from the WAL, hands each to every projector, and confirms the
/// slot only once all of them acknowledged it. Transactions are applied in commit order, in runs.
///
/// Projectors come in stages: a stage's projectors apply a run side by side, and a later stage sees the run only
/// once the earlier ones have it (the search projector indexes what the document projector wrote). Runs are
/// pipelined: the later stages of one run overlap the first stage of the next, so MongoDB and the search index work
/// at the same time; a run's position is published and confirmed only once every stage has it, in run order.
public final class ChangeStream: Sendable {
    public let stages: [[any Projector]]
    public var projectors: [any Projector] { stages.flatMap { $0 } }
    /// Told each position once every projector applied it.
    let positions: AppliedPositionPublisher?
    /// Told what each run changed once its position is published (the gateways' subscriptions read it).
    let notices: ChangeNotices?
    let url: String
    private let slot: String
    private let publication: String
    private let tables: [String]
    let logger: Logger
    public let metrics: SyncMetrics
    /// How often a status update goes to the walsender whatever else happens (below its `wal_sender_timeout`).
    public let feedbackInterval: Duration
    let snapshotMode: SnapshotMode

    /// One stage of projectors.
    public convenience init(url: String, slot: String, publication: String, tables: [String], projectors: [any Projector],
                            positions: AppliedPositionPublisher? = nil, metrics: SyncMetrics = SyncMetrics(),
                            feedbackInterval: Duration = .seconds(10), snapshot: SnapshotMode = .exported, notices: ChangeNotices? = nil,
                            logger: Logger = Logger(label: "gifticon.sync")) {
        self.init(url: url, slot: slot, publication: publication, tables: tables, stages: [projectors], positions: positions,
                  metrics: metrics, feedbackInterval: feedbackInterval, snapshot: snapshot, notices: notices, logger: logger)
    }

    public init(url: String, slot: String, publication: String, tables: [String], stages: [[any Projector]],
                positions: AppliedPositionPublisher? = nil, metrics: SyncMetrics = SyncMetrics(),
                feedbackInterval: Duration = .seconds(10), snapshot: SnapshotMode = .exported, notices: ChangeNotices? = nil,
                logger: Logger = Logger(label: "gifticon.sync")) {
        self.notices = notices
        self.snapshotMode = snapshot
        self.feedbackInterval = feedbackInterval
        self.positions = positions
        self.metrics = metrics
        self.url = url
        self.slot = slot
        self.publication = publication
        self.tables = tables
        self.stages = stages
        self.logger = logger
    }

    /// Streams until the task is cancelled or `stopAfter` transactions were applied (for tests and rebuilds).
    /// A projector's failure stops the stream without confirming: the transaction comes again on the next run.
    /// `onStreaming` is called once the snapshot is applied and the stream has started: a commit made after it is
    /// streamed, not part of the snapshot (tests that count streamed transactions write from it).
    public func run(stopAfter: Int? = nil, onStreaming: @Sendable () async throws -> Void = {}) async throws {
        let (url, slot, publication, steps) = (self.url, self.slot, self.publication, metrics.steps)
        // The capture's blocking calls get a thread of their own for this run, stopped when the run ends.
        let executor = BlockingExecutor(threads: 1)
        let capture = try await executor.run { UnsafeTransfer(try WALCapture(url: url, slot: slot, publication: publication, steps: steps)) }
        // Status updates every 10 s whatever the stream is doing (a snapshot or a long batch being applied), on the
        // capture's own thread, between its other calls.
        // The timer is a thread of its own, not a task: a starved cooperative pool must not silence it.
        let feedback = FeedbackTimer(every: feedbackInterval) {
            executor.submit { try? capture.value.sendFeedback() }
        }
        do {
            try await stream(capture, on: executor, stopAfter: stopAfter, onStreaming: onStreaming)
        } catch {
            feedback.stop()
            await executor.shutdown()
            throw error
        }
        feedback.stop()
        await executor.shutdown()
    }

    private func stream(_ capture: UnsafeTransfer<WALCapture>, on executor: BlockingExecutor, stopAfter: Int?,
                        onStreaming: @Sendable () async throws -> Void) async throws {
        guard case let .chunked(progress, plan, rowsPerChunk) = snapshotMode else {
            return try await streamAfterExportedSnapshot(capture, on: executor, stopAfter: stopAfter, onStreaming: onStreaming)
        }
        let chunked = try await startChunkedSnapshot(capture, on: executor, progress: progress, plan: plan, rowsPerChunk: rowsPerChunk)
        if chunked == nil { try await onStreaming() }
        try await streamRuns(capture, on: executor, stopAfter: stopAfter, snapshot: chunked, onStreaming: onStreaming)
    }

    /// The relay's snapshot: every table read from the slot's exported snapshot and applied before streaming.
    private func streamAfterExportedSnapshot(_ capture: UnsafeTransfer<WALCapture>, on executor: BlockingExecutor, stopAfter: Int?,
                                             onStreaming: @Sendable () async throws -> Void) async throws {
        let tables = self.tables
        // The snapshot is read on the capture thread and applied here, all tables at once.
        let snapshots = try await executor.run { () -> UnsafeTransfer<[CommittedTransaction]> in
            var batches: [CommittedTransaction] = []
            try capture.value.start(snapshotTables: tables) { batches.append($0) }
            return UnsafeTransfer(batches)
        }.value
        if !snapshots.isEmpty {
            for stage in stages { try await stage.applySnapshotInParallel(snapshots) }
            // Counted (bulk throughput), with no lag: no commit time.
            for batch in snapshots { metrics.applied(batch, logger: logger) }
        }
        if let last = snapshots.last {
            for projector in projectors { try await projector.snapshotApplied(at: last.endLSN) }
            try await confirm(capture, last.endLSN, on: executor)
            logSnapshotApplied(["rows": "\(snapshots.reduce(0) { $0 + $1.changes.count })"])
        }

        try await onStreaming()
        try await streamRuns(capture, on: executor, stopAfter: stopAfter, snapshot: nil, onStreaming: {})
    }

    /// Where the snapshot's time went, for operators sizing a rebuild: `metadata` and every step's time so far.
    func logSnapshotApplied(_ metadata: Logger.Metadata) {
        var spent = metadata
        for (step, total) in metrics.steps.recorded where total.count > 0 {
            spent["\(step.rawValue)_ms"] = "\(total.duration.wholeMilliseconds)"
        }
        logger.info("snapshot applied", metadata: spent)
    }

    /// Streams runs of transactions; while a chunked snapshot is under way, reads its chunks in between and applies
    /// each where the stream reaches its watermark (no applied position is published until the last one is in).
    private func streamRuns(_ capture: UnsafeTransfer<WALCapture>, on executor: BlockingExecutor, stopAfter: Int?,
                            snapshot: ChunkedSnapshotRun?, onStreaming: @Sendable () async throws -> Void) async throws {
        // The previous run's later stages, its position and its metrics, overlapping this run's first stage.
        var inFlight: Task<Void, any Error>?
        do {
            try await streamRuns(capture, on: executor, stopAfter: stopAfter, snapshot: snapshot, onStreaming: onStreaming, inFlight: &inFlight)
        } catch {
            _ = try? await inFlight?.value   // what it applied is confirmed before the capture closes, or comes again
            throw error
        }
    }

    private func streamRuns(_ capture: UnsafeTransfer<WALCapture>, on executor: BlockingExecutor, stopAfter: Int?,
                            snapshot initialSnapshot: ChunkedSnapshotRun?, onStreaming: @Sendable () async throws -> Void,
                            inFlight: inout Task<Void, any Error>?) async throws {
        var applied = 0
        var lastReport = ContinuousClock.now - Self.reportInterval
        var snapshot = initialSnapshot
        while !Task.isCancelled {
            if let run = snapshot, run.snapshot.pending == nil {
                if run.snapshot.isComplete {
                    try await inFlight?.value
                    inFlight = nil
                    try await finish(run, capture, on: executor)
                    snapshot = nil
                    try await onStreaming()
                } else {
                    try await openChunk(run, on: executor)
                    continue
                }
            }
            if let stopAfter, snapshot == nil, applied >= stopAfter { break }
            if ContinuousClock.now - lastReport >= Self.reportInterval {
                // A heartbeat: readers tell a sync that is idle (reports on time, nothing behind) from one that is stuck.
                let heard = try await executor.run { capture.value.heardPosition }
                try? await positions?.report(heard: heard)
                lastReport = ContinuousClock.now
            }
            guard let transaction = try await executor.run({ UnsafeTransfer(try capture.value.next(timeout: 0.5)) }).value else {
                if let idle = try await executor.run({ capture.value.idlePosition }) {
                    try await inFlight?.value
                    inFlight = nil
                    for projector in projectors { try await projector.positionAdvanced(to: idle) }
                    try await confirm(capture, idle, on: executor, publishing: snapshot == nil)
                    snapshot?.applied = idle
                }
                continue
            }
            // A backlog is applied in runs: what has already arrived joins this transaction (bounded), so each
            // projector writes and reads once per run instead of once per transaction. A run ends at a pending
            // chunk's watermark: the chunk goes in right after it.
            // Only transactions with changes count towards `stopAfter`: a snapshot's watermarks have none.
            var batch = [transaction]
            var changes = transaction.changes.count
            var counted = transaction.changes.isEmpty ? 0 : 1
            var reachedWatermark = snapshot?.snapshot.observe(transaction) ?? false
            while !reachedWatermark, batch.count < Self.maxBatchTransactions, changes < Self.maxBatchChanges,
                  snapshot != nil || stopAfter.map({ applied + counted < $0 }) ?? true,
                  let more = try await executor.run({ UnsafeTransfer(try capture.value.next(timeout: 0.001)) }).value {
                batch.append(more)
                changes += more.changes.count
                counted += more.changes.isEmpty ? 0 : 1
                reachedWatermark = snapshot?.snapshot.observe(more) ?? false
            }
            let started = ContinuousClock.now
            let run = batch
            let publishing = snapshot == nil
            try await stages.first?.applyInParallel(run)
            try await inFlight?.value
            inFlight = Task {
                for stage in self.stages.dropFirst() { try await stage.applyInParallel(run) }
                self.metrics.steps.record(.run, ContinuousClock.now - started)
                let last = run[run.count - 1]
                if publishing {
                    try await self.publish(last.endLSN, commitTimeMicros: last.commitTimeMicros)
                    // Once the position is published, so a gateway reading the notice reads the read models at it.
                    try await self.notices?.append(run)
                }
                // Visible now: the lag is measured here, not after the slot's confirmation, which can wait up to
                // half a second behind the capture thread's read of the stream.
                for appliedTransaction in run { self.metrics.applied(appliedTransaction, logger: self.logger) }
                try await self.confirmSlot(capture, last.endLSN, on: executor)
                self.logger.debug("applied", metadata: ["lsn": "\(last.endLSN)", "transactions": "\(run.count)"])
            }
            if let run = snapshot {
                run.applied = batch[batch.count - 1].endLSN
                if reachedWatermark { try await applyChunk(run, at: batch[batch.count - 1], inFlight: &inFlight) }
            } else {
                applied += counted
            }
        }
        try await inFlight?.value
        inFlight = nil
    }

    /// How often the sync reports that it is alive and how far it has heard the WAL (`SyncStatusHash.reportedMillis`).
    static let reportInterval: Duration = .seconds(5)
    static let maxBatchTransactions = 200
    static let maxBatchChanges = 5_000

    /// Publishes `lsn` as applied (readers' consistency tokens wait for it), then confirms it to the slot.
    func confirm(_ capture: UnsafeTransfer<WALCapture>, _ lsn: LSN, on executor: BlockingExecutor,
                 commitTimeMicros: Int64 = 0, publishing: Bool = true) async throws {
        if publishing { try await publish(lsn, commitTimeMicros: commitTimeMicros) }
        try await confirmSlot(capture, lsn, on: executor)
    }

    func publish(_ lsn: LSN, commitTimeMicros: Int64) async throws {
        try await metrics.steps.measure(.positionPublish) { try await positions?.publish(lsn, commitTimeMicros: commitTimeMicros) }
    }

    private func confirmSlot(_ capture: UnsafeTransfer<WALCapture>, _ lsn: LSN, on executor: BlockingExecutor) async throws {
        try await metrics.steps.measure(.confirm) { try await executor.run { try capture.value.confirm(lsn) } }
    }
}
