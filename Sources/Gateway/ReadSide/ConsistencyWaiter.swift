import Foundation
import Stores

/// Waits until the sync has applied a consistency token's WAL position, reading the position the sync publishes in
/// Redis. Shared by all requests: the newest position seen is remembered, so a token already applied costs no
/// round trip.
final class ConsistencyWaiter: @unchecked Sendable {
    enum Outcome: Sendable, Equatable {
        case applied
        /// Still behind when the bound ran out (or the position could not be read).
        case stale(applied: LSN?)
    }

    private let readModels: ReadModels
    private let timeout: Duration
    private let pollInterval: Duration
    private let metrics: GatewayMetrics?
    private let lock = NSLock()
    private var newestSeen: LSN = .zero

    init(readModels: ReadModels, timeout: Duration, pollInterval: Duration = .milliseconds(5), metrics: GatewayMetrics?) {
        self.readModels = readModels
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.metrics = metrics
    }

    /// The applied position now (nil before the first snapshot completed).
    func appliedPosition() async throws -> LSN? {
        let stored = try await metrics.timeStore("redis") { try await readModels.redis.get(readModels.keys.appliedPosition) }
        guard let stored, let lsn = stored.split(separator: " ").last.flatMap({ LSN(String($0)) }) else { return nil }
        lock.withLock { if lsn > newestSeen { newestSeen = lsn } }
        return lsn
    }

    /// Waits, at most the configured bound, for `token` to be applied.
    func wait(for token: LSN) async -> Outcome {
        if lock.withLock({ token <= newestSeen }) { return .applied }
        let clock = ContinuousClock()
        let start = clock.now
        var last: LSN?
        while true {
            if let applied = try? await appliedPosition() {
                last = applied
                if applied >= token {
                    metrics?.consistencyWait(clock.now - start, stale: false)
                    return .applied
                }
                metrics?.syncLag(bytes: token.value - applied.value)
            }
            if clock.now - start >= timeout || Task.isCancelled {
                metrics?.consistencyWait(clock.now - start, stale: true)
                return .stale(applied: last)
            }
            try? await Task.sleep(for: pollInterval)
        }
    }
}
