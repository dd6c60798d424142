import Foundation
import Testing

/// Subscriptions end to end over Server-Sent Events: a mutation commits, the sync applies it and appends its notice,
/// the gateway's feed reads it and re-resolves the subscription, and the client reads the event off a real socket.
///
/// Serialized, with the live tests of other files (extensions of this suite: delivery, WebSocket, GraphiQL): most
/// run a sync of their own, and five at once beside the rest of the suite slowed the shared stand-in stores until
/// other suites' reads went stale in a fresh-clone run.
@Suite(.serialized) struct SubscriptionTests {
    /// A seller with a brand and category, and one listing of theirs; the ids and the seller's token.
    struct Market {
        let seller: String, buyer: String, brand: String, category: String, listing: String
        let sellerToken: String, buyerToken: String
    }

    static func market(_ gateway: GatewayHarness) async throws -> Market {
        let admin = gateway.token(user: 9_999, admin: true)
        var reply = try await gateway.graphql("""
            mutation { seller: registerUser(input: {username: "s-seller@example.kr", nickname: "판매자"}) { userId }
              buyer: registerUser(input: {username: "s-buyer@example.kr", nickname: "구매자"}) { userId }
              brand: createBrand(input: {name: "메가커피", slug: "mega"}) { brandId }
              category: createCategory(input: {name: "음료", slug: "drinks"}) { categoryId } }
            """, token: admin)
        #expect(reply.errors.isEmpty, "\(reply.text)")
        let seller = try #require(dig(reply.data, "seller.userId") as? String), buyer = try #require(dig(reply.data, "buyer.userId") as? String)
        let brand = try #require(dig(reply.data, "brand.brandId") as? String), category = try #require(dig(reply.data, "category.categoryId") as? String)
        let sellerToken = gateway.token(user: Int64(seller)!)
        let listing = try await register(gateway, name: "딸기 라떼", brand: brand, category: category, token: sellerToken)
        return Market(seller: seller, buyer: buyer, brand: brand, category: category, listing: listing, sellerToken: sellerToken,
                      buyerToken: gateway.token(user: Int64(buyer)!))
    }

