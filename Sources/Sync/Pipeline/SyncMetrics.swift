import Foundation
import Logging
import Stores

/// Throughput and freshness of a running sync: transactions and row changes applied, and the lag from a
/// transaction's commit to the moment every projector had it. A progress line goes to the log every `interval`.
public final class SyncMetrics: @unchecked Sendable {
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

    private let lock = NSLock()
    private let interval: TimeInterval
    private var transactions = 0
    private var changes = 0
    private var lastLag: Int64 = 0
    private var windowStart = Date()
    private var windowChanges = 0
    private var windowMaxLag: Int64 = 0
    private let recordsLags: Bool
    private var recordedLags: [Int64] = []
    private var lastLSN: LSN?
    private let observer: Observer?

    /// `recordLags`: keep every transaction's lag (benchmarks read them from `lags`).
    public init(interval: TimeInterval = 10, recordLags: Bool = false, observer: Observer? = nil) {
        self.interval = interval
        self.recordsLags = recordLags
        self.observer = observer
    }

    /// Every recorded commit-to-applied lag, microseconds, in apply order.
    public var lags: [Int64] {
        lock.lock()
        defer { lock.unlock() }
        return recordedLags
    }

    /// Records one applied transaction (snapshot batches have no commit time: no lag).
    public func applied(_ transaction: CommittedTransaction, logger: Logger) {
        let now = Date()
        let lagMicros = transaction.commitTimeMicros > 0 ? max(0, Int64(now.timeIntervalSince1970 * 1_000_000) - transaction.commitTimeMicros) : 0
        let lag = lagMicros / 1000
        lock.lock()
        transactions += 1
        changes += transaction.changes.count
        windowChanges += transaction.changes.count
        lastLag = lag
        lastLSN = transaction.endLSN
        if recordsLags, transaction.commitTimeMicros > 0 { recordedLags.append(lagMicros) }
        windowMaxLag = max(windowMaxLag, lag)
        let elapsed = now.timeIntervalSince(windowStart)
        var line: (Double, Int64, Int)?
        if elapsed >= interval {
            line = (Double(windowChanges) / elapsed, windowMaxLag, changes)
            windowStart = now
            windowChanges = 0
            windowMaxLag = 0
        }
        lock.unlock()
        observer?(transaction.commitTimeMicros > 0 ? lagMicros : nil, transaction.changes.count)
        if let (rate, maxLag, total) = line {
            logger.info("sync progress", metadata: [
                "changes_per_second": "\(Int(rate))", "max_lag_ms": "\(maxLag)", "last_lag_ms": "\(lag)",
                "changes_total": "\(total)", "lsn": "\(transaction.endLSN)",
            ])
        }
    }

    public var progress: Progress {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = max(0.001, Date().timeIntervalSince(windowStart))
        return Progress(transactions: transactions, changes: changes, lastLagMillis: lastLag,
                        maxLagMillisInWindow: windowMaxLag, changesPerSecondInWindow: Double(windowChanges) / elapsed,
                        lastLSN: lastLSN)
    }
}
