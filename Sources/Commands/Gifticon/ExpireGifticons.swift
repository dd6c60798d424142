import Stores

/// Expires every ON_SALE gifticon whose due date has passed (due_date < current_date) -> EXPIRED. Safe to run any
/// time and concurrently with buyers: each row changes under its own row lock, a gifticon bought meanwhile is no
/// longer ON_SALE, and a second run finds nothing. Buying requires due_date >= current_date, so the two never
/// disagree about a gifticon. The receipt lists the expired ids; its id and version are nil.
public struct ExpireGifticons: Command {
    public init() {}

    public func validate() throws {}

    public func execute(on db: PostgresConnection) throws -> CommandOutcome {
        let expired = try db.query(
            """
            UPDATE gifticons SET status = 'EXPIRED', updated_at = now()
            WHERE status = 'ON_SALE' AND due_date < current_date RETURNING id
            """)
        return CommandOutcome(id: nil, version: nil, affectedIds: ["gifticons": expired.int64s("id").sorted()])
    }
}
