import Foundation
import Seeding
import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct SeedTests {
    @Test func seedHasTheOriginalsShapeIsDeterministicAndCommandsWorkOnIt() async throws {
        let db = try TestDatabase.shared
        let started = Date()
        let counts = try await Seeder(database: db.client, referenceDate: "2026-06-01").run()
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(counts["categories"] == 61)
        #expect(counts["brands"] == 100)
        #expect(counts["users"] == 2_000)
        #expect(counts["gifticons"] == 10_000)
        #expect(counts["gifticon_prices"] == 10_000)
        #expect(counts["tags"] == 671)
        #expect(counts["gifticon_tags"] == 30_000)
        #expect((27_000...33_000).contains(counts["gifticon_images"] ?? 0))
        #expect((3_600...4_400).contains(counts["reviews"] ?? 0))
        let levels = try await db.client.query("SELECT level, count(*) FROM categories GROUP BY level ORDER BY level")
        #expect(levels.rows == [["1", "7"], ["2", "14"], ["3", "40"]])
        let statuses = try await db.client.query("SELECT DISTINCT status FROM gifticons ORDER BY status")
        #expect(statuses.rows.compactMap { $0[0] } == ["DELETED", "EXPIRED", "ON_SALE", "SOLD_OUT", "USED"])
        let korean = try await db.client.query("SELECT nickname FROM users WHERE id = 1")
        #expect(korean.rows[0][0]?.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } == true)

        let fingerprint = "SELECT md5(string_agg(concat_ws('|', id, seller_id, buyer_id, name, status, due_date), ',' ORDER BY id)) FROM gifticons"
        let first = try await db.client.query(fingerprint).rows
        await expectCommandError(.conflict) { _ = try await Seeder(database: db.client, referenceDate: "2026-06-01").run() }
        _ = try await Seeder(database: db.client, referenceDate: "2026-06-01").run(reset: true)
        #expect(try await db.client.query(fingerprint).rows == first)

        // Fresh ids continue after the seeded ones, and the commands work on seeded rows.
        _ = try await Seeder(database: db.client).run(reset: true)
        let user = try await db.runner.run(RegisterUser(username: "seed-test@example.kr", nickname: "새사용자"))
        #expect(user.id == 2_001)
        let onSale = try await db.client.query(
            "SELECT id FROM gifticons WHERE status = 'ON_SALE' AND seller_id <> $1 ORDER BY id LIMIT 1", [String(user.id!)])
        let gifticon = try #require(onSale.rows.first?[0].flatMap { Int64($0) })
        let bought = try await db.runner.run(BuyGifticon(gifticonId: gifticon, buyerId: user.id!))
        #expect(bought.version == 2)
    }
}

@Suite(.freshDatabase) struct DatasetLoaderTests {
    static let directory = "/work/shared/seed-dataset"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: directory + "/V5__gifticon.sql")))
    func originalDatasetLoadsWithPricesSwapped() async throws {
        let db = try TestDatabase.shared
        let report = try await DatasetLoader(database: db.client).load(directory: DatasetLoaderTests.directory)
        #expect(report.counts["categories"] == 61)
        #expect(report.counts["brands"] == 100)
        #expect(report.counts["users"] == 2_000)
        #expect(report.counts["gifticons"] == 10_000)
        #expect(report.counts["gifticon_prices"] == 10_000)
        #expect(report.counts["gifticon_images"] == 30_077)
        #expect(report.counts["tags"] == 668)
        #expect(report.counts["gifticon_tags"] == 30_213)
        #expect(report.counts["reviews"] == 3_981)
        #expect(report.swappedPrices == 10_000)
        #expect(report.skippedDuplicates == ["gifticon_likes": 16])
        #expect(report.counts["gifticon_likes"] == 29_984)
        let price = try await db.client.query("SELECT base_price, sale_price FROM gifticon_prices WHERE gifticon_id = 1")
        #expect(price.rows == [["9200.00", "7900.00"]])
        let statuses = try await db.client.query("SELECT status, count(*) FROM gifticons GROUP BY status ORDER BY status")
        #expect(statuses.rows == [["DELETED", "2002"], ["ON_SALE", "4017"], ["SOLD_OUT", "3981"]])
        let next = try await db.runner.run(CreateTag(name: "새 태그", slug: "new-tag"))
        #expect(next.id == 669)
    }
}
