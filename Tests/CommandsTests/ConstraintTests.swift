import Testing
import Stores
@testable import Commands

/// The rules hold when the code is bypassed with raw SQL, and the violations map to the same errors.
@Suite(.freshDatabase) struct ConstraintTests {
    /// Runs raw SQL and returns the CommandError its failure maps to.
    func violation(_ sql: String, _ parameters: [String?] = []) async throws -> CommandError {
        let db = try TestDatabase.shared
        do {
            try await db.client.query(sql, parameters)
        } catch {
            return ConstraintCatalog.commandError(for: error)
        }
        Issue.record("the database accepted: \(sql)")
        return CommandError(.internal, "accepted")
    }

    @Test func pricesArePositiveAndSaleNotAboveBase() async throws {
        let db = try TestDatabase.shared
        let (id, _) = try await Fixtures(db).gifticonOnSale()
        let g = String(id)
        var e = try await violation("UPDATE gifticon_prices SET sale_price = base_price + 1 WHERE gifticon_id = $1", [g])
        #expect(e.code == .invalidArgument && e.field == "price.salePrice")
        e = try await violation("UPDATE gifticon_prices SET base_price = -1, sale_price = -2 WHERE gifticon_id = $1", [g])
        #expect(e.code == .invalidArgument)
        e = try await violation("UPDATE gifticon_prices SET currency = 'kr1' WHERE gifticon_id = $1", [g])
        #expect(e.code == .invalidArgument && e.field == "price.currency")
        e = try await violation("INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES ($1, 10, 5)", [g])
        #expect(e.code == .conflict)
    }

    @Test func statusAndBuyerRules() async throws {
        let db = try TestDatabase.shared
        let (id, seller) = try await Fixtures(db).gifticonOnSale()
        let g = String(id)
        var e = try await violation("UPDATE gifticons SET status = 'LOST' WHERE id = $1", [g])
        #expect(e.code == .invalidArgument && e.field == "status")
        e = try await violation("UPDATE gifticons SET status = 'SOLD_OUT' WHERE id = $1", [g])
        #expect(e.code == .conflict && e.field == "status")
        e = try await violation("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = seller_id WHERE id = $1", [g])
        #expect(e.code == .forbidden)
        e = try await violation("UPDATE gifticons SET due_date = NULL WHERE id = $1", [g])
        #expect(e.code == .invalidArgument && e.field == "due_date")
        e = try await violation("UPDATE gifticons SET seller_id = 987654 WHERE id = $1", [g])
        #expect(e.code == .notFound && e.field == "sellerId")
        _ = seller
    }

    @Test func imagesTagsAndCategories() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let tag = try await fixtures.tag()
        let seller = try await fixtures.user()
        let receipt = try await db.runner.run(try await fixtures.registration(seller: seller, tags: [tag]))
        let g = String(try #require(receipt.id))
        var e = try await violation("INSERT INTO gifticon_images (gifticon_id, url, is_primary) VALUES ($1, 'https://x', true)", [g])
        #expect(e.code == .invalidArgument && e.field == "images")
        e = try await violation("INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES ($1, $2)", [g, String(tag)])
        #expect(e.code == .conflict && e.field == "tagIds")
        let root = try await fixtures.category()
        e = try await violation("INSERT INTO categories (name, slug, level, parent_id) VALUES ('x', $1, 3, $2)", [Fixtures.unique("c"), String(root)])
        #expect(e.code == .invalidArgument && e.field == "parentId")
        e = try await violation("INSERT INTO categories (name, slug, level) VALUES ('x', $1, 2)", [Fixtures.unique("c")])
        #expect(e.code == .invalidArgument && e.field == "parentId")
    }

    @Test func reviewsByTheBuyerOnceWithRatingAndTitle() async throws {
        let db = try TestDatabase.shared
        let (id, seller, buyer) = try await Fixtures(db).gifticonSold()
        let g = String(id)
        let insert = "INSERT INTO reviews (gifticon_id, user_id, rating, title, content) VALUES ($1, $2, $3, $4, 'c')"
        var e = try await violation(insert, [g, String(seller), "3", "t"])
        #expect(e.code == .forbidden && e.field == "reviewerId")
        e = try await violation(insert, [g, String(buyer), "6", "t"])
        #expect(e.code == .invalidArgument && e.field == "rating")
        e = try await violation(insert, [g, String(buyer), "3", String(repeating: "a", count: 201)])
        #expect(e.code == .invalidArgument)
        try await db.client.query(insert, [g, String(buyer), "3", "ok"])
        let filled = try await db.client.query("SELECT seller_id FROM reviews WHERE gifticon_id = $1", [g])
        #expect(filled.rows == [[String(seller)]])
        e = try await violation(insert, [g, String(buyer), "3", "again"])
        #expect(e.code == .conflict && e.field == "gifticonId")
    }

    @Test func versionIsBumpedEvenByRawUpdates() async throws {
        let db = try TestDatabase.shared
        let (id, _) = try await Fixtures(db).gifticonOnSale()
        try await db.client.query("UPDATE gifticons SET description = 'raw' WHERE id = $1", [String(id)])
        let row = try await db.client.query("SELECT version FROM gifticons WHERE id = $1", [String(id)])
        #expect(row.rows == [["2"]])
    }
}