    static func register(_ gateway: GatewayHarness, name: String, brand: String, category: String, token: String) async throws -> String {
        let reply = try await gateway.graphql("""
            mutation($i: RegisterGifticonInput!) { registerGifticon(input: $i) { gifticonId receipt { consistencyToken } } }
            """, variables: ["i": ["brandId": brand, "categoryId": category, "name": name, "description": "봄 한정", "dueDate": "2030-01-01",
                                   "price": ["basePrice": "5000", "salePrice": "4500"], "images": [["url": "https://img/s.png"]]]], token: token)
        #expect(reply.errors.isEmpty, "\(reply.text)")
        let id = try #require(dig(reply.data, "registerGifticon.gifticonId") as? String)
        // Read it back at its receipt: the read models have it before a subscription is opened on it.
        let token = try #require(dig(reply.data, "registerGifticon.receipt.consistencyToken") as? String)
        let read = try await gateway.graphql(#"{ gifticon(id: "\#(id)", consistency: "\#(token)") { id } }"#)
        #expect(dig(read.data, "gifticon.id") as? String == id, "\(read.text)")
        return id
    }

    /// Changes the listing's sale price; the receipt's consistency token.
    @discardableResult
    static func reprice(_ gateway: GatewayHarness, _ market: Market, _ salePrice: String) async throws -> String? {
        let reply = try await gateway.graphql("""
            mutation { changeGifticonPrice(input: {gifticonId: "\(market.listing)", price: {basePrice: "5000", salePrice: "\(salePrice)"}}) {
              receipt { consistencyToken } } }
            """, token: market.sellerToken)
        #expect(reply.errors.isEmpty, "\(reply.text)")
        return dig(reply.data, "changeGifticonPrice.receipt.consistencyToken") as? String
    }

    static func subscribe(_ gateway: GatewayHarness, _ query: String, token: String? = nil, lastEventID: String? = nil,
                          port: Int? = nil) throws -> EventStreamClient {
        var headers = ["Accept": "text/event-stream", "Content-Type": "application/json"]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        if let lastEventID { headers["Last-Event-ID"] = lastEventID }
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["query": query]), as: UTF8.self)
        return try EventStreamClient(port: port ?? gateway.port, headers: headers, body: body)
    }

    @Test func aCommittedChangeReachesItsSubscribersOverSSE() async throws {
        try await withGateway(sync: true, configure: { $0.consistencyTimeout = .seconds(30) }) { gateway in
            let market = try await Self.market(gateway)
            let one = try Self.subscribe(gateway, #"subscription { gifticonChanged(id: "\#(market.listing)") { id status price { salePrice } } }"#)
            let list = try Self.subscribe(gateway, """
                subscription { gifticonsChanged(filter: {brandIds: ["\(market.brand)"]}) { kind id position gifticon { name status } } }
                """)
            let mine = try Self.subscribe(gateway, "subscription { myGifticonsChanged { kind id gifticon { status buyer { nickname } } } }",
                                          token: market.buyerToken)
            defer { [one, list, mine].forEach { $0.stop() } }
            try await gateway.waitForSubscriptions(3)
            #expect(one.head?.contains("200 OK") == true && one.head?.lowercased().contains("text/event-stream") == true, "\(one.head ?? "no head")")

            try await Self.reprice(gateway, market, "4000")
            var events = try await one.waitForEvents(1)
            let first = try #require(events.first, "the price change arrives")
            #expect(first.name == "next")
            #expect(dig(first.json, "data.gifticonChanged.price.salePrice") as? String == "4000.00", "\(first.data)")
            let position = try #require(dig(first.json, "extensions.position") as? String)
            #expect(first.id == position, "the event id is its position (Last-Event-ID resumes from it)")
            // The position is a consistency token: a query at it reads the new price.
            let read = try await gateway.graphql(#"{ gifticon(id: "\#(market.listing)", consistency: "\#(position)") { price { salePrice } } }"#)
            #expect(dig(read.data, "gifticon.price.salePrice") as? String == "4000.00")

            let listed = try await list.waitForEvents(1)
            #expect(dig(listed.first?.json, "data.gifticonsChanged.kind") as? String == "ENTERED", "\(listed.map(\.data))")
            #expect(dig(listed.first?.json, "data.gifticonsChanged.id") as? String == market.listing)

            let bought = try await gateway.graphql(#"mutation { buyGifticon(input: {gifticonId: "\#(market.listing)"}) { gifticonId } }"#,
                                                   token: market.buyerToken)
            #expect(bought.errors.isEmpty, "\(bought.text)")
            events = try await one.waitForEvents(2)
            #expect(dig(events.last?.json, "data.gifticonChanged.status") as? String == "SOLD_OUT", "\(events.map(\.data))")
            let left = try await list.waitForEvents(2)
            #expect(dig(left.last?.json, "data.gifticonsChanged.kind") as? String == "LEFT", "sold: out of the shop front, \(left.map(\.data))")
            #expect(dig(left.last?.json, "data.gifticonsChanged.gifticon.status") as? String == "SOLD_OUT")
            let purchases = try await mine.waitForEvents(1)
            #expect(dig(purchases.first?.json, "data.myGifticonsChanged.id") as? String == market.listing, "\(purchases.map(\.data))")
            #expect(dig(purchases.first?.json, "data.myGifticonsChanged.gifticon.buyer.nickname") as? String == "구매자")

            // A new listing of the brand enters the filtered list; one of another brand does not.
            let other = try await gateway.graphql(#"mutation { createBrand(input: {name: "스타벅스", slug: "sb"}) { brandId } }"#,
                                                  token: gateway.token(user: 9_999, admin: true))
            let otherBrand = try #require(dig(other.data, "createBrand.brandId") as? String)
            _ = try await Self.register(gateway, name: "아메리카노", brand: otherBrand, category: market.category, token: market.sellerToken)
            let second = try await Self.register(gateway, name: "바닐라 라떼", brand: market.brand, category: market.category, token: market.sellerToken)
            let entered = try await list.waitForEvents(3)
            #expect(entered.count == 3, "\(entered.map(\.data))")
            #expect(dig(entered.last?.json, "data.gifticonsChanged.id") as? String == second)
            #expect(dig(entered.last?.json, "data.gifticonsChanged.kind") as? String == "ENTERED")
        }
    }

    @Test func requestErrorsComeAsANextEventThenComplete() async throws {
        try await withGateway(sync: false) { gateway in
            for (query, code) in [("subscription { gifticonChanged(id: 1) { nope } }", "GRAPHQL_VALIDATION_FAILED"),
                                  ("subscription { myGifticonsChanged { kind } }", "UNAUTHENTICATED"),
                                  (#"subscription { gifticonChanged(id: "x") { id } }"#, "BAD_USER_INPUT"),
                                  ("subscription { a: gifticonChanged(id: 1) { id } b: gifticonChanged(id: 2) { id } }", "GRAPHQL_VALIDATION_FAILED")] {
                let client = try Self.subscribe(gateway, query)
                let events = try await client.waitForEvents(2)
                client.stop()
                #expect(events.map(\.name) == ["next", "complete"], "\(query): \(events)")
                #expect((dig(events.first?.json, "errors.0.extensions.code") as? String) == code, "\(query): \(events.first?.data ?? "")")
            }
            // Over plain HTTP a subscription is refused, saying how to open a stream.
            let plain = try await gateway.graphql(#"subscription { gifticonChanged(id: "1") { id } }"#)
            #expect(plain.status == 400 && plain.codes == ["BAD_REQUEST"], "\(plain.text)")
            #expect((plain.errors.first?["message"] as? String)?.contains("text/event-stream") == true)
            // A query over SSE: its result, then complete.
            let client = try Self.subscribe(gateway, "{ __typename }")
            let events = try await client.waitForEvents(2)
            #expect(events.map(\.name) == ["next", "complete"])
            #expect(dig(events.first?.json, "data.__typename") as? String == "Query")
            // A mutation over GET is refused as over plain HTTP.
            let get = try EventStreamClient(port: gateway.port, method: "GET",
                                            target: "/graphql?query=" + "mutation{createTag(input:{name:\"x\",slug:\"x\"}){tagId}}"
                                                .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                                            headers: ["Accept": "text/event-stream"])
            let refused = try await get.waitForEvents(2)
            #expect(dig(refused.first?.json, "errors.0.message") as? String == "A mutation cannot be sent with GET; use POST.", "\(refused)")
        }
    }

    @Test func aQuietStreamSendsKeepAlives() async throws {
        try await withGateway(sync: false, configure: { $0.subscriptions.keepAlive = .milliseconds(200) }) { gateway in
            let client = try Self.subscribe(gateway, #"subscription { gifticonChanged(id: "1") { id } }"#)
            defer { client.stop() }
            // Two comments, however slowly a loaded machine gets to them; no event meanwhile.
            let deadline = Date().addingTimeInterval(20)
            while client.keepAlives < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(client.keepAlives >= 2, "\(client.keepAlives) keep-alive comments at 200 ms")
            #expect(client.events.isEmpty)
        }
    }
}
