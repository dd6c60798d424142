import Stores

/// Buys a gifticon: ON_SALE -> SOLD_OUT with the buyer. The buyer is not the seller (FORBIDDEN), the due date has
/// not passed (CONFLICT), and among any number of concurrent buyers exactly one wins; the others get CONFLICT.
///
/// Concurrency: a conditional UPDATE (`... WHERE status = 'ON_SALE'`), not SELECT ... FOR UPDATE. The UPDATE takes
/// the row lock itself; a concurrent buyer's UPDATE waits for that lock and, once the winner commits, PostgreSQL
/// re-checks its WHERE against the new row version (READ COMMITTED's EvalPlanQual), finds SOLD_OUT and updates
/// nothing: no lost update, no serialization failure to retry. It costs one round trip on the happy path and holds
/// the lock only from the UPDATE to COMMIT, where SELECT ... FOR UPDATE would add a round trip inside the lock
/// window. Only a loser pays a second read, to say why (NOT_FOUND, FORBIDDEN or CONFLICT).
public struct BuyGifticon: Command {
    public var gifticonId: Int64
    /// The acting user.
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
            UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = $2, updated_at = now()
            WHERE id = $1 AND status = 'ON_SALE' AND seller_id <> $2 AND due_date >= current_date
            RETURNING version
            """, [String(gifticonId), String(buyerId)])
        guard !updated.rows.isEmpty else {
            let facts = try GifticonFacts.load(gifticonId, on: db)
            guard facts.status == .onSale else { throw facts.wrongStatus(.onSale, action: "bought") }
            if facts.sellerId == buyerId { throw CommandError.forbidden("a seller cannot buy their own gifticon", field: "buyerId") }
            throw CommandError.conflict("gifticon \(gifticonId) is past its due date", field: "gifticonId")
        }
        return .entity("gifticons", id: gifticonId, version: try updated.int64("version"))
    }
}
