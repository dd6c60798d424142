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

    // Lua shared by both publishing scripts: `raise(appliedKey, statusKey, stored, commitMillis)` sets the applied
    // position to `stored` unless it is already there or later. It is stored in the `AppliedPosition` format, whose
    // first 16 characters are the sortable position the guard compares and whose rest (from the 18th) is the
    // printable one. Beside it, the status hash with the position's commit time and when it was applied
    // (milliseconds; the server's clock), so readers can tell how fresh the read models are.
    static let raise = """
        local function raise(appliedKey, statusKey, stored, commitMillis)
            local current = redis.call('GET', appliedKey)
            if current and string.sub(current, 1, 16) >= string.sub(stored, 1, 16) then return 0 end
            redis.call('SET', appliedKey, stored)
            local now = redis.call('TIME')
            redis.call('HSET', statusKey, '\(SyncStatusHash.position)', string.sub(stored, 18), '\(SyncStatusHash.commitMillis)', commitMillis,
                '\(SyncStatusHash.appliedMillis)', tostring(now[1] * 1000 + math.floor(now[2] / 1000)))
            return 1
        end
        """

    // ARGV: stored text, commit millis.
    static let script = raise + "\nreturn raise(KEYS[1], KEYS[2], ARGV[1], ARGV[2])"

    /// `commitTimeMicros`: the transaction's commit time (0 for a snapshot's position: no commit of its own).
    public func publish(_ lsn: LSN, commitTimeMicros: Int64 = 0) async throws {
        _ = try await redis.eval(Self.script, keys: [keys.appliedPosition, keys.syncStatus],
                                 arguments: [AppliedPosition.text(lsn), String(commitTimeMicros / 1000)])
    }

    // Each partition's position only moves forward; the low watermark over partitions 0..<count, once every one
    // has a position, is raised to as `script` does.
    // ARGV: count, commit millis, then partition and stored text pairs.
    static let partitionsScript = raise + """

        for i = 3, #ARGV, 2 do
            local current = redis.call('HGET', KEYS[1], ARGV[i])
            if not current or string.sub(current, 1, 16) < string.sub(ARGV[i + 1], 1, 16) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
        end
        local low = nil
        for partition = 0, tonumber(ARGV[1]) - 1 do
            local position = redis.call('HGET', KEYS[1], tostring(partition))
            if not position then return 0 end
            if not low or string.sub(position, 1, 16) < string.sub(low, 1, 16) then low = position end
        end
        return raise(KEYS[2], KEYS[3], low, ARGV[2])
        """

    /// Positions of some of `count` partitions (a projector member's share): the position readers use is the lowest
    /// over all of them, so a consistency token is honoured only once every partition has the commit.
    public func publish(partitions: [Int32: LSN], of count: Int, commitTimeMicros: Int64 = 0) async throws {
        guard !partitions.isEmpty else { return }
        var arguments = [String(count), String(commitTimeMicros / 1000)]
        for (partition, lsn) in partitions.sorted(by: { $0.key < $1.key }) { arguments += [String(partition), AppliedPosition.text(lsn)] }
        _ = try await redis.eval(Self.partitionsScript, keys: [keys.appliedPartitions, keys.appliedPosition, keys.syncStatus], arguments: arguments)
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
