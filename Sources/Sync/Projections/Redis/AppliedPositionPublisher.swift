import ReadModels
import Stores

/// Publishes the WAL position the read models reflect, so a caller holding a command's consistency token can wait
/// for it. It must run after every other projector acknowledged the transaction (the stream's last step).
public struct AppliedPositionPublisher: Sendable {
    private let redis: RedisClient
    private let keys: RedisKeys

    public init(redis: RedisClient, keys: RedisKeys = RedisKeys()) {
        self.redis = redis
        self.keys = keys
    }

    // Stored in the `AppliedPosition` format, whose first 16 characters are the sortable position the guard
    // compares. Beside it, the status hash with the position's commit time and when it was applied (milliseconds;
    // the server's clock), so readers can tell how fresh the read models are.
    // ARGV: sortable position, stored text, printable position, commit millis.
    static let script = """
        local stored = redis.call('GET', KEYS[1])
        if stored and string.sub(stored, 1, 16) >= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[2])
        local now = redis.call('TIME')
        redis.call('HSET', KEYS[2], '\(SyncStatusHash.position)', ARGV[3], '\(SyncStatusHash.commitMillis)', ARGV[4],
            '\(SyncStatusHash.appliedMillis)', tostring(now[1] * 1000 + math.floor(now[2] / 1000)))
        return 1
        """

    /// `commitTimeMicros`: the transaction's commit time (0 for a snapshot's position: no commit of its own).
    public func publish(_ lsn: LSN, commitTimeMicros: Int64 = 0) async throws {
        _ = try await redis.eval(Self.script, keys: [keys.appliedPosition, keys.syncStatus],
                                 arguments: [lsn.sortableText, AppliedPosition.text(lsn), lsn.description,
                                             String(commitTimeMicros / 1000)])
    }

    static let reportScript = """
        local now = redis.call('TIME')
        redis.call('HSET', KEYS[1], '\(SyncStatusHash.heardPosition)', ARGV[1],
            '\(SyncStatusHash.reportedMillis)', tostring(now[1] * 1000 + math.floor(now[2] / 1000)))
        return 1
        """

    /// The sync is alive and has heard the command database's WAL up to `heard` (a heartbeat, busy or idle).
    public func report(heard: LSN) async throws {
        _ = try await redis.eval(Self.reportScript, keys: [keys.syncStatus], arguments: [heard.description])
    }

    /// The position the read models reflect, or nil before the first transaction was applied.
    public func current() async throws -> LSN? {
        guard let stored = try await redis.get(keys.appliedPosition) else { return nil }
        return AppliedPosition.parse(stored)
    }
}
