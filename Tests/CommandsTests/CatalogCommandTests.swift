import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct CatalogCommandTests {
    @Test func registerUserReturnsAReceipt() async throws {
        let db = try TestDatabase.shared
        let before = try #require(LSN(try await db.client.query("SELECT pg_current_wal_insert_lsn()::text").rows[0][0]!))
        let name = Fixtures.unique("minji") + "@example.kr"
        let receipt = try await db.runner.run(RegisterUser(username: name, nickname: "김민지", profileImageUrl: "https://example.com/p.png"))
        #expect(receipt.command == "RegisterUser")
        #expect(receipt.version == 1)
        let id = try #require(receipt.id)
        #expect(receipt.affectedIds == ["users": [id]])
        #expect(receipt.consistencyToken > before)
        let row = try await db.client.query("SELECT username, nickname FROM users WHERE id = $1", [String(id)])
        #expect(row.rows == [[name, "김민지"]])
    }

    @Test func duplicateUsernameIsAConflict() async throws {
        let db = try TestDatabase.shared
        let name = Fixtures.unique("dup")
        _ = try await db.runner.run(RegisterUser(username: name, nickname: "하나"))
        await expectCommandError(.conflict, field: "username") {
            _ = try await db.runner.run(RegisterUser(username: name, nickname: "둘"))
        }
    }

    @Test func blankArgumentsAreInvalid() async throws {
        let db = try TestDatabase.shared
        await expectCommandError(.invalidArgument, field: "username") {
            _ = try await db.runner.run(RegisterUser(username: " ", nickname: "하나"))
        }
        await expectCommandError(.invalidArgument, field: "nickname") {
            _ = try await db.runner.run(RegisterUser(username: Fixtures.unique("u"), nickname: ""))
        }
        await expectCommandError(.invalidArgument, field: "slug") {
            _ = try await db.runner.run(CreateBrand(name: "스타벅스", slug: "Star bucks"))
        }
    }

    @Test func brandSlugIsUnique() async throws {
        let db = try TestDatabase.shared
        let slug = Fixtures.unique("starbucks")
        let receipt = try await db.runner.run(CreateBrand(name: "스타벅스", slug: slug, description: "커피", website: "https://www.starbucks.co.kr"))
        #expect(receipt.version == 1)
        await expectCommandError(.conflict, field: "slug") {
            _ = try await db.runner.run(CreateBrand(name: "스타벅스 2", slug: slug))
        }
    }

    @Test func categoryLevelIsDerivedFromItsParentUpToThree() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let root = try await fixtures.category()
        let middle = try await fixtures.category(parent: root)
        let leaf = try await fixtures.category(parent: middle)
        let levels = try await db.client.query(
            "SELECT id, level FROM categories WHERE id IN ($1, $2, $3) ORDER BY level",
            [String(root), String(middle), String(leaf)])
        #expect(levels.rows == [[String(root), "1"], [String(middle), "2"], [String(leaf), "3"]])
        await expectCommandError(.invalidArgument, field: "parentId") {
            _ = try await fixtures.category(parent: leaf)
        }
        await expectCommandError(.notFound, field: "parentId") {
            _ = try await fixtures.category(parent: 987_654)
        }
    }

    @Test func tagNameAndSlugAreUnique() async throws {
        let db = try TestDatabase.shared
        let slug = Fixtures.unique("coffee")
        _ = try await db.runner.run(CreateTag(name: "커피 \(slug)", slug: slug))
        await expectCommandError(.conflict, field: "name") {
            _ = try await db.runner.run(CreateTag(name: "커피 \(slug)", slug: slug + "-2"))
        }
        await expectCommandError(.conflict, field: "slug") {
            _ = try await db.runner.run(CreateTag(name: "커피 2 \(slug)", slug: slug))
        }
    }
}
