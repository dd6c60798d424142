import Stores

/// Cancels a listing: the seller only (FORBIDDEN), while ON_SALE (CONFLICT) -> DELETED. The row stays (soft delete,
/// as in the original) so the sync sees an UPDATE and the history keeps its reviews' references.
public struct CancelListing: Command {
    public var gifticonId: Int64
    /// The acting user: must be the seller.
    public var sellerId: Int64

    public init(gifticonId: Int64, sellerId: Int64) {
        self.gifticonId = gifticonId
        self.sellerId = sellerId
    }

    public func validate() throws {
        try Validate.id(gifticonId, field: "gifticonId")
        try Validate.id(sellerId, field: "sellerId")
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let updated = try db.query(
            """
            UPDATE gifticons SET status = 'DELETED', updated_at = now()
            WHERE id = $1 AND seller_id = $2 AND status = 'ON_SALE' RETURNING version
            """, [String(gifticonId), String(sellerId)])
        guard !updated.rows.isEmpty else {
            let facts = try GifticonFacts.load(gifticonId, on: db)
            if facts.sellerId != sellerId { throw CommandError.forbidden("only the seller may cancel the listing", field: "sellerId") }
            throw facts.wrongStatus(.onSale, action: "cancelled")
        }
        return .entity("gifticons", id: gifticonId, version: try updated.int64("version"))
    }
}
