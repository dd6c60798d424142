import Stores

/// Writes the review of a bought gifticon: by its buyer only (FORBIDDEN), once per gifticon (CONFLICT, also under
/// concurrent duplicates: the unique index lets one insert through and the others fail on
/// `reviews_gifticon_id_key`), rating 1..5, a title of 1 to 200 characters, content required. The reviewed user is
/// the gifticon's seller (stored in `reviews.seller_id`).
public struct WriteReview: Command {
    public var gifticonId: Int64
    /// The acting user: must be the buyer.
    public var reviewerId: Int64
    public var rating: Int
    public var title: String
    public var content: String

    public init(gifticonId: Int64, reviewerId: Int64, rating: Int, title: String, content: String) {
        self.gifticonId = gifticonId
        self.reviewerId = reviewerId
        self.rating = rating
        self.title = title
        self.content = content
    }

    public static let maximumTitleLength = 200

    public func validate() throws {
        try Validate.id(gifticonId, field: "gifticonId")
        try Validate.id(reviewerId, field: "reviewerId")
        guard (1...5).contains(rating) else { throw CommandError.invalid("rating", "the rating is between 1 and 5") }
        try Validate.text(title, field: "title", max: WriteReview.maximumTitleLength)
        try Validate.text(content, field: "content", max: 10_000)
    }

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let inserted = try db.query(
            """
            INSERT INTO reviews (gifticon_id, user_id, seller_id, rating, title, content)
            SELECT g.id, g.buyer_id, g.seller_id, $3, $4, $5 FROM gifticons g
            WHERE g.id = $1 AND g.buyer_id = $2 AND g.status IN ('SOLD_OUT', 'USED')
            RETURNING id, version
            """, [String(gifticonId), String(reviewerId), String(rating), title, content])
        guard !inserted.rows.isEmpty else {
            let facts = try GifticonFacts.load(gifticonId, on: db)
            guard let buyer = facts.buyerId else {
                throw CommandError.conflict("gifticon \(gifticonId) has not been bought: there is nothing to review", field: "gifticonId")
            }
            if buyer != reviewerId { throw CommandError.forbidden("only the gifticon's buyer may review it", field: "reviewerId") }
            throw facts.wrongStatus(.soldOut, action: "reviewed")
        }
        let id = try inserted.int64("id")
        return CommandOutcome(id: id, version: try inserted.int64("version"), affectedIds: ["reviews": [id], "gifticons": [gifticonId]])
    }
}
