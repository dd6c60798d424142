import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct MigrationTests {
    @Test func migrateIsIdempotentAndRecorded() async throws {
        let db = try TestDatabase.shared
        let migrator = Migrator(database: db.client)
        #expect(try await migrator.migrate() == [])
        async let first = migrator.migrate()
        async let second = migrator.migrate()
        #expect(try await first == [])
        #expect(try await second == [])
        #expect(try await migrator.appliedVersions() == Migration.all.map(\.version))
    }

    @Test func originalTablesAndColumnsExist() async throws {
        let db = try TestDatabase.shared
        let expected: [String: [String]] = [
            "users": ["id", "username", "nickname", "profile_image_url", "version"],
            "brands": ["id", "name", "slug", "description", "logo_url", "website", "version"],
            "categories": ["id", "parent_id", "level", "name", "slug", "description", "image_url", "version"],
            "tags": ["id", "name", "slug", "version"],
            "gifticons": ["id", "seller_id", "buyer_id", "brand_id", "category_id", "name", "slug", "description",
                          "due_date", "status", "created_at", "updated_at", "version"],
            "gifticon_prices": ["gifticon_id", "base_price", "sale_price", "currency", "version"],
            "gifticon_images": ["id", "gifticon_id", "url", "alt_text", "display_order", "is_primary"],
            "gifticon_tags": ["gifticon_id", "tag_id"],
            "gifticon_likes": ["user_id", "gifticon_id", "created_at"],
            "reviews": ["id", "gifticon_id", "user_id", "seller_id", "rating", "title", "content", "created_at",
                        "updated_at", "version"],
        ]
        for (table, columns) in expected {
            let result = try await db.client.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = $1", [table])
            let present = Set(result.rows.compactMap { $0[0] })
            for column in columns { #expect(present.contains(column), "\(table).\(column)") }
        }
        let prices = try await db.client.query(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'gifticon_prices' AND column_name = 'sale_price'")
        #expect(prices.rows == [["numeric"]])
    }

    @Test func capturedTablesHaveFullReplicaIdentityAndArePublished() async throws {
        let db = try TestDatabase.shared
        let identities = try await db.client.query(
            """
            SELECT relname, relreplident FROM pg_class WHERE relname IN
            ('users','brands','categories','tags','gifticons','gifticon_prices','gifticon_images','gifticon_tags','gifticon_likes','reviews')
            """)
        #expect(identities.rows.count == 10)
        #expect(identities.rows.allSatisfy { $0[1] == "f" })
        let published = try await db.client.query(
            "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'gifticon_changes'")
        #expect(published.rows == [["10"]])
    }

    @Test func changedMigrationIsRefused() async throws {
        let db = try TestDatabase.shared
        let edited = Migration(version: 1, name: "marketplace schema", sql: Migration.v1Schema.sql + "\n-- edited")
        await #expect(throws: CommandError.self) {
            try await Migrator(database: db.client, migrations: [edited]).migrate()
        }
    }
}
