import Foundation
import Logging
import Stores
import Synchronization

/// Throughput and freshness of a running sync: transactions and row changes applied, and the lag from a
/// transaction's commit to the moment every projector had it. A progress line goes to the log every `interval`.
public final class SyncMetrics: Sendable {
    public struct Progress: Sendable {
        public var transactions: Int
        public var changes: Int
        /// Commit-to-applied lag of the last transaction, milliseconds.
        public var lastLagMillis: Int64
        public var maxLagMillisInWindow: Int64
        public var changesPerSecondInWindow: Double
        /// The end of the last transaction applied (nil before the first).
        public var lastLSN: LSN?
    }

    /// Told each applied transaction's lag (microseconds; nil for snapshot batches, which have no commit time) and
    /// row count: how a metrics endpoint records them.
    public typealias Observer = @Sendable (_ lagMicros: Int64?, _ changes: Int) -> Void

    /// What the applying task writes and readers (the metrics endpoint, benchmarks) read.
    private struct Counts {
        var transactions = 0
        var changes = 0
        var lastLag: Int64 = 0
        var windowStart = Date()
        var windowChanges = 0
        var windowMaxLag: Int64 = 0
        var recordedLags: [Int64] = []
        var lastLSN: LSN?
    }

    private let counts = Mutex(Counts())
    private let interval: TimeInterval
    private let recordsLags: Bool
    private let observer: Observer?
    /// Where the time goes, step by step (shared with the projectors and the capture).
    public let steps: SyncSteps
    /// Told each change a projector sent to the dead letters, with the projector's name.
    public let deadLetterObserver: (@Sendable (_ projector: String) -> Void)?
    private let deadLetterCount = Mutex(0)

    /// `recordLags`: keep every transaction's lag (benchmarks read them from `lags`).
    public init(interval: TimeInterval = 10, recordLags: Bool = false, steps: SyncSteps = SyncSteps(), observer: Observer? = nil,
                deadLetterObserver: (@Sendable (_ projector: String) -> Void)? = nil) {
        self.deadLetterObserver = deadLetterObserver
        self.interval = interval
        self.steps = steps
        self.recordsLags = recordLags
        self.observer = observer
    }

    /// Records a change sent to the dead letters.
    public func deadLettered(projector: String) {
        deadLetterCount.withLock { $0 += 1 }
        deadLetterObserver?(projector)
    }

    /// Changes sent to the dead letters since the run began (a replayed poison change counts again).
    public var deadLetters: Int { deadLetterCount.withLock { $0 } }

    /// Every recorded commit-to-applied lag, microseconds, in apply order.
    public var lags: [Int64] {
        counts.withLock { $0.recordedLags }
    }

    /// Records one applied transaction (snapshot batches have no commit time: no lag).
    public func applied(_ transaction: CommittedTransaction, logger: Logger) {
        let now = Date()
        let lagMicros = transaction.commitTimeMicros > 0 ? max(0, Int64(now.timeIntervalSince1970 * 1_000_000) - transaction.commitTimeMicros) : 0
        let lag = lagMicros / 1000
        let line = counts.withLock { counts -> (Double, Int64, Int)? in
            counts.transactions += 1
            counts.changes += transaction.changes.count
            counts.windowChanges += transaction.changes.count
            counts.lastLag = lag
            counts.lastLSN = transaction.endLSN
            if recordsLags, transaction.commitTimeMicros > 0 { counts.recordedLags.append(lagMicros) }
            counts.windowMaxLag = max(counts.windowMaxLag, lag)
            let elapsed = now.timeIntervalSince(counts.windowStart)
            guard elapsed >= interval else { return nil }
            let line = (Double(counts.windowChanges) / elapsed, counts.windowMaxLag, counts.changes)
            counts.windowStart = now
            counts.windowChanges = 0
            counts.windowMaxLag = 0
            return line
        }
        observer?(transaction.commitTimeMicros > 0 ? lagMicros : nil, transaction.changes.count)
        if let (rate, maxLag, total) = line {
            logger.info("sync progress", metadata: [
                "changes_per_second": "\(Int(rate))", "max_lag_ms": "\(maxLag)", "last_lag_ms": "\(lag)",
                "changes_total": "\(total)", "lsn": "\(transaction.endLSN)",
            ])
        }
    }

    public var progress: Progress {
        counts.withLock { counts in
            let elapsed = max(0.001, Date().timeIntervalSince(counts.windowStart))
            return Progress(transactions: counts.transactions, changes: counts.changes, lastLagMillis: counts.lastLag,
                            maxLagMillisInWindow: counts.windowMaxLag,
                            changesPerSecondInWindow: Double(counts.windowChanges) / elapsed, lastLSN: counts.lastLSN)
        }
    }
}
