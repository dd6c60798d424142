import ReadModels
import Stores
import Synchronization

/// Waits until the sync has applied a consistency token's WAL position, reading the position the sync publishes in
/// Redis. Shared by all requests: the newest position seen is remembered, so a token already applied costs no
/// round trip.
final class ConsistencyWaiter: Sendable {
    enum Outcome: Sendable, Equatable {
        case applied
        /// Still behind when the bound ran out (or the position could not be read).
        case stale(applied: LSN?)
    }

    private let readModels: ReadModelStores
    private let timeout: Duration
    private let pollInterval: Duration
    private let metrics: GatewayMetrics?
    /// Told every applied position read, so cached documents never outlive their generation.
    let cache: ReadModelCache?
    /// The newest applied position read so far: a token at or before it needs no round trip.
    private let newestSeen = Mutex<LSN>(.zero)
    /// Reads the command database's current position (nil: a gateway without the command side).
    private let commandPosition: (@Sendable () async throws -> LSN)?
    /// The newest command-database position read so far: a token at or before it was possibly issued.
    private let newestIssuable = Mutex<LSN>(.zero)

    init(readModels: ReadModelStores, timeout: Duration, pollInterval: Duration = .milliseconds(5), metrics: GatewayMetrics?,
         cache: ReadModelCache?, commandPosition: (@Sendable () async throws -> LSN)? = nil) {
        self.readModels = readModels
        self.commandPosition = commandPosition
        self.cache = cache
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.metrics = metrics
    }

    /// The applied position now (nil before the first snapshot completed).
    func appliedPosition() async throws -> LSN? {
        let stored = try await metrics.timeStore("redis") { try await readModels.redis.get(readModels.keys.appliedPosition) }
        guard let stored, let lsn = AppliedPosition.parse(stored) else { return nil }
        // The cache first: a waiter that sees the new position must find the cache already on it.
        cache?.observe(applied: lsn)
        newestSeen.withLock { if lsn > $0 { $0 = lsn } }
        return lsn
    }

    /// Reads the applied position every `interval` while the waiter lives, so the cache follows the sync.
    func watch(every interval: Duration) {
        Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                _ = try? await self.appliedPosition()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Whether a client's token may have been issued: false only when it lies past the command database's current
    /// position, which no receipt ever carried (`FFFFFFFF/FFFFFFFF`), so the request is refused at once instead of
    /// waiting out the bound. One database round trip at most, only for a token past everything seen so far; when
    /// the position cannot be read the token gets the benefit of the doubt (and the bounded wait).
    func mayHaveBeenIssued(_ token: LSN) async -> Bool {
        if newestSeen.withLock({ token <= $0 }) || newestIssuable.withLock({ token <= $0 }) { return true }
        guard let commandPosition, let current = try? await commandPosition() else { return true }
        newestIssuable.withLock { if current > $0 { $0 = current } }
        return token <= current
    }

    /// Waits, at most the configured bound, for `token` to be applied.
    func wait(for token: LSN) async -> Outcome {
        if newestSeen.withLock({ token <= $0 }) { return .applied }
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
            }
            if clock.now - start >= timeout || Task.isCancelled {
                metrics?.consistencyWait(clock.now - start, stale: true)
                return .stale(applied: last)
            }
            try? await Task.sleep(for: pollInterval)
        }
    }
}
