import Foundation
import Testing

/// `me` and what only the caller sees: over HTTP, with the sync carrying each write to the read models.
@Suite struct ViewerTests {
    @Test func meListsMyListingsPurchasesAndReviewsAndOnlyTheyTwoSeeTheBuyer() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let admin = gateway.token(user: 9_999, admin: true)
            func run(_ query: String, _ variables: [String: Any] = [:], token: String? = nil) async throws -> GatewayHarness.Reply {
                let reply = try await gateway.graphql(query, variables: variables, token: token)
                #expect(reply.errors.isEmpty, "\(query.prefix(60)): \(reply.text.prefix(400))")
                return reply
            }
            func id(_ reply: GatewayHarness.Reply, _ path: String) throws -> String { try #require(dig(reply.data, path) as? String, "\(reply.text)") }
            let register = "mutation($i: RegisterUserInput!) { registerUser(input: $i) { userId } }"
            let seller = try id(try await run(register, ["i": ["username": "me-seller@example.kr", "nickname": "판매자"]], token: admin), "registerUser.userId")
            let buyer = try id(try await run(register, ["i": ["username": "me-buyer@example.kr", "nickname": "구매자"]], token: admin), "registerUser.userId")
            let other = try id(try await run(register, ["i": ["username": "me-other@example.kr", "nickname": "이웃"]], token: admin), "registerUser.userId")
            let brand = try id(try await run("mutation($i: CreateBrandInput!) { createBrand(input: $i) { brandId } }", ["i": ["name": "빽다방", "slug": "paik"]], token: admin), "createBrand.brandId")
            let category = try id(try await run("mutation($i: CreateCategoryInput!) { createCategory(input: $i) { categoryId } }", ["i": ["name": "커피", "slug": "coffee"]], token: admin), "createCategory.categoryId")
            let tag = try id(try await run("mutation($i: CreateTagInput!) { createTag(input: $i) { tagId } }", ["i": ["name": "시원한", "slug": "iced"]], token: admin), "createTag.tagId")
            let (sellerToken, buyerToken, otherToken) = (gateway.token(user: Int64(seller)!), gateway.token(user: Int64(buyer)!), gateway.token(user: Int64(other)!))
            func list(_ name: String) async throws -> String {
                try id(try await run("""
                    mutation($i: RegisterGifticonInput!) { registerGifticon(input: $i) { gifticonId } }
                    """, ["i": ["brandId": brand, "categoryId": category, "name": name, "description": "설명", "dueDate": "2030-01-01",
                                "price": ["basePrice": "5000", "salePrice": "4000"], "images": [["url": "https://img/\(name).png"]], "tagIds": [tag]]],
                    token: sellerToken), "registerGifticon.gifticonId")
            }
            let sold = try await list("아이스 아메리카노")
            let unsold = try await list("바닐라 라떼")
            _ = try await run("mutation($i: BuyGifticonInput!) { buyGifticon(input: $i) { gifticonId } }", ["i": ["gifticonId": sold]], token: buyerToken)
            _ = try await run("mutation($i: UseGifticonInput!) { useGifticon(input: $i) { gifticonId } }", ["i": ["gifticonId": sold]], token: buyerToken)
            let review = try await run("mutation($i: WriteReviewInput!) { writeReview(input: $i) { reviewId receipt { consistencyToken } } }",
                                       ["i": ["gifticonId": sold, "rating": 5, "title": "좋아요", "content": "빠른 거래"]], token: buyerToken)
            let token = try id(review, "writeReview.receipt.consistencyToken")

            let me = """
                query($t: String) { me(consistency: $t) { user { id nickname }
                  listings { totalCount nodes { id status } } purchases { totalCount nodes { id status buyer { id } } }
                  reviewsWritten { nodes { title } } reviewsReceived { nodes { title } } } }
                """
            var reply = try await run(me, ["t": token], token: buyerToken)
            #expect(dig(reply.data, "me.user.id") as? String == buyer)
            #expect(dig(reply.data, "me.purchases.totalCount") as? Int == 1)
            #expect(dig(reply.data, "me.purchases.nodes.0.id") as? String == sold)
            #expect(dig(reply.data, "me.purchases.nodes.0.status") as? String == "USED")
            #expect(dig(reply.data, "me.purchases.nodes.0.buyer.id") as? String == buyer, "the buyer sees themself")
            #expect(dig(reply.data, "me.reviewsWritten.nodes.0.title") as? String == "좋아요")
            #expect(dig(reply.data, "me.listings.totalCount") as? Int == 0)

            reply = try await run(me, ["t": token], token: sellerToken)
            #expect(dig(reply.data, "me.user.nickname") as? String == "판매자")
            #expect(dig(reply.data, "me.listings.totalCount") as? Int == 2, "every status, the used one too: \(reply.text)")
            let statuses = Set((dig(reply.data, "me.listings.nodes") as? [[String: Any]] ?? []).compactMap { $0["status"] as? String })
            #expect(statuses == ["USED", "ON_SALE"])
            #expect(dig(reply.data, "me.reviewsReceived.nodes.0.title") as? String == "좋아요")
            #expect(dig(reply.data, "me.purchases.totalCount") as? Int == 0)
            _ = unsold

            // The buyer: its buyer and seller see it; another user and an anonymous caller get null.
            let buyerOf = #"{ gifticon(id: "\#(sold)") { buyer { id nickname } } }"#
            reply = try await run(buyerOf, token: sellerToken)
            #expect(dig(reply.data, "gifticon.buyer.nickname") as? String == "구매자")
            for caller in [otherToken, nil] {
                reply = try await run(buyerOf, token: caller)
                #expect(dig(reply.data, "gifticon.buyer") is NSNull, "\(reply.text)")
            }
            // The anonymous answer is not the one a later token holder gets from the response cache, nor the reverse.
            reply = try await run(buyerOf, token: buyerToken)
            #expect(dig(reply.data, "gifticon.buyer.id") as? String == buyer)

            reply = try await gateway.graphql("{ me { user { id } } }")
            #expect(reply.codes == ["UNAUTHENTICATED"], "\(reply.text)")
            reply = try await gateway.graphql("{ me { user { id } } }", token: "not-a-token")
            #expect(reply.codes == ["UNAUTHENTICATED"])

            reply = try await run("{ tags { id name } }")
            #expect((dig(reply.data, "tags") as? [[String: Any]])?.contains { $0["id"] as? String == tag && $0["name"] as? String == "시원한" } == true)
        }
    }
}
