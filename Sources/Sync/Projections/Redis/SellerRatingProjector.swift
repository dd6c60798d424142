import ReadModels
import Stores

/// Keeps each seller's rating summary in Redis (average, count, distribution 1..5) from the `reviews` table's
/// changes, and the WAL position every projector has applied.
///
/// Order-safe and idempotent: each review's last applied position is stored beside it, and the Lua script ignores
/// a change whose position is not newer. The summary is recomputed from the seller's reviews hash, so a replay
/// can never count a review twice.
public struct SellerRatingProjector: Projector {
    public let name = "redis-ratings"
    private let redis: RedisClient
    private let keys: RedisKeys
    private let steps: SyncSteps

    public init(redis: RedisClient, keys: RedisKeys = RedisKeys(), steps: SyncSteps = SyncSteps()) {
        self.redis = redis
        self.keys = keys
        self.steps = steps
    }

    // KEYS: reviews hash (reviewId -> rating), positions hash (reviewId -> lsn), summary hash.
    // ARGV: reviewId, lsn (sortable text), rating or "" for a delete.
    static let script = """
        local stored = redis.call('HGET', KEYS[2], ARGV[1])
        if stored and stored >= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
        local counts = {0, 0, 0, 0, 0}
        local total, sum = 0, 0
        for _, rating in ipairs(redis.call('HVALS', KEYS[1])) do
            local r = tonumber(rating)
            counts[r] = counts[r] + 1
            total = total + 1
            sum = sum + r
        end
        -- A seller whose last review went has no summary, as a rebuild would leave them.
        if total == 0 then redis.call('DEL', KEYS[3]) return 1 end
        local average = string.format('%.4f', sum / total)
        redis.call('HSET', KEYS[3], '\(SellerRatingHash.count)', total, '\(SellerRatingHash.sum)', sum,
            '\(SellerRatingHash.average)', average, '\(SellerRatingHash.distribution(1))', counts[1],
            '\(SellerRatingHash.distribution(2))', counts[2], '\(SellerRatingHash.distribution(3))', counts[3],
            '\(SellerRatingHash.distribution(4))', counts[4], '\(SellerRatingHash.distribution(5))', counts[5])
        return 1
        """

    public func apply(_ transaction: CommittedTransaction) async throws {
        for (index, change) in transaction.changes.enumerated() where change.table == "reviews" {
            guard let reviewID = change.value("id"), let sellerID = change.value("seller_id") else {
                throw StoreError(.redis, .badReply, "review change without id or seller_id (is REPLICA IDENTITY FULL set?)")
            }
            let rating = change.operation == .delete ? "" : (change.value("rating") ?? "")
            let scriptKeys = [keys.sellerReviews(sellerID), keys.sellerReviewPositions(sellerID), keys.sellerRating(sellerID)]
            let arguments = [reviewID, transaction.position(ofChangeAt: index), rating]
            _ = try await steps.measure(.redis, .redisEval(script: Self.script, keys: scriptKeys, arguments: arguments)) {
                try await redis.eval(Self.script, keys: scriptKeys, arguments: arguments)
            }
        }
    }
}
