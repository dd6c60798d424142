import Commands
import Foundation
import JSON
import ReadModels
import Testing
import Stores
@testable import Sync
import Testing

/// The search indexes, projected through MongoDB from the command side's real schema, on the stack's search server.
@Suite struct SearchProjectionTests {
    let settings = StoreSettings.fromEnvironment()

    private func ids(_ answer: JSONValue) -> [String] {
        (answer["hits"]?["hits"]?.arrayValue ?? []).compactMap { $0["_id"]?.stringValue }.sorted()
    }

    /// A snapshot over existing read models sees a deleted row only as its absence: the entry of a document that is
    /// gone leaves the index (the Kafka crash test's relay, starting over from a new slot, left one behind).
    @Test func aSnapshotRemovesTheEntriesOfDocumentsThatAreGone() async throws {
        let name = "search_stale_\(UInt32.random(in: 0...UInt32.max))"
        let mongo = MongoClient(uri: settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression))
        let search = SearchClient(baseURL: settings.searchURL)
        let indexes = SearchIndexes(prefix: "\(name)_")
        try await indexes.ensure(search)
        let projector = SearchProjector(mongo: mongo, search: search, indexes: indexes, refresh: true)
        for id in 1...3 {
            _ = try await mongo.update(MongoCollections.gifticons, filter: [DocumentKey.id: .int(id)],
                                       update: ["$set": [GifticonDocument.name: .string("item \(id)")]], upsert: true)
        }
        try await projector.snapshotApplied(at: LSN(100))
        try await search.refresh(indexes.gifticons)
        #expect(ids(try await search.search(indexes.gifticons, query: ["query": ["match_all": [:]]])) == ["1", "2", "3"])

        try await mongo.delete(MongoCollections.gifticons, filter: [DocumentKey.id: 2])
        try await projector.snapshotApplied(at: LSN(200))
        try await search.refresh(indexes.gifticons)
        #expect(ids(try await search.search(indexes.gifticons, query: ["query": ["match_all": [:]]])) == ["1", "3"])

        // The chunked snapshot's end: entries were written chunk by chunk; only the stale ones go.
        try await mongo.delete(MongoCollections.gifticons, filter: [DocumentKey.id: 3])
        try await projector.snapshotCompleted(since: LSN(300))
        try await search.refresh(indexes.gifticons)
        #expect(ids(try await search.search(indexes.gifticons, query: ["query": ["match_all": [:]]])) == ["1"])

