import Stores

/// Marks a bought gifticon as used (the original's "사용 처리"): the buyer only (FORBIDDEN), while SOLD_OUT
/// (CONFLICT) -> USED.
public struct UseGifticon: Command {
    public var gifticonId: Int64
    /// The acting user: must be the buyer.
    public var buyerId: Int64

    public init(gifticonId: Int64, buyerId: Int64) {
        self.gifticonId = gifticonId
        self.buyerId = buyerId
    }

    public func validate() throws {
        try Validate.id(gifticonId, field: "gifticonId")
        try Validate.id(buyerId, field: "buyerId")
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let updated = try db.query(
            """
            UPDATE gifticons SET status = 'USED', updated_at = now()
            WHERE id = $1 AND buyer_id = $2 AND status = 'SOLD_OUT' RETURNING version
            """, [String(gifticonId), String(buyerId)])
        guard !updated.rows.isEmpty else {
            let facts = try GifticonFacts.load(gifticonId, on: db)
            if let buyer = facts.buyerId, buyer != buyerId {
                throw CommandError.forbidden("only the buyer may use the gifticon", field: "buyerId")
            }
            throw facts.wrongStatus(.soldOut, action: "used")
        }
        return .entity("gifticons", id: gifticonId, version: try updated.int64("version"))
    }
}
