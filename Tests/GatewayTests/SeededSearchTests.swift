import Foundation
import Seeding
import Stores
import Testing

/// Search and paging over the seeded marketplace (10,000 gifticons, 2,000 users, ~4,000 reviews with Korean text),
/// carried into the read models by the sync's snapshot. Every expectation is computed from the command database's
/// rows (plain substring tests and counts in SQL), never from the gateway's own answers.
@Suite(.serialized) struct SeededSearchTests {
    @Test func koreanSearchPagingAndFacetsOverTheSeededMarketplace() async throws {
        try await withGateway(sync: true, configure: {
            $0.consistencyTimeout = .seconds(60); $0.requestTimeout = .seconds(60)
        }, prepare: { url in
            let database = PostgresClient(url: url, maxConnections: 1)
            _ = try await Seeder(database: database).run()   // dated from today: its ON_SALE listings are buyable
            await database.shutdown()
        }) { gateway in
            let database = PostgresClient(url: try #require(gateway.databaseURL), maxConnections: 2)
            defer { Task { await database.shutdown() } }
            try await waitForSnapshot(gateway)
            // First a registration and a purchase between two pages; they also take the listings past 10,000.
            try await writesBetweenPages(gateway, try await SeededRows.load(database))
            let rows = try await SeededRows.load(database)
            #expect(rows.byId.count > 10_000)

            try await koreanQueries(gateway, rows)
            try await wholeWordsRankFirst(gateway, rows)
            try await everyListingOnceForwardAndBackward(gateway, rows)
            try await facetsAddUp(gateway, rows)
            try await cursorsStayInTheirList(gateway)
            try await reviewsAndUsers(gateway, database)
        }
    }

    /// The snapshot is in once the sync publishes its first applied position.
    func waitForSnapshot(_ gateway: GatewayHarness) async throws {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            let reply = try await gateway.graphql("{ syncStatus { appliedPosition } }")
            if dig(reply.data, "syncStatus.appliedPosition") is String { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw HarnessError("the snapshot of the seeded marketplace did not finish within 10 minutes")
    }

    // MARK: Korean text

    /// At least 20 queries a Korean shopper types: compounds, prefixes, categories, brands, tags, Latin and digits,
    /// several words, and words found nowhere. Each query's hits must be exactly the ON_SALE listings whose text
    /// (name, description, brand, category path, tags) contains every word.
    func koreanQueries(_ gateway: GatewayHarness, _ rows: SeededRows) async throws {
        let queries = [
            "커피", "아메리", "아메리카노", "디저트", "달빛커피", "달빛커피 아메리카노", "라떼", "케이크", "아이스", "버거",
            "빛", "선물", "1만원권", "만원", "상품권", "백화점", "게임", "ott", "OTT", "기프티콘", "할인", "프리미엄",
            "편의점", "커피 할인", "없는말", "커피 없는말", "커피".decomposedStringWithCanonicalMapping,
        ]
        var nonEmpty = 0
        for query in queries {
            let expected = rows.onSale(matching: query)
            let found = try await walk(gateway, "gifticons(query: $q, first: 100, after: $after)", variables: ["q": query])
            #expect(found.ids.count == Set(found.ids).count, "\(query): no listing twice")
            #expect(Set(found.ids) == expected, "\(query): \(found.ids.count) hits, \(expected.count) expected; missing \(expected.subtracting(found.ids).prefix(5)), extra \(Set(found.ids).subtracting(expected).prefix(5))")
            #expect(found.total == expected.count, "\(query): totalCount")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 20, "the table exercises at least 20 queries with hits")
    }

    /// Relevance: listings whose name has the query as a whole word come before those that only contain it.
    func wholeWordsRankFirst(_ gateway: GatewayHarness, _ rows: SeededRows) async throws {
        for query in ["버거", "치킨"] {
            let found = try await walk(gateway, "gifticons(query: $q, first: 100, after: $after)", variables: ["q": query])
            let whole = found.ids.map { rows.byId[$0]!.nameWords.contains(query) }
            let firstPartial = whole.firstIndex(of: false) ?? whole.count
            #expect(whole.filter { $0 }.count > 0 && firstPartial < whole.count, "\(query): both kinds of hits exist")
            #expect(!whole[firstPartial...].contains(true), "\(query): every whole-word hit ranks above every partial one")
        }
    }

    // MARK: Paging

    static let allStatuses = ["ON_SALE", "SOLD_OUT", "USED", "EXPIRED", "DELETED"]

    /// Every listing in every status, 100 at a time, past the search server's 10,000-hit window, in every order;
    /// then backward from the end with `last`/`before`, which must give the same list.
    func everyListingOnceForwardAndBackward(_ gateway: GatewayHarness, _ rows: SeededRows) async throws {
        let filter: [String: Any] = ["statuses": Self.allStatuses]
        for order in ["NEWEST", "PRICE_ASC", "DUE_DATE_ASC"] {
            let forward = try await walk(gateway, "gifticons(filter: $f, orderBy: \(order), first: 100, after: $after)", variables: ["f": filter],
                                         types: "$f: GifticonFilter")
            #expect(forward.ids.count == rows.byId.count, "\(order): \(forward.ids.count) of \(rows.byId.count) listings reached")
            #expect(Set(forward.ids) == Set(rows.byId.keys), "\(order): each listing once")
            #expect(forward.total == rows.byId.count)
            if order == "NEWEST" {
                let times = forward.ids.map { rows.byId[$0]!.createdAt }
                #expect(zip(times, times.dropFirst()).allSatisfy { $0 >= $1 }, "newest first")
                let backward = try await walk(gateway, "gifticons(filter: $f, orderBy: \(order), last: 100, before: $after)",
                                              variables: ["f": filter], types: "$f: GifticonFilter", backward: true)
                #expect(backward.ids == forward.ids, "last/before reads the same list from its end")
            }
        }
    }

    // MARK: Facets

    func facetsAddUp(_ gateway: GatewayHarness, _ rows: SeededRows) async throws {
        let query = """
            query($f: GifticonFilter) { gifticons(filter: $f, first: 1) {
              totalCount brandFacets { brand { id } count } brandFacetsOmittedCount
              top: categoryFacets(level: 1) { category { id } count } all: categoryFacets { category { id } count }
              categoryFacetsOmittedCount statusFacets { status count } } }
            """
        let reply = try await gateway.graphql(query, variables: ["f": ["statuses": Self.allStatuses]])
        #expect(reply.errors.isEmpty, "\(reply.text)")
        let total = try #require(dig(reply.data, "gifticons.totalCount") as? Int)
        #expect(total == rows.byId.count)
        func counts(_ path: String, _ key: String) -> [String: Int] {
            var found: [String: Int] = [:]
            for facet in dig(reply.data, path) as? [[String: Any]] ?? [] {
                if let id = dig(facet, key) as? String, let count = facet["count"] as? Int { found[id] = count }
            }
            return found
        }
        let brands = counts("gifticons.brandFacets", "brand.id")
        #expect(brands == rows.countBy { String($0.brandId) }, "each brand, counted exactly")
        #expect(brands.values.reduce(0, +) == total && dig(reply.data, "gifticons.brandFacetsOmittedCount") as? Int == 0)
        let statuses = counts("gifticons.statusFacets", "status")
        #expect(statuses == rows.countBy(\.status), "each status")
        let top = counts("gifticons.top", "category.id")
        #expect(top.values.reduce(0, +) == total, "level 1 counts add up")
        #expect(top == rows.countBy { String($0.categoryPath[0]) })
        let all = counts("gifticons.all", "category.id")
        #expect(all.count == rows.countByEachCategory().count && all == rows.countByEachCategory(), "every category with its subtree")
        #expect(dig(reply.data, "gifticons.categoryFacetsOmittedCount") as? Int == 0)

        // The list page of the original load test: a Korean word, a price window and a brand, with exact totals.
        let listPage = try await gateway.graphql("""
            query { gifticons(query: "커피", filter: {minPrice: "1000", maxPrice: "30000", brandIds: [4]}, first: 20) {
              totalCount brandFacets { count } } }
            """)
        let expected = rows.onSale(matching: "커피").filter { rows.byId[$0]!.brandId == 4 && (100_000...3_000_000).contains(rows.byId[$0]!.saleCents) }
        #expect(dig(listPage.data, "gifticons.totalCount") as? Int == expected.count, "\(listPage.text)")
    }

    /// A cursor only continues the list it came from: another list, order, query or filter is BAD_USER_INPUT naming it.
    func cursorsStayInTheirList(_ gateway: GatewayHarness) async throws {
        let page = try await gateway.graphql(#"{ gifticons(query: "커피", first: 2) { pageInfo { endCursor } } users(first: 1) { pageInfo { endCursor } } }"#)
        let cursor = try #require(dig(page.data, "gifticons.pageInfo.endCursor") as? String, "\(page.text)")
        let userCursor = try #require(dig(page.data, "users.pageInfo.endCursor") as? String)
        let misuses: [(String, String)] = [
            (#"{ gifticons(query: "커피", orderBy: NEWEST, first: 2, after: "\#(cursor)") { totalCount } }"#, "after"),
            (#"{ gifticons(query: "라떼", first: 2, after: "\#(cursor)") { totalCount } }"#, "after"),
            (#"{ gifticons(first: 2, after: "\#(userCursor)") { totalCount } }"#, "after"),
            (#"{ users(first: 2, after: "\#(cursor)") { totalCount } }"#, "after"),
            (#"{ gifticons(query: "커피", last: 2, before: "b2Zmc2V0OjEw") { totalCount } }"#, "before"),
            (#"{ gifticons(first: 2, after: "\#(String(repeating: "A", count: 5_000))") { totalCount } }"#, "after"),
            (#"{ gifticons(first: 2, last: 2) { totalCount } }"#, "last"),
            (#"{ gifticons(query: "커피", first: 2, before: "\#(cursor)") { totalCount } }"#, "before"),
            (#"{ gifticons(query: "\#((1...11).map { "커피\($0)" }.joined(separator: " "))") { totalCount } }"#, "query"),
        ]
        for (query, field) in misuses {
            let reply = try await gateway.graphql(query)
            #expect(reply.codes == ["BAD_USER_INPUT"], "\(query.prefix(120)): \(reply.text.prefix(300))")
            #expect((reply.errors.first?["extensions"] as? [String: Any])?["field"] as? String == field, "\(reply.text.prefix(300))")
        }
        let same = try await gateway.graphql(#"{ gifticons(query: "커피", first: 2, after: "\#(cursor)") { edges { cursor } } }"#)
        #expect(same.errors.isEmpty && (dig(same.data, "gifticons.edges") as? [Any])?.count == 2, "the same list continues: \(same.text)")
    }

    /// Reviews by keyword and every user by id, each once, checked against the rows.
    func reviewsAndUsers(_ gateway: GatewayHarness, _ database: PostgresClient) async throws {
        let reviewRows = try await database.query("SELECT id, lower(coalesce(title, '') || ' ' || coalesce(content, '')) FROM reviews")
        for keyword in ["만족", "추천", "선물용", "재구매 의사"] {
            let words = keyword.split(separator: " ").map(String.init)
            let expected = Set(reviewRows.rows.filter { row in words.allSatisfy { row[1]!.contains($0) } }.map { Int64($0[0]!)! })
            let found = try await walk(gateway, "reviews(keyword: $q, first: 100, after: $after)", variables: ["q": keyword])
            #expect(Set(found.ids) == expected && found.ids.count == expected.count, "reviews \(keyword): \(found.ids.count) of \(expected.count)")
        }
        let userCount = Int(try await database.query("SELECT count(*) FROM users").rows[0][0]!)!
        let users = try await walk(gateway, "users(first: 100, after: $after)", variables: [:])
        #expect(users.ids == users.ids.sorted() && users.ids.count == userCount && Set(users.ids).count == userCount, "users by id, each once")
        let back = try await walk(gateway, "users(last: 100, before: $after)", variables: [:], backward: true)
        #expect(back.ids == users.ids)
    }

    /// A listing registered and another bought between two pages: the walk neither repeats nor skips an item that was
    /// on sale before and still is.
    func writesBetweenPages(_ gateway: GatewayHarness, _ rows: SeededRows) async throws {
        let seller = rows.byId.values.first { $0.status == "ON_SALE" }!.sellerId
        var seen: [Int64] = []
        var after: String?
        var token: String?
        var pages = 0
        repeat {
            let reply = try await gateway.graphql("""
                query($after: String, $t: String) { gifticons(first: 100, after: $after, consistency: $t) {
                  pageInfo { hasNextPage endCursor } nodes { id } } }
                """, variables: ["after": after as Any, "t": token as Any])
            #expect(reply.errors.isEmpty, "\(reply.text.prefix(300))")
            seen += (dig(reply.data, "gifticons.nodes") as? [[String: Any]] ?? []).compactMap { ($0["id"] as? String).flatMap { Int64($0) } }
            after = dig(reply.data, "gifticons.pageInfo.endCursor") as? String
            pages += 1
            if pages == 1 {
                // Newest first: a new listing goes before page 1, and one already shown is bought (offsets would shift).
                let register = try await gateway.graphql("""
                    mutation($input: RegisterGifticonInput!) { registerGifticon(input: $input) { receipt { consistencyToken } } }
                    """, variables: ["input": ["brandId": "1", "categoryId": String(rows.leafCategory), "name": "새 상품 커피", "dueDate": "2030-01-01",
                                               "description": "방금 올린 상품", "price": ["basePrice": "5000", "salePrice": "4000"],
                                               "images": [["url": "https://img/new.png"]]]], token: gateway.token(user: seller))
                #expect(register.errors.isEmpty, "\(register.text)")
                let buyer = rows.byId[seen[1]]?.sellerId == 1 ? 2 : 1
                let bought = try await gateway.graphql("""
                    mutation($input: BuyGifticonInput!) { buyGifticon(input: $input) { receipt { consistencyToken } } }
                    """, variables: ["input": ["gifticonId": String(seen[1])]], token: gateway.token(user: Int64(buyer)))
                #expect(bought.errors.isEmpty, "\(bought.text)")
                token = dig(bought.data, "buyGifticon.receipt.consistencyToken") as? String
            }
        } while after != nil && pages < 200
        let onSaleBefore = Set(rows.byId.values.filter { $0.status == "ON_SALE" }.map(\.id))
        #expect(seen.count == Set(seen).count, "no listing twice across a write")
        #expect(Set(seen) == onSaleBefore, "every listing on sale before the writes, once (the bought one was already shown)")
    }

    // MARK: Walking a connection

    struct Walk {
        var ids: [Int64] = []
        var total: Int?
    }

    /// Every node id of a connection, page by page (`$after` carries the cursor; backward, `startCursor`).
    func walk(_ gateway: GatewayHarness, _ field: String, variables: [String: Any], types: String = "$q: String",
              backward: Bool = false) async throws -> Walk {
        var result = Walk()
        var cursor: String?
        var chunks: [[Int64]] = []
        for _ in 0..<500 {
            var values = variables
            values["after"] = cursor as Any
            let declarations = variables.isEmpty ? "$after: String" : "\(types), $after: String"
            let reply = try await gateway.graphql("""
                query(\(declarations)) { list: \(field) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } } }
                """, variables: values)
            #expect(reply.errors.isEmpty, "\(field): \(reply.text.prefix(300))")
            guard reply.errors.isEmpty else { break }
            result.total = dig(reply.data, "list.totalCount") as? Int
            chunks.append((dig(reply.data, "list.nodes") as? [[String: Any]] ?? []).compactMap { ($0["id"] as? String).flatMap { Int64($0) } })
            let more = dig(reply.data, backward ? "list.pageInfo.hasPreviousPage" : "list.pageInfo.hasNextPage") as? Bool ?? false
            cursor = dig(reply.data, backward ? "list.pageInfo.startCursor" : "list.pageInfo.endCursor") as? String
            if !more || cursor == nil { break }
        }
        result.ids = (backward ? chunks.reversed() : chunks).flatMap { $0 }
        return result
    }
}

/// The seeded listings as the command database holds them, with the text a shopper's words are looked for in.
struct SeededRows {
    struct Listing {
        let id: Int64
        let status: String
        let brandId: Int64
        let sellerId: Int64
        let saleCents: Int
        let createdAt: String
        /// Top level first.
        let categoryPath: [Int64]
        let nameWords: [String]
        /// Name, description, brand, category path and tags, lowercased.
        let text: String
    }

    let byId: [Int64: Listing]
    let leafCategory: Int64

    static func load(_ database: PostgresClient) async throws -> SeededRows {
        let result = try await database.query("""
            SELECT g.id, g.status, g.brand_id, g.seller_id, (p.sale_price * 100)::bigint, to_char(g.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                   concat_ws(',', gp.id, c1.id, c.id), g.name,
                   lower(concat_ws(' ', g.name, g.description, b.name, gp.name, c1.name, c.name,
                         (SELECT string_agg(t.name, ' ') FROM gifticon_tags gt JOIN tags t ON t.id = gt.tag_id WHERE gt.gifticon_id = g.id)))
            FROM gifticons g JOIN brands b ON b.id = g.brand_id JOIN categories c ON c.id = g.category_id
            LEFT JOIN categories c1 ON c1.id = c.parent_id LEFT JOIN categories gp ON gp.id = c1.parent_id
            LEFT JOIN gifticon_prices p ON p.gifticon_id = g.id
            """)
        var byId: [Int64: Listing] = [:]
        for row in result.rows {
            let id = Int64(row[0]!)!
            byId[id] = Listing(id: id, status: row[1]!, brandId: Int64(row[2]!)!, sellerId: Int64(row[3]!)!, saleCents: Int(row[4] ?? "0")!,
                               createdAt: row[5]!, categoryPath: row[6]!.split(separator: ",").compactMap { Int64($0) },
                               nameWords: row[7]!.split(separator: " ").map(String.init), text: row[8]!)
        }
        let leaf = Int64(try await database.query("SELECT min(id) FROM categories WHERE level = 3").rows[0][0]!)!
        return SeededRows(byId: byId, leafCategory: leaf)
    }

    /// ON_SALE listings whose text contains every word of `query` (words split on spaces, compared in lower case).
    func onSale(matching query: String) -> Set<Int64> {
        let words = query.precomposedStringWithCanonicalMapping.lowercased().split(separator: " ").map(String.init)
        return Set(byId.values.filter { listing in listing.status == "ON_SALE" && words.allSatisfy { listing.text.contains($0) } }.map(\.id))
    }

    func countBy(_ key: (Listing) -> String) -> [String: Int] {
        byId.values.reduce(into: [:]) { $0[key($1), default: 0] += 1 }
    }

    /// Each category with the listings in its subtree.
    func countByEachCategory() -> [String: Int] {
        byId.values.reduce(into: [:]) { counts, listing in
            for id in listing.categoryPath { counts[String(id), default: 0] += 1 }
        }
    }
}
