import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct BuyTests {
    @Test func buyRecordsTheBuyerAndBumpsTheVersion() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, _) = try await fixtures.gifticonOnSale()
        let buyer = try await fixtures.user()
        let receipt = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: buyer))
        #expect(receipt.command == "BuyGifticon")
        #expect(receipt.id == id)
        #expect(receipt.version == 2)
        let row = try await db.client.query("SELECT status, buyer_id, version FROM gifticons WHERE id = $1", [String(id)])
        #expect(row.rows == [["SOLD_OUT", String(buyer), "2"]])
        // The token is a real commit position: the server's WAL is at or past it.
        let now = try #require(LSN(try await db.client.query("SELECT pg_current_wal_insert_lsn()::text").rows[0][0]!))
        #expect(receipt.consistencyToken <= now)
    }

    @Test func buyRules() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, seller) = try await fixtures.gifticonOnSale()
        await expectCommandError(.forbidden, field: "buyerId") {
            _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: seller))
        }
        await expectCommandError(.notFound, field: "gifticonId") {
            _ = try await db.runner.run(BuyGifticon(gifticonId: 987_654, buyerId: seller))
        }
        await expectCommandError(.notFound, field: "buyerId") {
            _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: 987_654))
        }
        await expectCommandError(.invalidArgument, field: "buyerId") {
            _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: 0))
        }
        let buyer = try await fixtures.user()
        _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: buyer))
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: buyer))
        }
        #expect(try await fixtures.status(id) == "SOLD_OUT")
    }

    @Test func hundredConcurrentBuyersOneWinner() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, _) = try await fixtures.gifticonOnSale()
        var buyers: [Int64] = []
        for _ in 0..<100 { buyers.append(try await fixtures.user("구매자")) }
        let runner = db.runner
        let results = await withTaskGroup(of: (Int64, Result<Receipt, CommandError>).self) { group in
            for buyer in buyers {
                group.addTask {
                    do {
                        return (buyer, .success(try await runner.run(BuyGifticon(gifticonId: id, buyerId: buyer))))
                    } catch {
                        return (buyer, .failure(error as! CommandError))
                    }
                }
            }
            var all: [(Int64, Result<Receipt, CommandError>)] = []
            for await result in group { all.append(result) }
            return all
        }
        let winners = results.compactMap { buyer, result -> Int64? in
            if case .success = result { return buyer } else { return nil }
        }
        let conflicts = results.filter { _, result in
            if case .failure(let error) = result { return error.code == .conflict } else { return false }
        }
        #expect(winners.count == 1)
        #expect(conflicts.count == 99)
        let row = try await db.client.query("SELECT status, buyer_id, version FROM gifticons WHERE id = $1", [String(id)])
        #expect(row.rows == [["SOLD_OUT", winners.first.map { String($0) }, "2"]])
    }
}
