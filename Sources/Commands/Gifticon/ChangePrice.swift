import Stores

/// Changes a gifticon's price: the seller only (FORBIDDEN), while ON_SALE (CONFLICT).
public struct ChangePrice: Command {
    public var gifticonId: Int64
    /// The acting user: must be the seller.
    public var sellerId: Int64
    public var price: Price

    public init(gifticonId: Int64, sellerId: Int64, price: Price) {
        self.gifticonId = gifticonId
        self.sellerId = sellerId
        self.price = price
    }

    public func validate() throws {
        try Validate.id(gifticonId, field: "gifticonId")
        try Validate.id(sellerId, field: "sellerId")
        try price.validate()
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        // The gifticon row is updated too (its version and updated_at move), so readers of the gifticon see a change.
        let updated = try db.query(
            """
            UPDATE gifticons SET updated_at = now()
            WHERE id = $1 AND seller_id = $2 AND status = 'ON_SALE' RETURNING version
            """, [String(gifticonId), String(sellerId)])
        guard !updated.rows.isEmpty else {
            let facts = try GifticonFacts.load(gifticonId, on: db)
            if facts.sellerId != sellerId { throw CommandError.forbidden("only the seller may change the price", field: "sellerId") }
            throw facts.wrongStatus(.onSale, action: "repriced")
        }
        try db.query(
            """
            UPDATE gifticon_prices SET base_price = $2, sale_price = $3, currency = $4, updated_at = now()
            WHERE gifticon_id = $1
            """, [String(gifticonId), price.basePrice.description, price.salePrice.description, price.currency])
        return CommandOutcome(
            id: gifticonId, version: try updated.int64("version"),
            affectedIds: ["gifticons": [gifticonId], "gifticon_prices": [gifticonId]])
    }
}
