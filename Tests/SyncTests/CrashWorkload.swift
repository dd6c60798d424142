import Foundation
import JSON
import Stores
@testable import Sync

/// What both crash tests (embedded and Kafka) write: a seed whose snapshot takes a while, so kills land inside it
/// too, then a burst of 60 transactions (prices, statuses, renames, reviews, deletes) and a sentinel gifticon.
enum CrashWorkload {
    /// Gifticons after the burst: 150 seeded, 10 deleted, plus the sentinel.
    static let gifticonsAfterBurst = 141
    static let sentinelID: Int64 = 9999

    static func seed(_ db: PostgresConnection) throws {
        var seed = """
            INSERT INTO users (id, username, nickname) SELECT i, 'user' || i, '닉' || i FROM generate_series(1, 40) i;
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks'), (11, '투썸', 'twosome');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe');
            INSERT INTO tags (id, name, slug) VALUES (1000, 'coffee', 'coffee');
            """
        seed += "INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date) SELECT i, 1 + i % 20, 10 + i % 2, 100, 'item ' || i, 'item-' || i, 'd', '2030-01-01' FROM generate_series(1, 150) i;"
        seed += "INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) SELECT i, 10000, 9000 FROM generate_series(1, 150) i;"
        seed += "INSERT INTO gifticon_tags (gifticon_id, tag_id) SELECT i, 1000 FROM generate_series(1, 150, 3) i;"
        try db.execute(seed)
    }

    /// Transactions in the burst, the sentinel not counted.
    static let burstLength = 60

    /// The burst, one transaction every `pause`, then the sentinel; runs on a connection of its own and reports each
    /// commit to `progress`.
    static func burst(url: String, pause: Duration, progress: BurstProgress) -> Task<Void, any Error> {
        Task.detached {
            let db = try PostgresConnection(url: url)
            progress.begin()
            defer { progress.end() }
            for i in 1...burstLength {
                switch i % 6 {
                case 0: try db.execute("UPDATE gifticon_prices SET sale_price = \(5000 + i) WHERE gifticon_id = \(i)")
                case 1: try db.execute("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = 40 WHERE id = \(i)")
                case 2: try db.execute("UPDATE users SET nickname = 'renamed\(i)' WHERE id = \(1 + i % 20)")
                case 3: try db.execute("INSERT INTO reviews (id, gifticon_id, user_id, seller_id, rating, title, content) VALUES (\(i), \(i - 2), 40, \(1 + (i - 2) % 20), \(1 + i % 5), 't\(i)', 'c\(i)')")
                case 4: try db.execute("DELETE FROM gifticon_tags WHERE gifticon_id = \(i); DELETE FROM gifticon_prices WHERE gifticon_id = \(i); DELETE FROM gifticons WHERE id = \(i)")
                default: try db.execute("UPDATE brands SET name = 'brand\(i)' WHERE id = \(10 + i % 2)")
                }
                progress.commit()
                try await Task.sleep(for: pause)
            }
            try db.execute("INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, due_date) VALUES (\(sentinelID), 1, 10, 100, 'sentinel', 'sentinel', '2030-01-01')")
        }
    }

    /// The sentinel is in MongoDB and the applied position has reached the position it was written at.
    static func sentinelApplied(_ pipeline: SyncPipeline) async -> Bool {
        guard let sentinel = try? await pipeline.mongo.find("gifticons", filter: ["_id": .int(Int(sentinelID))]).first,
              let position = sentinel["_lsn"]?.stringValue,
              let applied = try? await pipeline.redis.get(pipeline.keys.appliedPosition) else { return false }
        return applied.prefix(16) >= position.prefix(16)
    }
}
