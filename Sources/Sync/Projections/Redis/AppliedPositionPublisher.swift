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

    // Stored as "<sortable hex> <printable LSN>": the guard compares the first part, readers take the second.
    static let script = """
        local stored = redis.call('GET', KEYS[1])
        if stored and string.sub(stored, 1, 16) >= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2])
        return 1
        """

    public func publish(_ lsn: LSN) async throws {
        _ = try await redis.eval(Self.script, keys: [keys.appliedPosition], arguments: [lsn.sortableText, lsn.description])
    }

    /// The position the read models reflect, or nil before the first transaction was applied.
    public func current() async throws -> LSN? {
        guard let stored = try await redis.get(keys.appliedPosition) else { return nil }
        return stored.split(separator: " ").last.flatMap { LSN(String($0)) }
    }
}
