import Foundation
import Testing
import Stores
@testable import Commands

/// A database of its own for one test suite: created (the gifticon role has CREATEDB), migrated, used by every test
/// of the suite through `TestDatabase.current`, and dropped at the end. Suites run in parallel without sharing
/// rows, and the main `gifticon` database is never touched.
final class TestDatabase: Sendable {
    @TaskLocal static var current: TestDatabase?

    let name: String
    let url: String
    let client: PostgresClient
    let runner: CommandRunner
    /// A connection to the server's maintenance side (for CREATE/DROP DATABASE, pg_terminate_backend).
    let admin: PostgresClient

    private init(name: String, url: String, admin: PostgresClient) {
        self.name = name
        self.url = url
        self.admin = admin
        client = PostgresClient(url: url, maxConnections: 16, acquireTimeout: .seconds(60))
        runner = CommandRunner(database: client)
    }

    static func create() async throws -> TestDatabase {
        let base = StoreSettings.fromEnvironment().databaseURL
        let name = "gifticon_test_\(UInt32.random(in: 0...UInt32.max))_\(ProcessInfo.processInfo.processIdentifier)"
        let admin = PostgresClient(url: base, maxConnections: 2)
        try await admin.execute("CREATE DATABASE \(name)")
        let database = TestDatabase(name: name, url: TestDatabase.url(base, database: name), admin: admin)
        do {
            try await Migrator(database: database.client).migrate()
        } catch {
            await database.drop()
            throw error
        }
        return database
    }

    func drop() async {
        await client.shutdown()
        _ = try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await admin.shutdown()
    }

    /// `base` with its database name replaced.
    static func url(_ base: String, database: String) -> String {
        var url = base
        var query = ""
        if let mark = url.firstIndex(of: "?") {
            query = String(url[mark...])
            url = String(url[..<mark])
        }
        guard let slash = url.range(of: "/", options: .backwards), slash.lowerBound > url.index(url.startIndex, offsetBy: 10) else {
            return url + "/" + database + query
        }
        return String(url[..<slash.upperBound]) + database + query
    }

    static var shared: TestDatabase {
        get throws { try #require(TestDatabase.current, "the suite needs the .freshDatabase trait") }
    }
}

/// The suite trait that gives a suite its own database (`@Suite(.freshDatabase)`).
struct FreshDatabaseTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let database = try await TestDatabase.create()
        do {
            try await TestDatabase.$current.withValue(database) { try await function() }
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }
}

extension Trait where Self == FreshDatabaseTrait {
    static var freshDatabase: FreshDatabaseTrait { FreshDatabaseTrait() }
}

/// Builders for the rows a test needs, each unique, through the commands themselves.
struct Fixtures {
    let runner: CommandRunner
    let client: PostgresClient

    init(_ database: TestDatabase) {
        runner = database.runner
        client = database.client
    }

    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(12).lowercased())" }

    func user(_ nickname: String = "민지") async throws -> Int64 {
        try #require(try await runner.run(RegisterUser(username: Fixtures.unique("user") + "@example.kr", nickname: nickname)).id)
    }

    func brand() async throws -> Int64 {
        try #require(try await runner.run(CreateBrand(name: "스타벅스", slug: Fixtures.unique("brand"))).id)
    }

    func category(parent: Int64? = nil) async throws -> Int64 {
        try #require(try await runner.run(CreateCategory(name: "커피", slug: Fixtures.unique("cat"), parentId: parent)).id)
    }

    func tag() async throws -> Int64 {
        let slug = Fixtures.unique("tag")
        return try #require(try await runner.run(CreateTag(name: "태그 \(slug)", slug: slug)).id)
    }

    static func futureDate(days: Int = 30) -> String { date(offset: days) }

    static func date(offset days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    func registration(seller: Int64, brand: Int64? = nil, category: Int64? = nil, tags: [Int64] = []) async throws -> RegisterGifticon {
        let brandId: Int64
        if let brand { brandId = brand } else { brandId = try await self.brand() }
        let categoryId: Int64
        if let category { categoryId = category } else { categoryId = try await self.category() }
        return RegisterGifticon(
            sellerId: seller, brandId: brandId, categoryId: categoryId, name: "아메리카노 Tall", description: "지금 바로 사용해보세요.",
            dueDate: Fixtures.futureDate(), price: Price(basePrice: 4500, salePrice: Amount("3900.50")!),
            images: [.init(url: "https://example.com/a.jpg", altText: "앞면"), .init(url: "https://example.com/b.jpg")],
            tagIds: tags)
    }

    /// A gifticon ON_SALE by a new seller; returns (gifticon, seller).
    func gifticonOnSale() async throws -> (id: Int64, seller: Int64) {
        let seller = try await user("판매자")
        let receipt = try await runner.run(try await registration(seller: seller))
        return (try #require(receipt.id), seller)
    }

    /// A bought gifticon; returns (gifticon, seller, buyer).
    func gifticonSold() async throws -> (id: Int64, seller: Int64, buyer: Int64) {
        let (id, seller) = try await gifticonOnSale()
        let buyer = try await user("구매자")
        _ = try await runner.run(BuyGifticon(gifticonId: id, buyerId: buyer))
        return (id, seller, buyer)
    }

    func status(_ gifticon: Int64) async throws -> String? {
        try await client.query("SELECT status FROM gifticons WHERE id = $1", [String(gifticon)]).rows.first?[0]
    }
}

/// Expects `body` to throw a `CommandError` with `code` (and `field`, when given).
func expectCommandError(
    _ code: CommandError.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected \(code.rawValue), but the command succeeded", sourceLocation: sourceLocation)
    } catch let error as CommandError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        if let field { #expect(error.field == field, "\(error)", sourceLocation: sourceLocation) }
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a CommandError, got \(error)", sourceLocation: sourceLocation)
    }
}
