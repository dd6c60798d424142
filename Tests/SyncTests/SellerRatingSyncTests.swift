import Foundation
import ReadModels
import Stores
@testable import Sync
import Testing
import StoreTestSupport

/// The embedded sync end to end: a database of its own, reviews committed in PostgreSQL, ratings read from Redis.
@Suite struct SellerRatingSyncTests {
    let settings = StoreSettings.fromEnvironment()

    /// A fresh database with a reviews table shaped like the command side's, and its publication.
    func makeDatabase() throws -> (name: String, url: String, db: PostgresConnection) {
        let name = "sync_test_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection(url: settings.databaseURL)
        try admin.execute("CREATE DATABASE \(name)")
        let url = settings.databaseURL.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
        let db = try PostgresConnection(url: url)
        try db.execute("""
            CREATE TABLE reviews (id bigint PRIMARY KEY, gifticon_id bigint NOT NULL, user_id bigint NOT NULL,
                seller_id bigint NOT NULL, rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5));
            ALTER TABLE reviews REPLICA IDENTITY FULL;
            CREATE PUBLICATION sync_test FOR TABLE reviews;
            """)
        return (name, url, db)
    }

    func dropDatabase(_ name: String, slot: String) {
        guard let admin = try? PostgresConnection(url: settings.databaseURL) else { return }
        dropSlot(slot, on: admin)
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    func summary(_ redis: RedisClient, _ keys: RedisKeys, seller: String) async throws -> [String: String] {
        let flat = try await redis.command(["HGETALL", keys.sellerRating(seller)]).array?.compactMap(\.string) ?? []
        return Dictionary(uniqueKeysWithValues: stride(from: 0, to: flat.count - 1, by: 2).map { (flat[$0], flat[$0 + 1]) })
    }

    @Test func ratingsFollowTheWALThroughARestartAndIgnoreReplays() async throws {
        let (name, url, db) = try makeDatabase()
        let slot = "slot_\(name)"
        defer { dropDatabase(name, slot: slot) }
        let redis = RedisClient(url: settings.redisURL, maxConnections: 2)
        let keys = RedisKeys(prefix: "test:\(name):")
        let projector = SellerRatingProjector(redis: redis, keys: keys)
        let positions = AppliedPositionPublisher(redis: redis, keys: keys)
        func stream() -> ChangeStream {
            ChangeStream(url: url, slot: slot, publication: "sync_test", tables: ["reviews"], projectors: [projector], positions: positions)
        }

        // Before the first start: the snapshot carries these.
        try db.execute("INSERT INTO reviews VALUES (1, 101, 2, 7, 5), (2, 102, 3, 7, 4), (3, 103, 4, 8, 2)")
        // Streamed: a new review, a changed rating, a deleted review; three transactions.
        // Written once the stream has started, so these commits are streamed, not snapshotted.
        let writes: @Sendable () async throws -> Void = {
            let db = try PostgresConnection(url: url)
            try db.execute("INSERT INTO reviews VALUES (4, 104, 5, 7, 1)")
            try db.execute("UPDATE reviews SET rating = 3 WHERE id = 2")
            try db.execute("DELETE FROM reviews WHERE id = 3")
        }
        try await stream().run(stopAfter: 3, onStreaming: writes)

        var seven = try await summary(redis, keys, seller: "7")
        #expect(seven["count"] == "3")
        #expect(seven["sum"] == "9")
        #expect(seven["average"] == "3.0000")
        #expect([seven["d1"], seven["d3"], seven["d4"], seven["d5"]] == ["1", "1", "0", "1"])
        // The seller's only review went: no summary, as a rebuild leaves it (readers take none as no reviews).
        #expect(try await summary(redis, keys, seller: "8").isEmpty)
        let applied = try #require(try await positions.current())
        let currentText = try db.query("SELECT pg_current_wal_lsn()").rows.first?.first ?? nil
        let current = try #require(currentText.flatMap(LSN.init))
        #expect(applied <= current && applied > .zero)

        // A restart continues from the confirmed position: no second snapshot, only the new change.
        try db.execute("UPDATE reviews SET rating = 5 WHERE id = 4")
        try await stream().run(stopAfter: 1)
        seven = try await summary(redis, keys, seller: "7")
        #expect(seven["sum"] == "13" && seven["count"] == "3")
        #expect(try await positions.current()! > applied)

        // A replayed (older) change is a no-op.
        let stale = CommittedTransaction(xid: 1, commitLSN: applied, endLSN: applied, commitTimeMicros: 0, changes: [
            RowChange(schema: "public", table: "reviews", operation: .update, before: nil, after: [
                .init(name: "id", typeOID: PostgresType.int8, value: "4"), .init(name: "seller_id", typeOID: PostgresType.int8, value: "7"),
                .init(name: "rating", typeOID: PostgresType.int2, value: "1"),
            ]),
        ])
        try await projector.apply(stale)
        try await positions.publish(applied)
        #expect(try await summary(redis, keys, seller: "7")["sum"] == "13")
        #expect(try await positions.current()! > applied)

        let leftovers = try await redis.command(["KEYS", "test:\(name):*"]).array?.compactMap(\.string) ?? []
        if !leftovers.isEmpty { _ = try await redis.command(["DEL"] + leftovers) }
        await redis.shutdown()
    }
}
