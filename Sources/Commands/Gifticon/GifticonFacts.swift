import Stores

/// A gifticon's current owner and state, read when a conditional update touched no row, to tell the caller why:
/// NOT_FOUND, FORBIDDEN (wrong actor) or CONFLICT (wrong status).
struct GifticonFacts: Sendable {
    let id: Int64
    let sellerId: Int64
    let buyerId: Int64?
    let status: GifticonStatus?
    let statusText: String
    let duePassed: Bool

    static func load(_ id: Int64, on db: PostgresConnection) throws -> GifticonFacts {
        let row = try db.query(
            "SELECT seller_id, buyer_id, status, due_date < current_date AS due_passed FROM gifticons WHERE id = $1",
            [String(id)])
        guard !row.rows.isEmpty else { throw CommandError.notFound("gifticon", id, field: "gifticonId") }
        let status = row[0, "status"] ?? ""
        return GifticonFacts(
            id: id, sellerId: try row.int64("seller_id"), buyerId: row[0, "buyer_id"].flatMap { Int64($0) },
            status: GifticonStatus(rawValue: status), statusText: status, duePassed: row[0, "due_passed"] == "t")
    }

    /// CONFLICT: the gifticon is not in `expected`.
    func wrongStatus(_ expected: GifticonStatus, action: String) -> CommandError {
        CommandError.conflict("gifticon \(id) is \(statusText), not \(expected.rawValue): it cannot be \(action)", field: "gifticonId")
    }
}
