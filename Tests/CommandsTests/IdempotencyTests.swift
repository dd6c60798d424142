import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct IdempotencyTests {
    @Test func retryReturnsTheFirstReceiptAndDoesNothingTwice() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, _) = try await fixtures.gifticonOnSale()
        let buyer = try await fixtures.user()
        let key = Fixtures.unique("buy")
        let first = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: buyer), idempotencyKey: key)
        #expect(!first.replayed)
        let retry = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: buyer), idempotencyKey: key)
        #expect(retry.replayed)
        #expect(retry == first)
        let row = try await db.client.query("SELECT version FROM gifticons WHERE id = $1", [String(id)])
        #expect(row.rows == [["2"]])
    }

    @Test func sameKeyDifferentContentIsAConflict() async throws {
        let db = try TestDatabase.shared
        let key = Fixtures.unique("register")
        let name = Fixtures.unique("u")
        _ = try await db.runner.run(RegisterUser(username: name, nickname: "하나"), idempotencyKey: key)
        await expectCommandError(.conflict, field: "idempotencyKey") {
            _ = try await db.runner.run(RegisterUser(username: name, nickname: "둘"), idempotencyKey: key)
        }
        await expectCommandError(.conflict, field: "idempotencyKey") {
            _ = try await db.runner.run(CreateTag(name: name, slug: name), idempotencyKey: key)
        }
    }

    @Test func failedFirstCallLeavesNoKey() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, seller) = try await fixtures.gifticonOnSale()
        let key = Fixtures.unique("own")
        await expectCommandError(.forbidden) {
            _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: seller), idempotencyKey: key)
        }
        let stored = try await db.client.query("SELECT count(*) FROM idempotency_keys WHERE key = $1", [key])
        #expect(stored.rows == [["0"]])
    }

    @Test func concurrentRetriesRunOnce() async throws {
        let db = try TestDatabase.shared
        let key = Fixtures.unique("concurrent")
        let command = RegisterUser(username: Fixtures.unique("u"), nickname: "동시")
        let runner = db.runner
        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for _ in 0..<20 { group.addTask { try await runner.run(command, idempotencyKey: key) } }
            var all: [Receipt] = []
            for try await receipt in group { all.append(receipt) }
            return all
        }
        #expect(Set(receipts.compactMap(\.id)).count == 1)
        #expect(receipts.filter { !$0.replayed }.count == 1)
        let users = try await db.client.query("SELECT count(*) FROM users WHERE username = $1", [command.username])
        #expect(users.rows == [["1"]])
    }

    @Test func replayedTokenIsTheFirstCommitsToken() async throws {
        let db = try TestDatabase.shared
        let key = Fixtures.unique("token")
        let first = try await db.runner.run(CreateTag(name: key, slug: key), idempotencyKey: key)
        _ = try await db.runner.run(CreateTag(name: key + "x", slug: key + "x"))
        let retry = try await db.runner.run(CreateTag(name: key, slug: key), idempotencyKey: key)
        #expect(retry.consistencyToken == first.consistencyToken)
    }
}
