/// The Redis key names of the read side, in one place so the gateway reads what the sync writes.
public struct RedisKeys: Sendable {
    public var prefix: String
    public init(prefix: String = "gifticon:") { self.prefix = prefix }

    /// A seller's rating summary: a hash with the fields of `SellerRatingHash`.
    public func sellerRating(_ sellerID: String) -> String { "\(prefix)seller:\(sellerID):rating" }
    /// The ratings of a seller's reviews (review id -> rating), what the summary is recomputed from (the sync's).
    public func sellerReviews(_ sellerID: String) -> String { "\(prefix)seller:\(sellerID):reviews" }
    /// The WAL position each of a seller's reviews was last applied at (review id -> position; the sync's).
    public func sellerReviewPositions(_ sellerID: String) -> String { "\(prefix)seller:\(sellerID):review-lsn" }
    /// The position every read model has applied, in the `AppliedPosition` format.
    public var appliedPosition: String { "\(prefix)sync:applied-lsn" }
    /// With the projection split across Kafka partitions: each partition's applied position (partition number ->
    /// `AppliedPosition` text); `appliedPosition` is the lowest of them.
    public var appliedPartitions: String { "\(prefix)sync:applied-lsn:partitions" }
    /// Where the embedded sync's chunked snapshot stands while it runs (a hash; the sync's own).
    public var snapshotProgress: String { "\(prefix)sync:snapshot" }
    /// A capped stream of what each applied run changed, for the gateways' subscriptions (`ChangeNotices`).
    public var changeNotices: String { "\(prefix)sync:changes" }
    /// A hash with the fields of `SyncStatusHash`: how fresh the read models are.
    public var syncStatus: String { "\(prefix)sync:status" }
}
