import Foundation
import Testing
@testable import Gateway

/// The whole product over HTTP: mutations commit on the command side, the in-process sync carries them through
/// the WAL into the read models, and queries holding the receipts' consistency tokens read those writes. Run with
/// the read-model cache off (store calls are counted exactly) and on (each write must invalidate it).
@Suite(.serialized) struct MarketplaceFlowTests {
    @Test(arguments: [false, true])
    func mutationsThenReadYourWritesThenEveryQuery(cache: Bool) async throws {
        try await withGateway(sync: true, configure: {
            // Generous bounds: the in-process sync shares two loaded cores with the rest of the suite.
            $0.consistencyTimeout = .seconds(30); $0.requestTimeout = .seconds(45); $0.cacheReadModels = cache
        }) { gateway in
            let admin = gateway.token(user: 9_999, admin: true)  // the catalog needs the admin role

            func mutate(_ query: String, _ variables: [String: Any], token: String?, headers: [String: String] = [:]) async throws -> GatewayHarness.Reply {
                try await gateway.graphql(query, variables: variables, token: token, extraHeaders: headers)
            }
            func created(_ reply: GatewayHarness.Reply, _ field: String, _ idField: String) throws -> (id: String, token: String) {
                #expect(reply.errors.isEmpty, "\(field): \(reply.text)")
                let id = try #require(dig(reply.data, "\(field).\(idField)") as? String, "\(reply.text)")
                let token = try #require(dig(reply.data, "\(field).receipt.consistencyToken") as? String)
                return (id, token)
            }

            // Users and the catalog.
            let registerUser = "mutation($input: RegisterUserInput!) { registerUser(input: $input) { userId receipt { consistencyToken version command } } }"
            let seller = try created(try await mutate(registerUser, ["input": ["username": "seller@example.kr", "nickname": "판매왕"]], token: admin), "registerUser", "userId")
            let buyer = try created(try await mutate(registerUser, ["input": ["username": "buyer@example.kr", "nickname": "구매자"]], token: admin), "registerUser", "userId")
            let other = try created(try await mutate(registerUser, ["input": ["username": "other@example.kr", "nickname": "이웃"]], token: admin), "registerUser", "userId")
            let brand = try created(try await mutate("mutation($input: CreateBrandInput!) { createBrand(input: $input) { brandId receipt { consistencyToken } } }",
                                                     ["input": ["name": "스타벅스", "slug": "starbucks", "website": "https://starbucks.co.kr"]], token: admin), "createBrand", "brandId")
            let createCategory = "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { categoryId receipt { consistencyToken } } }"
            let top = try created(try await mutate(createCategory, ["input": ["name": "카페", "slug": "cafe"]], token: admin), "createCategory", "categoryId")
            let middle = try created(try await mutate(createCategory, ["input": ["name": "커피", "slug": "coffee", "parentId": top.id]], token: admin), "createCategory", "categoryId")
            let leaf = try created(try await mutate(createCategory, ["input": ["name": "아메리카노", "slug": "americano", "parentId": middle.id]], token: admin), "createCategory", "categoryId")
            let createTag = "mutation($input: CreateTagInput!) { createTag(input: $input) { tagId receipt { consistencyToken replayed } } }"
            let tagReply = try await mutate(createTag, ["input": ["name": "따뜻한", "slug": "hot"]], token: admin, headers: ["Idempotency-Key": "tag-hot"])
            let tag = try created(tagReply, "createTag", "tagId")
            // The same Idempotency-Key replays the first receipt.
            let replay = try await mutate(createTag, ["input": ["name": "따뜻한", "slug": "hot"]], token: admin, headers: ["Idempotency-Key": "tag-hot"])
            #expect(dig(replay.data, "createTag.tagId") as? String == tag.id)
            #expect(dig(replay.data, "createTag.receipt.replayed") as? Bool == true)

            // A listing, read back with its receipt's token.
            let register = """
                mutation($input: RegisterGifticonInput!) { registerGifticon(input: $input) { gifticonId receipt { consistencyToken version } } }
                """
            func listing(_ name: String, base: String, sale: String, token: String) -> [String: Any] {
                ["input": [
                    "brandId": brand.id, "categoryId": leaf.id, "name": name, "description": "따뜻한 커피 한 잔", "dueDate": "2030-01-01",
                    "price": ["basePrice": base, "salePrice": sale], "tagIds": [tag.id],
                    "images": [["url": "https://img/\(name)/1.png", "altText": "front"], ["url": "https://img/\(name)/2.png", "isPrimary": true]],
                ] as [String: Any]]
            }
            let sellerToken = gateway.token(user: Int64(seller.id)!)
            let first = try created(try await mutate(register, listing("아메리카노 T", base: "5000", sale: "4500.00", token: sellerToken), token: sellerToken),
                                    "registerGifticon", "gifticonId")
            let detail = """
                query($id: ID!, $token: String) { gifticon(id: $id, consistency: $token) {
                  id name slug description status dueDate createdAt updatedAt version
                  price { basePrice salePrice currency discountPercentage }
                  brand { id name slug website } category { id name level path { id name } }
                  seller { id nickname ratingSummary { average count } }
                  images { url altText displayOrder } primaryImage { url } tags { id name } } }
                """
            var reply = try await gateway.graphql(detail, variables: ["id": first.id, "token": first.token])
            #expect(reply.errors.isEmpty, "\(reply.text)")
            let g = try #require(dig(reply.data, "gifticon") as? [String: Any], "read-your-write: \(reply.text)")
            #expect(g["id"] as? String == first.id)
            #expect(g["name"] as? String == "아메리카노 T")
            #expect(g["status"] as? String == "ON_SALE")
            #expect(g["version"] as? Int == 1)
            #expect(dig(g, "price.salePrice") as? String == "4500.00")
            #expect(dig(g, "price.discountPercentage") as? Int == 10)
            #expect(dig(g, "brand.name") as? String == "스타벅스")
            #expect(dig(g, "brand.website") as? String == "https://starbucks.co.kr", "loaded from the brand's own document")
            #expect(dig(g, "category.level") as? Int == 3)
            #expect((dig(g, "category.path") as? [[String: Any]])?.compactMap { $0["id"] as? String } == [top.id, middle.id, leaf.id])
            #expect(dig(g, "seller.nickname") as? String == "판매왕")
            #expect(dig(g, "seller.ratingSummary.count") as? Int == 0)
            #expect(dig(g, "primaryImage.url") as? String == "https://img/아메리카노 T/2.png")
            #expect((dig(g, "images") as? [Any])?.count == 2)
            #expect(dig(g, "tags.0.name") as? String == "따뜻한")

            // Two more listings, one by another seller, for search, facets, pages and batching.
            _ = try created(try await mutate(register, listing("카페라떼 R", base: "6000", sale: "3000", token: sellerToken), token: sellerToken),
                            "registerGifticon", "gifticonId")
            let otherToken = gateway.token(user: Int64(other.id)!)
            let third = try created(try await mutate(register, listing("콜드브루 G", base: "7000", sale: "6500", token: otherToken), token: otherToken),
                                    "registerGifticon", "gifticonId")
            let search = """
                query($token: String, $after: String, $filter: GifticonFilter, $q: String) {
                  gifticons(query: $q, filter: $filter, orderBy: PRICE_ASC, first: 2, after: $after, consistency: $token) {
                    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name price { salePrice } } }
                    nodes { id } brandFacets { brand { id name } count } categoryFacets { category { id } count } } }
                """
            reply = try await gateway.graphql(search, variables: ["token": third.token, "filter": ["categoryIds": [top.id]]])
            #expect(reply.errors.isEmpty, "\(reply.text)")
            #expect(dig(reply.data, "gifticons.totalCount") as? Int == 3, "a top-level category covers its subtree")
            #expect((dig(reply.data, "gifticons.edges") as? [[String: Any]])?.compactMap { dig($0, "node.name") as? String } == ["카페라떼 R", "아메리카노 T"])
            #expect(dig(reply.data, "gifticons.pageInfo.hasNextPage") as? Bool == true)
            #expect(dig(reply.data, "gifticons.brandFacets.0.count") as? Int == 3)
            #expect(dig(reply.data, "gifticons.brandFacets.0.brand.name") as? String == "스타벅스")
            #expect((dig(reply.data, "gifticons.categoryFacets") as? [[String: Any]])?.contains { dig($0, "category.id") as? String == top.id && $0["count"] as? Int == 3 } == true)
            let cursor = try #require(dig(reply.data, "gifticons.pageInfo.endCursor") as? String)
            reply = try await gateway.graphql(search, variables: ["after": cursor, "filter": ["categoryIds": [top.id]]])
            #expect((dig(reply.data, "gifticons.nodes") as? [[String: Any]])?.compactMap { $0["id"] as? String } == [third.id])
            #expect(dig(reply.data, "gifticons.pageInfo.hasNextPage") as? Bool == false)
            reply = try await gateway.graphql(search, variables: ["filter": ["sellerId": other.id]])
            #expect(dig(reply.data, "gifticons.totalCount") as? Int == 1)
            reply = try await gateway.graphql(search, variables: ["filter": ["minPrice": "4000", "maxPrice": "5000.00", "tags": ["따뜻한"], "status": "ON_SALE"]])
            #expect((dig(reply.data, "gifticons.nodes") as? [[String: Any]])?.compactMap { $0["id"] as? String } == [first.id], "\(reply.text)")
            reply = try await gateway.graphql(search, variables: ["q": "콜드브루"])
            #expect((dig(reply.data, "gifticons.nodes") as? [[String: Any]])?.compactMap { $0["id"] as? String } == [third.id], "\(reply.text)")

            // Batching: a page of three listings by two sellers costs one read per collection and one Redis call.
            let batched = """
                { gifticons(orderBy: NEWEST, first: 10) { nodes { id seller { id profileImageUrl createdAt ratingSummary { count } } brand { slug } } } }
                """
            let before = storeCalls(try await gateway.send("GET", path: "/metrics").text)
            reply = try await gateway.graphql(batched)
            #expect(reply.errors.isEmpty, "\(reply.text)")
            #expect((dig(reply.data, "gifticons.nodes") as? [Any])?.count == 3)
            let after = storeCalls(try await gateway.send("GET", path: "/metrics").text)
            #expect(after["search", default: 0] - before["search", default: 0] == 1)
            if !cache {
                #expect(after["mongo", default: 0] - before["mongo", default: 0] == 3, "gifticons, users, brands: one $in each")
                #expect(after["redis", default: 0] - before["redis", default: 0] == 1, "ratings of both sellers in one call")
            }

            // The auth rules.
            let buy = "mutation($input: BuyGifticonInput!) { buyGifticon(input: $input) { gifticonId receipt { consistencyToken version } } }"
            reply = try await mutate(buy, ["input": ["gifticonId": first.id]], token: nil)
            #expect(reply.codes == ["UNAUTHENTICATED"])
            reply = try await mutate(buy, ["input": ["gifticonId": first.id]], token: "not.a.token")
            #expect(reply.codes == ["UNAUTHENTICATED"])
            reply = try await mutate(buy, ["input": ["gifticonId": first.id]], token: JWTSigner(secret: "wrong").token(userID: Int64(buyer.id)!))
            #expect(reply.codes == ["UNAUTHENTICATED"])
            let cancel = "mutation($input: CancelGifticonInput!) { cancelGifticon(input: $input) { gifticonId receipt { consistencyToken } } }"
            reply = try await mutate(cancel, ["input": ["gifticonId": first.id]], token: otherToken)
            #expect(reply.codes == ["FORBIDDEN"], "someone else's listing: \(reply.text)")
            reply = try await mutate(buy, ["input": ["gifticonId": first.id]], token: sellerToken)
            #expect(reply.codes == ["FORBIDDEN"], "buying one's own listing: \(reply.text)")
            reply = try await mutate(buy, ["input": ["gifticonId": "999999"]], token: otherToken)
            #expect(reply.codes == ["NOT_FOUND"], "\(reply.text)")

            // Repricing, with bad input refused.
            let reprice = "mutation($input: ChangeGifticonPriceInput!) { changeGifticonPrice(input: $input) { gifticonId receipt { consistencyToken version } } }"
            reply = try await mutate(reprice, ["input": ["gifticonId": first.id, "price": ["basePrice": "5000", "salePrice": "lots"]]], token: sellerToken)
            #expect(reply.codes == ["BAD_USER_INPUT"])
            reply = try await mutate(reprice, ["input": ["gifticonId": first.id, "price": ["basePrice": "5000", "salePrice": "6000"]]], token: sellerToken)
            #expect(reply.codes == ["BAD_USER_INPUT"], "a sale price above the base: \(reply.text)")
            let repriced = try created(try await mutate(reprice, ["input": ["gifticonId": first.id, "price": ["basePrice": "5000", "salePrice": "4000"]]], token: sellerToken),
                                       "changeGifticonPrice", "gifticonId")
            reply = try await gateway.graphql(detail, variables: ["id": first.id, "token": repriced.token])
            #expect(dig(reply.data, "gifticon.price.discountPercentage") as? Int == 20, "\(reply.text)")

            // Buy, use, review: the seller's rating follows.
            let buyerToken = gateway.token(user: Int64(buyer.id)!)
            let bought = try created(try await mutate(buy, ["input": ["gifticonId": first.id]], token: buyerToken), "buyGifticon", "gifticonId")
            reply = try await mutate(buy, ["input": ["gifticonId": first.id]], token: otherToken)
            #expect(reply.codes == ["CONFLICT"], "already sold: \(reply.text)")
            reply = try await gateway.graphql(detail, variables: ["id": first.id, "token": bought.token])
            #expect(dig(reply.data, "gifticon.status") as? String == "SOLD_OUT")
            // The shop front: a sold listing leaves the default list, and is there when the filter names its status.
            func listed(_ filter: [String: Any]) async throws -> (total: Int?, ids: [String]) {
                let reply = try await gateway.graphql(search, variables: ["token": bought.token, "filter": filter])
                #expect(reply.errors.isEmpty, "\(filter): \(reply.text)")
                return (dig(reply.data, "gifticons.totalCount") as? Int,
                        (dig(reply.data, "gifticons.nodes") as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? [])
            }
            let everyStatus = try await listed(["categoryIds": [top.id], "statuses": ["ON_SALE", "SOLD_OUT", "USED", "EXPIRED", "DELETED"]])
            let shopFront = try await listed(["categoryIds": [top.id]])
            #expect(everyStatus.total == 3 && shopFront.total == 2, "every status \(everyStatus), shop front \(shopFront)")
            #expect(!shopFront.ids.contains(first.id))
            #expect(try await listed(["categoryIds": [top.id], "status": "SOLD_OUT"]).ids == [first.id])
            #expect(try await listed(["categoryIds": [top.id], "status": "SOLD_OUT", "statuses": ["ON_SALE"]]).total == 3)
            reply = try await gateway.graphql(search, variables: ["filter": ["statuses": [] as [String]]])
            #expect(reply.codes == ["BAD_USER_INPUT"], "no status at all: \(reply.text)")
            let use = "mutation($input: UseGifticonInput!) { useGifticon(input: $input) { gifticonId receipt { consistencyToken } } }"
            reply = try await mutate(use, ["input": ["gifticonId": first.id]], token: otherToken)
            #expect(reply.codes == ["FORBIDDEN"], "not the buyer: \(reply.text)")
            _ = try created(try await mutate(use, ["input": ["gifticonId": first.id]], token: buyerToken), "useGifticon", "gifticonId")
            let review = try created(try await mutate(
                "mutation($input: WriteReviewInput!) { writeReview(input: $input) { reviewId receipt { consistencyToken } } }",
                ["input": ["gifticonId": first.id, "rating": 4, "title": "친절한 판매자", "content": "빠른 거래 감사합니다"]], token: buyerToken),
                "writeReview", "reviewId")
            let profile = """
                query($id: ID!, $token: String) { user(id: $id, consistency: $token) { id nickname
                  ratingSummary { average count distribution { rating count } }
                  reviewsReceived { totalCount nodes { id rating title reviewer { nickname } seller { id } gifticon { name status } } } } }
                """
            reply = try await gateway.graphql(profile, variables: ["id": seller.id, "token": review.token])
            #expect(reply.errors.isEmpty, "\(reply.text)")
            #expect(dig(reply.data, "user.ratingSummary.count") as? Int == 1)
            #expect(dig(reply.data, "user.ratingSummary.average") as? Double == 4)
            #expect(dig(reply.data, "user.ratingSummary.distribution.3.count") as? Int == 1)
            #expect(dig(reply.data, "user.reviewsReceived.totalCount") as? Int == 1)
            #expect(dig(reply.data, "user.reviewsReceived.nodes.0.id") as? String == review.id)
            #expect(dig(reply.data, "user.reviewsReceived.nodes.0.reviewer.nickname") as? String == "구매자")
            #expect(dig(reply.data, "user.reviewsReceived.nodes.0.gifticon.status") as? String == "USED")
            reply = try await gateway.graphql(#"{ reviews(keyword: "친절한") { totalCount nodes { id rating } } }"#)
            #expect(dig(reply.data, "reviews.nodes.0.id") as? String == review.id, "\(reply.text)")

            // Users, the catalog and the sync's position.
            reply = try await gateway.graphql(#"{ users(keyword: "구매") { totalCount nodes { id nickname } } }"#)
            #expect(dig(reply.data, "users.totalCount") as? Int == 1, "\(reply.text)")
            #expect(dig(reply.data, "users.nodes.0.id") as? String == buyer.id)
            reply = try await gateway.graphql("{ users(first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }")
            #expect(dig(reply.data, "users.totalCount") as? Int == 3)
            #expect(dig(reply.data, "users.pageInfo.hasNextPage") as? Bool == true)
            reply = try await gateway.graphql("{ categories { id name children { id children { id name } } } }")
            #expect(dig(reply.data, "categories.0.id") as? String == top.id)
            #expect(dig(reply.data, "categories.0.children.0.children.0.name") as? String == "아메리카노")
            reply = try await gateway.graphql("{ categories(level: 3) { id parent { id } } }")
            #expect(dig(reply.data, "categories.0.parent.id") as? String == middle.id)
            reply = try await gateway.graphql("query($id: ID!) { category(id: $id) { name gifticons(status: ON_SALE) { totalCount } } }", variables: ["id": middle.id])
            #expect(dig(reply.data, "category.gifticons.totalCount") as? Int == 2, "\(reply.text)")
            reply = try await gateway.graphql("{ brands { id name slug } }")
            #expect(dig(reply.data, "brands.0.slug") as? String == "starbucks")
            reply = try await gateway.graphql("query($t: String!) { syncStatus { appliedPosition appliedAt lagMilliseconds reflects(consistencyToken: $t) } }", variables: ["t": review.token])
            #expect(dig(reply.data, "syncStatus.reflects") as? Bool == true, "\(reply.text)")
            #expect(dig(reply.data, "syncStatus.appliedPosition") is String)
            #expect((dig(reply.data, "syncStatus.appliedAt") as? String)?.hasSuffix("Z") == true, "\(reply.text)")
            #expect(dig(reply.data, "syncStatus.lagMilliseconds") is Int || dig(reply.data, "syncStatus.lagMilliseconds") is Int64, "\(reply.text)")
            let scrape = try await gateway.send("GET", path: "/metrics").text
            #expect(scrape.contains("gateway_sync_applied_lag_milliseconds"), "the sync's lag is on /metrics")
            #expect(scrape.contains("gateway_sync_since_applied_seconds"))
            // A missing gifticon is null, not an error.
            reply = try await gateway.graphql(#"{ gifticon(id: "424242") { id } }"#)
            #expect(reply.errors.isEmpty && dig(reply.data, "gifticon") is NSNull)
            // With the caches on, a repeated query is answered from the response cache with the same bytes (tried a
            // few times: the applied position may move between two requests, which empties the cache).
            if cache {
                var hit = false
                for _ in 0..<5 where !hit {
                    let first = try await gateway.graphql("{ brands { id name slug } }")
                    let before = hits(try await gateway.send("GET", path: "/metrics").text)
                    let again = try await gateway.graphql("{ brands { id name slug } }")
                    hit = hits(try await gateway.send("GET", path: "/metrics").text) == before + 1
                    if hit { #expect(again.body == first.body) }
                }
                #expect(hit, "a repeated query is a response-cache hit")
            }
        }
    }

    /// `gateway_response_cache_hits_total`.
    func hits(_ metrics: String) -> Int {
        metrics.split(separator: "\n").first { $0.hasPrefix("gateway_response_cache_hits_total ") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    /// `gateway_store_duration_seconds_count{store="..."}` by store.
    func storeCalls(_ metrics: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for line in metrics.split(separator: "\n") where line.hasPrefix("gateway_store_duration_seconds_count") {
            guard let open = line.firstIndex(of: "\""), let close = line[line.index(after: open)...].firstIndex(of: "\""),
                let value = line.split(separator: " ").last.flatMap({ Int(Double($0) ?? -1) })
            else { continue }
            out[String(line[line.index(after: open)..<close])] = value
        }
        return out
    }
}
