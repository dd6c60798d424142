import Foundation
import Testing

/// Payloads hold the changed object, read back at the receipt's position, and a failing mutation never hides a
/// committed one's payload.
@Suite struct MutationPayloadTests {
    @Test func payloadsCarryTheChangedObjectAndAFailureHidesNoOtherPayload() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let admin = gateway.token(user: 9_999, admin: true)
            func run(_ query: String, _ variables: [String: Any] = [:], token: String?) async throws -> GatewayHarness.Reply {
                let reply = try await gateway.graphql(query, variables: variables, token: token)
                #expect(reply.errors.isEmpty, "\(query.prefix(70)): \(reply.text.prefix(400))")
                return reply
            }
            var reply = try await run("""
                mutation { seller: registerUser(input: {username: "p-seller@example.kr", nickname: "판매자"}) { userId user { nickname } }
                  buyer: registerUser(input: {username: "p-buyer@example.kr", nickname: "구매자"}) { userId user { nickname } }
                  brand: createBrand(input: {name: "메가커피", slug: "mega"}) { brandId brand { name } }
                  category: createCategory(input: {name: "음료", slug: "drinks"}) { categoryId category { name level } }
                  tag: createTag(input: {name: "달달한", slug: "sweet"}) { tagId tag { name } } }
                """, token: admin)
            #expect(dig(reply.data, "seller.user.nickname") as? String == "판매자")
            #expect(dig(reply.data, "brand.brand.name") as? String == "메가커피")
            #expect(dig(reply.data, "category.category.level") as? Int == 1)
            #expect(dig(reply.data, "tag.tag.name") as? String == "달달한")
            let seller = try #require(dig(reply.data, "seller.userId") as? String), buyer = try #require(dig(reply.data, "buyer.userId") as? String)
            let (brand, category) = (try #require(dig(reply.data, "brand.brandId") as? String), try #require(dig(reply.data, "category.categoryId") as? String))
            let sellerToken = gateway.token(user: Int64(seller)!), buyerToken = gateway.token(user: Int64(buyer)!)

            reply = try await run("""
                mutation($i: RegisterGifticonInput!) { registerGifticon(input: $i) { gifticonId gifticon { id name status price { salePrice } seller { nickname } } } }
                """, ["i": ["brandId": brand, "categoryId": category, "name": "딸기 라떼", "description": "봄 한정", "dueDate": "2030-01-01",
                            "price": ["basePrice": "5000", "salePrice": "4500"], "images": [["url": "https://img/s.png"]]]], token: sellerToken)
            let listing = try #require(dig(reply.data, "registerGifticon.gifticonId") as? String)
            #expect(dig(reply.data, "registerGifticon.gifticon.name") as? String == "딸기 라떼")
            #expect(dig(reply.data, "registerGifticon.gifticon.price.salePrice") as? String == "4500.00")
            #expect(dig(reply.data, "registerGifticon.gifticon.seller.nickname") as? String == "판매자")

            reply = try await run("""
                mutation { changeGifticonPrice(input: {gifticonId: "\(listing)", price: {basePrice: "5000", salePrice: "4000"}}) {
                  gifticon { version price { salePrice } } } }
                """, token: sellerToken)
            #expect(dig(reply.data, "changeGifticonPrice.gifticon.price.salePrice") as? String == "4000.00")
            #expect(dig(reply.data, "changeGifticonPrice.gifticon.version") as? Int == 2)

            // One request, two buys: the first commits, the second fails; the first's payload and receipt survive.
            reply = try await gateway.graphql("""
                mutation { a: buyGifticon(input: {gifticonId: "\(listing)"}) { gifticonId receipt { consistencyToken } gifticon { status } }
                  b: buyGifticon(input: {gifticonId: "987654321"}) { gifticonId } }
                """, token: buyerToken)
            #expect(reply.codes == ["NOT_FOUND"], "\(reply.text)")
            #expect(dig(reply.data, "a.gifticon.status") as? String == "SOLD_OUT", "\(reply.text)")
            #expect(dig(reply.data, "a.receipt.consistencyToken") is String)
            #expect(dig(reply.data, "b") is NSNull)

            reply = try await run(#"mutation { useGifticon(input: {gifticonId: "\#(listing)"}) { gifticon { status } } }"#, token: buyerToken)
            #expect(dig(reply.data, "useGifticon.gifticon.status") as? String == "USED")
            reply = try await run("""
                mutation { writeReview(input: {gifticonId: "\(listing)", rating: 4, title: "맛있어요", content: "또 살게요"}) {
                  review { title rating reviewer { nickname } } seller { nickname ratingSummary { count average } } } }
                """, token: buyerToken)
            #expect(dig(reply.data, "writeReview.review.title") as? String == "맛있어요")
            #expect(dig(reply.data, "writeReview.review.reviewer.nickname") as? String == "구매자")
            #expect(dig(reply.data, "writeReview.seller.ratingSummary.count") as? Int == 1, "\(reply.text)")
            #expect(dig(reply.data, "writeReview.seller.ratingSummary.average") as? Double == 4)

            // A withdrawn listing reads back DELETED.
            reply = try await run("""
                mutation($i: RegisterGifticonInput!) { registerGifticon(input: $i) { gifticonId } }
                """, ["i": ["brandId": brand, "categoryId": category, "name": "초코 라떼", "description": "겨울", "dueDate": "2030-01-01",
                            "price": ["basePrice": "5000", "salePrice": "4500"], "images": [["url": "https://img/c.png"]]]], token: sellerToken)
            let second = try #require(dig(reply.data, "registerGifticon.gifticonId") as? String)
            reply = try await run(#"mutation { cancelGifticon(input: {gifticonId: "\#(second)"}) { gifticon { status } } }"#, token: sellerToken)
            #expect(dig(reply.data, "cancelGifticon.gifticon.status") as? String == "DELETED")
        }
    }
}
