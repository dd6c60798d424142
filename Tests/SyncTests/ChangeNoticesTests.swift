import Foundation
import ReadModels
import Stores
@testable import Sync
import Testing

/// The notices the sync leaves for the gateways' subscriptions: one stream entry per applied run, at its position,
/// with the keys it touched.
@Suite struct ChangeNoticesTests {
    let settings = StoreSettings.fromEnvironment()

    func row(_ table: String, _ values: [String: String?], _ operation: RowChange.Operation = .update, before: [String: String?]? = nil) -> RowChange {
        let columns = { (values: [String: String?]) in values.sorted { $0.key < $1.key }.map { RowChange.Column(name: $0.key, typeOID: 20, value: $0.value) } }
        return RowChange(schema: "public", table: table, operation: operation, before: before.map(columns), after: operation == .delete ? nil : columns(values))
    }

    func transaction(_ end: UInt64, _ changes: [RowChange]) -> CommittedTransaction {
        CommittedTransaction(xid: UInt32(truncatingIfNeeded: end), commitLSN: LSN(end - 1), endLSN: LSN(end), commitTimeMicros: 1_700_000_000_000_000, changes: changes)
    }

    @Test func aRunTouchesItsListingsTheirSellersAndBuyersAndRatings() {
        let run = [
            transaction(100, [row("gifticons", ["id": "5", "seller_id": "1", "buyer_id": "2"], before: ["id": "5", "seller_id": "1", "buyer_id": nil]),
                              row("gifticon_prices", ["gifticon_id": "5"])]),
            transaction(110, [row("reviews", ["id": "9", "seller_id": "1", "gifticon_id": "5"], .create), row("brands", ["id": "10"]),
                              row("gifticon_images", [:], .delete, before: ["id": "3", "gifticon_id": "6"])]),
        ]
        #expect(ChangeNotices.keys(run) == ["gifticon:5", "user:1", "user:2", "seller:1", "brand:10", "gifticon:6"])
    }

    @Test func aRunsNoticeCarriesItsEarliestCommitTime() {
        func at(_ micros: Int64) -> CommittedTransaction {
            CommittedTransaction(xid: 1, commitLSN: LSN(1), endLSN: LSN(2), commitTimeMicros: micros, changes: [])
        }
        #expect(ChangeNotices.firstCommitMillis([at(1_700_000_000_900_000), at(1_700_000_000_100_000), at(0)]) == 1_700_000_000_100)
        #expect(ChangeNotices.firstCommitMillis([at(0)]) == 0, "unknown stays unknown")
    }

    @Test func entriesAreKeyedByPositionAndAReplayIsNotAppendedTwice() async throws {
        let keys = RedisKeys(prefix: "notices_\(UInt32.random(in: 0...UInt32.max)):")
        let redis = RedisClient(url: settings.redisURL)
        let notices = ChangeNotices(redis: redis, keys: keys, retention: 10)
        let run = [transaction(0x1_0000_0100, [row("gifticon_prices", ["gifticon_id": "5"])])]
        #expect(try await notices.append(run))
        #expect(try await !notices.append(run), "a replayed run")
        #expect(try await !notices.append([transaction(0x1_0000_0050, [row("users", ["id": "1"])])]), "an older position")
        #expect(try await !notices.append([transaction(0x1_0000_0200, [])]), "nothing touched, nothing appended")
        let entries = try await redis.command("XRANGE", keys.changeNotices, "-", "+").array ?? []
        #expect(entries.count == 1)
        #expect(entries.first?.array?.first?.string == "\(0x1_0000_0100 as UInt64)-0")
        let fields = entries.first?.array?.last?.array?.compactMap(\.string) ?? []
        #expect(fields == ["lsn", LSN(0x1_0000_0100).description, "commitMillis", "1700000000000", "keys", "gifticon:5"])

        // Capped: Redis trims whole nodes (100 entries each), so the length stays near the retention, far below 300.
        for step in 1...300 { try await notices.append([transaction(0x1_0000_1000 + UInt64(step), [row("users", ["id": "\(step)"])])]) }
        let length = try await redis.command("XLEN", keys.changeNotices).integer ?? 0
        #expect(length > 0 && length < 300)
        _ = try await redis.command("DEL", keys.changeNotices)
    }

    @Test func theEmbeddedSyncLeavesANoticeOncePositionsArePublished() async throws {
        let database = try await MigratedTestDatabase(prefix: "notices_test")
        defer { database.drop() }
        let url = database.url
        try PostgresConnection(url: url).execute("""
            INSERT INTO users (id, username, nickname) VALUES (1, 'seller1', '판매왕');
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe');
            """)
        let pipeline = SyncPipeline(
            databaseURL: url, slot: database.slot, mongo: MongoClient(uri: database.mongoURI, maxConnections: 4),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: "\(database.name)_"), keys: RedisKeys(prefix: "\(database.name):"))
        try await pipeline.stream().run(stopAfter: 2, onStreaming: {
            let db = try PostgresConnection(url: url)
            try db.execute("INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, due_date) VALUES (5, 1, 10, 100, 'Latte', 'latte', '2030-01-01')")
            try db.execute("UPDATE brands SET name = '스타벅스 코리아' WHERE id = 10")
        })
        let entries = try await pipeline.redis.command("XRANGE", pipeline.keys.changeNotices, "-", "+").array ?? []
        let keys = entries.compactMap { $0.array?.last?.array?.compactMap(\.string).last }.joined(separator: " ")
        #expect(keys.contains("gifticon:5") && keys.contains("user:1") && keys.contains("brand:10"), "keys: \(keys)")
        #expect(!keys.contains("category:100"), "the snapshot leaves no notices")
        let applied = try #require(try await AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys).current())
        let positions = entries.compactMap { $0.array?.first?.string?.split(separator: "-").first.flatMap { UInt64($0) } }
        #expect(!positions.isEmpty && positions.allSatisfy { $0 <= applied.value } && positions == positions.sorted())
        try await pipeline.dropTestReadModels()
        await database.client.shutdown()
    }
}
