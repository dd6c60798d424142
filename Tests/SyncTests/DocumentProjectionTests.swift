import Commands
import Foundation
import Testing
import Stores
@testable import Sync

/// The MongoDB documents, projected from the command side's real schema (its migrations, on a database of its own).
@Suite struct DocumentProjectionTests {

    @Test func gifticonDocumentIsDenormalizedAndFollowsRenames() async throws {
        let database = try await MigratedTestDatabase(prefix: "docs_test")
        defer { database.drop() }
        let (url, slot, client) = (database.url, database.slot, database.client)
        let db = try PostgresConnection(url: url)
        // Reference data and one listing, before the sync starts: they arrive through the snapshot.
        try db.execute("""
            INSERT INTO users (id, username, nickname) VALUES (1, 'seller1', '판매왕'), (2, 'buyer2', '구매자');
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe'), (101, 100, 2, '커피', 'coffee');
            INSERT INTO tags (id, name, slug) VALUES (1000, '아메리카노', 'americano');
            INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date)
                VALUES (5, 1, 10, 101, '아메리카노 T', 'americano-t', '따뜻한', '2030-01-01');
            INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES (5, 5000.00, 4500.00);
            INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (50, 5, 'https://img/1.png', 1, true);
            INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (5, 1000);
            """)

        let mongoURI = database.mongoURI
        let mongo = MongoClient(uri: mongoURI, maxConnections: 4)
        let projector = DocumentProjector(mongo: mongo)
        let tables = ["users", "brands", "categories", "tags", "gifticons", "gifticon_prices", "gifticon_images", "gifticon_tags", "reviews"]
        let stream = ChangeStream(url: url, slot: slot, publication: "gifticon_changes", tables: tables, projectors: [projector])

        // Written once the stream has started, so these commits are streamed, not snapshotted.
        let writes: @Sendable () async throws -> Void = {
            let db = try PostgresConnection(url: url)
            try db.execute("UPDATE brands SET name = '스타벅스 코리아' WHERE id = 10")
            try db.execute("UPDATE gifticon_prices SET sale_price = 4000.00 WHERE gifticon_id = 5")
            try db.execute("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = 2 WHERE id = 5")
            try db.execute("DELETE FROM gifticon_tags WHERE gifticon_id = 5")
        }
        try await stream.run(stopAfter: 4, onStreaming: writes)

        let document = try #require(try await mongo.find("gifticons", filter: ["_id": 5]).first)
        #expect(document["name"] == "아메리카노 T")
        #expect(document["status"] == "SOLD_OUT")
        #expect(document["buyerId"] == 2)
        #expect(document["version"] == 2)
        #expect(document["seller"]?["nickname"] == "판매왕")
        #expect(document["brand"]?["name"] == "스타벅스 코리아", "a brand rename reaches the embedded copy")
        #expect(document["category"]?["name"] == "커피")
        #expect(document["category"]?["ancestorIds"] == [100])
        #expect(document["price"]?["salePrice"] == "4000.00")
        #expect(document["price"]?["discountPercentage"] == 20)
        #expect(document["images"]?[0]?["url"] == "https://img/1.png")
        #expect(document["tags"] == .array([]))
        #expect(try await mongo.find("users", filter: ["_id": 1]).first?["username"] == nil, "public profiles carry no username")

        // Replaying a stale gifticon row changes nothing.
        let stale = CommittedTransaction(xid: 1, commitLSN: .init(1), endLSN: .init(1), commitTimeMicros: 0, changes: [
            RowChange(schema: "public", table: "gifticons", operation: .update, before: nil, after: [
                .init(name: "id", typeOID: PostgresType.int8, value: "5"), .init(name: "status", typeOID: 1043, value: "ON_SALE"),
            ]),
        ])
        try await projector.apply(stale)
        #expect(try await mongo.find("gifticons", filter: ["_id": 5]).first?["status"] == "SOLD_OUT")

        _ = try? await mongo.command(["dropDatabase": 1])
        await mongo.shutdown()
        await client.shutdown()
    }

    @Test func discountIsExactWholePercent() {
        #expect(DocumentProjector.discountPercentage(base: "5000.00", sale: "4500.00") == 10)
        #expect(DocumentProjector.discountPercentage(base: "3.00", sale: "2.00") == 33)
        #expect(DocumentProjector.discountPercentage(base: "100", sale: "150") == 0)
        #expect(DocumentProjector.cents("12.5") == 1250)
    }
}