        _ = try await mongo.command(["dropDatabase": 1])
        try await search.deleteIndex(indexes.gifticons)
        try await search.deleteIndex(indexes.reviews)
    }

    @Test func indexFollowsPricesTagsStatusRenamesAndDeletes() async throws {
        let database = try await MigratedTestDatabase(prefix: "search_test")
        defer { database.drop() }
        let (name, url, slot, client) = (database.name, database.url, database.slot, database.client)
        let db = try PostgresConnection(url: url)
        try db.execute("""
            INSERT INTO users (id, username, nickname) VALUES (1, 'seller1', '판매왕'), (2, 'buyer2', '구매자');
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks'), (11, '투썸', 'twosome');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe'), (101, 100, 2, '커피', 'coffee');
            INSERT INTO tags (id, name, slug) VALUES (1000, 'americano', 'americano'), (1001, 'cake', 'cake');
            INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date)
                VALUES (5, 1, 10, 101, 'Iced Americano Tall', 'americano-t', 'cold coffee', '2030-01-01'),
                       (6, 1, 11, 100, 'Strawberry Cake', 'cake', 'a whole cake', '2030-06-01');
            INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES (5, 5000.00, 4500.00), (6, 30000.00, 25000.00);
            INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (5, 1000), (6, 1001);
            """)

        let mongoURI = database.mongoURI
        let mongo = MongoClient(uri: mongoURI, maxConnections: 4)
        let search = SearchClient(baseURL: settings.searchURL)
        let indexes = SearchIndexes(prefix: "\(name)_")
        try await indexes.ensure(search)
        let projector = SequentialProjectors([
            DocumentProjector(mongo: mongo), SearchProjector(mongo: mongo, search: search, indexes: indexes, refresh: true),
        ])
        let tables = ["users", "brands", "categories", "tags", "gifticons", "gifticon_prices", "gifticon_images", "gifticon_tags", "reviews"]
        let stream = ChangeStream(url: url, slot: slot, publication: "gifticon_changes", tables: tables, projectors: [projector])

        // Written once the stream has started, so these commits are streamed, not snapshotted.
        let writes: @Sendable () async throws -> Void = {
            let db = try PostgresConnection(url: url)
            try db.execute("UPDATE gifticon_prices SET sale_price = 3000.00 WHERE gifticon_id = 5")
            try db.execute("UPDATE tags SET name = 'iced-americano' WHERE id = 1000")
            try db.execute("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = 2 WHERE id = 5")
            try db.execute("DELETE FROM gifticon_tags WHERE gifticon_id = 6; DELETE FROM gifticon_prices WHERE gifticon_id = 6; DELETE FROM gifticons WHERE id = 6")
        }
        try await stream.run(stopAfter: 4, onStreaming: writes)

        let index = indexes.gifticons
        let all = try await search.search(index, query: ["query": ["match_all": [:]]])
        #expect(ids(all) == ["5"], "the deleted gifticon left the index")
        let entry = try #require(all["hits"]?["hits"]?[0]?["_source"])
        #expect(entry["status"] == "SOLD_OUT")
        #expect(entry["salePriceCents"] == 300000)
        #expect(entry["tags"] == ["iced-americano"], "a tag rename reaches the index")
        #expect(entry["categoryIds"] == [100, 101], "category ids include the ancestors")
        #expect(entry["brandId"] == 10 && entry["sellerId"] == 1)

        #expect(ids(try await search.search(index, query: ["query": ["match": ["name": "americano"]]])) == ["5"])
        #expect(ids(try await search.search(index, query: ["query": ["term": ["tags": "iced-americano"]]])) == ["5"])
        #expect(ids(try await search.search(index, query: ["query": ["term": ["categoryIds": 100]]])) == ["5"])
        #expect(ids(try await search.search(index, query: ["query": ["range": ["salePriceCents": ["lte": 300000]]]])) == ["5"])
        #expect(ids(try await search.search(index, query: ["query": ["range": ["salePriceCents": ["lt": 300000]]]])) == [])

        // Each write's version is its transaction's WAL position; an older change arriving late (a replay) is
        // refused by the external version: the stored version stays.
        let stored = try await search.request("GET", "/\(index)/_doc/5")
        let version = try #require(stored["_version"]?.int64)
        #expect(version > 1_000)
        try await mongo.update("gifticons", filter: ["_id": 5], update: ["$set": ["status": "ON_SALE"]])
        let stale = CommittedTransaction(xid: 1, commitLSN: .init(1), endLSN: .init(1), commitTimeMicros: 0, changes: [
            RowChange(schema: "public", table: "gifticons", operation: .update, before: nil, after: [
                .init(name: "id", typeOID: PostgresType.int8, value: "5"),
            ]),
        ])
        try await SearchProjector(mongo: mongo, search: search, indexes: indexes, refresh: true).apply(stale)
        let after = try await search.request("GET", "/\(index)/_doc/5")
        #expect(after["_version"]?.int64 == version)
        #expect(after["_source"]?["status"] == "SOLD_OUT", "the stale write did not land")

        try await search.deleteIndex(indexes.gifticons)
        try await search.deleteIndex(indexes.reviews)
        _ = try? await mongo.command(["dropDatabase": 1])
        await mongo.shutdown()
        await search.shutdown()
        await client.shutdown()
    }

    @Test func indexEntryTakesExactCentsAncestorsAndSearchTokens() {
        let entry = SearchProjector.gifticonEntry([
            "_id": 42, "name": "달빛커피 Tall-2", "description": "선물해보세요.", "categoryId": 7, "category": ["ancestorIds": [1, 3]],
            "brand": ["id": 9, "name": "별빛"], "price": ["salePrice": "4500.5"],
            "tags": [["id": 1, "name": "할인"], ["id": 2, "name": .null]],
        ], categoryNames: [1: "식음료", 3: "커피/차", 7: "아메리카노"])
        #expect(entry["id"] == 42)
        #expect(entry["categoryIds"] == [1, 3, 7])
        #expect(entry["categoryId"] == 7)
        #expect(entry["salePriceCents"] == 450050)
        #expect(entry["tags"] == ["할인"])
        #expect(entry["nameWords"] == ["2", "tall", "달빛커피"])
        let substrings = Set(entry["substrings"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        // Inside a compound, a prefix, Latin lowercased, the description, the brand, the category path and the tags.
        for expected in ["커피", "달빛", "빛커", "tal", "선물", "별빛", "식음료", "차", "아메리", "할인"] {
            #expect(substrings.contains(expected), "\(expected) is searchable")
        }
        #expect(!substrings.contains("커피 "), "no token spans a word boundary")
        #expect(entry["namePrefixes"]?.arrayValue?.contains("달빛커") == true)
        #expect(entry["namePrefixes"]?.arrayValue?.contains("커피") == false, "a substring that is no prefix")
        #expect(entry["labelWords"]?.arrayValue?.contains("커피") == true, "커피/차 is two words")
        #expect(entry["labelWords"] == ["별빛", "식음료", "아메리카노", "차", "커피"], "the brand and the category path")
        #expect(entry["tagWords"] == ["할인"])
    }
}
