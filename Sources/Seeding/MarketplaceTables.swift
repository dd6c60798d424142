import Commands
import Stores

/// The marketplace's tables as a whole: counts, emptiness, reset and identity sequences (for the seed and loader).
public enum MarketplaceTables {
    /// In the order rows can be inserted (referenced tables first).
    public static let all = [
        "categories", "brands", "users", "tags", "gifticons", "gifticon_prices", "gifticon_images", "gifticon_tags",
        "gifticon_likes", "reviews",
    ]
    static let identityTables = ["categories", "brands", "users", "tags", "gifticons", "gifticon_images", "reviews"]

    /// Rows per table.
    public static func counts(on db: PostgresConnection) throws -> [String: Int] {
        let sql = all.map { "SELECT '\($0)', count(*) FROM \($0)" }.joined(separator: " UNION ALL ")
        var counts: [String: Int] = [:]
        for row in try db.execute(sql).rows {
            if let table = row[0], let count = row[1].flatMap({ Int($0) }) { counts[table] = count }
        }
        return counts
    }

    /// Empties every table (and the idempotency keys) and restarts the ids at 1; or, without `reset`, refuses a
    /// database that has rows.
    static func prepare(on db: PostgresConnection, reset: Bool) throws {
        if reset {
            try db.execute("TRUNCATE \(all.joined(separator: ", ")), idempotency_keys RESTART IDENTITY CASCADE")
        } else if try counts(on: db).values.contains(where: { $0 > 0 }) {
            throw CommandError(.conflict, "the database already has marketplace rows; pass --reset to replace them")
        }
    }

    /// Moves each identity sequence past the largest id written explicitly.
    static func advanceIdentities(on db: PostgresConnection) throws {
        for table in identityTables {
            try db.execute(
                "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)")
        }
    }
}
