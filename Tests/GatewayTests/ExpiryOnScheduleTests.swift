import Commands
import Foundation
import Logging
import Stores
import Testing

/// A listing made past-due in the command database leaves the shop front on its own: the expiry schedule (which
/// `gifticon serve` runs every minute) expires it, and the sync carries EXPIRED to the detail page and the search.
@Suite struct ExpiryOnScheduleTests {
    @Test func aPastDueListingTurnsExpiredInDetailAndSearch() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let database = PostgresClient(url: try #require(gateway.databaseURL), maxConnections: 2)
            let runner = CommandRunner(database: database)
            let seller = try #require(try await runner.run(RegisterUser(username: "expiry-seller@example.kr", nickname: "판매자")).id)
            let brand = try #require(try await runner.run(CreateBrand(name: "이디야", slug: "ediya")).id)
            let category = try #require(try await runner.run(CreateCategory(name: "커피", slug: "coffee", parentId: nil)).id)
            let listing = try await runner.run(RegisterGifticon(
                sellerId: seller, brandId: brand, categoryId: category, name: "카페라떼 기한임박", description: "오늘까지",
                dueDate: "2099-01-01", price: Price(basePrice: 4500, salePrice: Amount("4000")!),
                images: [.init(url: "https://example.com/a.jpg", altText: nil)], tagIds: []))
            let id = try #require(listing.id)
            let detail = #"query($t: String) { gifticon(id: "\#(id)", consistency: $t) { status } }"#
            var reply = try await gateway.graphql(detail, variables: ["t": listing.consistencyToken.description])
            #expect(dig(reply.data, "gifticon.status") as? String == "ON_SALE", "\(reply.text)")

            // Time passes behind the code's back; nobody runs a command.
            try await database.query("UPDATE gifticons SET due_date = current_date - 1 WHERE id = $1", [String(id)])
            let logger = { var logger = Logger(label: "test.expiry"); logger.logLevel = .critical; return logger }()
            let schedule = Task { await ExpirySchedule(runner: runner, interval: .milliseconds(500)).run(logger: logger) }
            defer { schedule.cancel() }

            // The sync writes the document first and the search entry right after: wait for both (one deadline).
            let deadline = Date().addingTimeInterval(60)
            let search = #"{ front: gifticons(query: "카페라떼") { totalCount } expired: gifticons(query: "카페라떼", filter: {status: EXPIRED}) { nodes { id status } } }"#
            var status: String?
            var found = reply
            while Date() < deadline {
                reply = try await gateway.graphql(detail)
                status = dig(reply.data, "gifticon.status") as? String
                found = try await gateway.graphql(search)
                if status == "EXPIRED", dig(found.data, "expired.nodes.0.id") as? String == String(id) { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(status == "EXPIRED", "the detail page shows the expiry: \(reply.text)")
            #expect(dig(found.data, "front.totalCount") as? Int == 0, "gone from the shop front: \(found.text)")
            #expect(dig(found.data, "expired.nodes.0.id") as? String == String(id))
            #expect(dig(found.data, "expired.nodes.0.status") as? String == "EXPIRED")
            await database.shutdown()
        }
    }
}
