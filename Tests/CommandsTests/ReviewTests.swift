import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct ReviewTests {
    @Test func buyerReviewsOnceAndTheSellerIsTheReviewedUser() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, seller, buyer) = try await fixtures.gifticonSold()
        let receipt = try await db.runner.run(
            WriteReview(gifticonId: id, reviewerId: buyer, rating: 5, title: "정말 만족해요", content: "잘 사용했습니다."))
        let review = try #require(receipt.id)
        #expect(receipt.version == 1)
        let row = try await db.client.query(
            "SELECT gifticon_id, user_id, seller_id, rating, title FROM reviews WHERE id = $1", [String(review)])
        #expect(row.rows == [[String(id), String(buyer), String(seller), "5", "정말 만족해요"]])
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(WriteReview(gifticonId: id, reviewerId: buyer, rating: 4, title: "또", content: "또"))
        }
    }

    @Test func reviewRules() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, seller, buyer) = try await fixtures.gifticonSold()
        func review(_ reviewer: Int64, rating: Int = 4, title: String = "좋아요", content: String = "추천합니다") -> WriteReview {
            WriteReview(gifticonId: id, reviewerId: reviewer, rating: rating, title: title, content: content)
        }
        await expectCommandError(.forbidden, field: "reviewerId") { _ = try await db.runner.run(review(seller)) }
        await expectCommandError(.invalidArgument, field: "rating") { _ = try await db.runner.run(review(buyer, rating: 0)) }
        await expectCommandError(.invalidArgument, field: "rating") { _ = try await db.runner.run(review(buyer, rating: 6)) }
        await expectCommandError(.invalidArgument, field: "title") { _ = try await db.runner.run(review(buyer, title: "")) }
        await expectCommandError(.invalidArgument, field: "title") {
            _ = try await db.runner.run(review(buyer, title: String(repeating: "가", count: 201)))
        }
        _ = try await db.runner.run(review(buyer, title: String(repeating: "가", count: 200)))
        let (id2, _, buyer2) = try await fixtures.gifticonSold()
        await expectCommandError(.invalidArgument, field: "content") {
            _ = try await db.runner.run(WriteReview(gifticonId: id2, reviewerId: buyer2, rating: 3, title: "t", content: "  "))
        }
        let (onSale, _) = try await fixtures.gifticonOnSale()
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(WriteReview(gifticonId: onSale, reviewerId: buyer, rating: 3, title: "t", content: "c"))
        }
        await expectCommandError(.notFound, field: "gifticonId") {
            _ = try await db.runner.run(WriteReview(gifticonId: 987_654, reviewerId: buyer, rating: 3, title: "t", content: "c"))
        }
        // A used gifticon can still be reviewed by its buyer.
        _ = try await db.runner.run(UseGifticon(gifticonId: id2, buyerId: buyer2))
        _ = try await db.runner.run(WriteReview(gifticonId: id2, reviewerId: buyer2, rating: 3, title: "t", content: "c"))
    }

    @Test func hundredConcurrentDuplicateReviewsStoreOne() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, _, buyer) = try await fixtures.gifticonSold()
        let runner = db.runner
        let codes = await withTaskGroup(of: CommandError.Code?.self) { group in
            for n in 0..<100 {
                group.addTask {
                    do {
                        _ = try await runner.run(WriteReview(gifticonId: id, reviewerId: buyer, rating: 1 + n % 5, title: "리뷰 \(n)", content: "내용"))
                        return nil
                    } catch {
                        return (error as? CommandError)?.code ?? .internal
                    }
                }
            }
            var all: [CommandError.Code?] = []
            for await code in group { all.append(code) }
            return all
        }
        #expect(codes.filter { $0 == nil }.count == 1)
        #expect(codes.filter { $0 == .conflict }.count == 99)
        let stored = try await db.client.query("SELECT count(*) FROM reviews WHERE gifticon_id = $1", [String(id)])
        #expect(stored.rows == [["1"]])
    }
}
