import Commands
import Foundation
import JSON
import Logging
import ReadModels
import Stores
@testable import Sync
import Synchronization
import Testing

/// `gifticon sync rebuild` gives the same read models as the incremental stream; poison changes become dead letters.
@Suite struct RebuildAndDeadLetterTests {
    let settings = StoreSettings.fromEnvironment()

    /// A document without the sync's bookkeeping, with embedded lists in a stable order (readers sort them) and its
    /// fields in name order (readers address them by name; a registration written as one statement lists its price
    /// and lists where a snapshot's later statements append them).
    static func comparable(_ document: JSONValue) -> JSONValue {
        guard case .object(let fields) = document else { return document }
        return .object(JSONObject(fields.filter { !$0.0.hasPrefix("_") || $0.0 == "_id" }.sorted { $0.0 < $1.0 }.map { key, value -> (String, JSONValue) in
            if (key == "images" || key == "tags"), let items = value.arrayValue {
                return (key, .array(items.sorted { ($0["id"]?.int64 ?? 0) < ($1["id"]?.int64 ?? 0) }))
            }
            return (key, value)
        }))
    }

    func snapshot(_ pipeline: SyncPipeline, sellers: [String] = ["1", "3"]) async throws -> [String: [JSONValue]] {
        var models: [String: [JSONValue]] = [:]
        for collection in MongoCollections.all where collection != MongoCollections.deadLetters {
            models["mongo." + collection] = try await pipeline.mongo.find(collection, filter: [:], options: ["sort": ["_id": 1]]).map(Self.comparable)
        }
        for index in [pipeline.indexes.gifticons, pipeline.indexes.reviews] {
            try await pipeline.search.refresh(index)
            let answer = try await pipeline.search.search(index, query: ["query": ["match_all": [:]], "size": 1_000, "sort": [["_id": "asc"]]])
            models["search." + index] = (answer["hits"]?["hits"]?.arrayValue ?? []).map { ["id": $0["_id"] ?? .null, "source": $0["_source"] ?? .null] }
        }
        for seller in sellers {
            let fields = try await pipeline.redis.command("HGETALL", pipeline.keys.sellerRating(seller)).array ?? []
            let pairs = stride(from: 0, to: fields.count - 1, by: 2).map { "\(fields[$0].string ?? "")=\(fields[$0 + 1].string ?? "")" }
            models["redis.rating." + seller] = pairs.sorted().map { .string($0) }
        }
        return models
    }

    @Test func rebuiltReadModelsEqualTheIncrementalOnes() async throws {
        let database = try await MigratedTestDatabase(prefix: "rebuild_test")
        defer { database.drop() }
        let (name, url, slot, client) = (database.name, database.url, database.slot, database.client)
        let db = try PostgresConnection(url: url)
        try db.execute("""
            INSERT INTO users (id, username, nickname) VALUES (1, 'seller1', '판매왕'), (2, 'buyer2', '구매자'), (3, 'seller3', '셋');
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe'), (101, 100, 2, '커피', 'coffee');
            INSERT INTO tags (id, name, slug) VALUES (1000, 'americano', 'americano'), (1001, 'latte', 'latte');
            INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date)
                VALUES (5, 1, 10, 101, 'Americano', 'americano', 'hot', '2030-01-01'),
                       (6, 3, 10, 100, 'Latte', 'latte', 'milk', '2030-01-01'),
                       (7, 3, 10, 101, 'Mocha', 'mocha', 'sweet', '2030-01-01');
            INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES (5, 5000, 4500), (6, 6000, 5000), (7, 7000, 7000);
            INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (50, 5, 'https://img/5a.png', 1, true);
            INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (5, 1000), (6, 1001);
            """)
        let mongoURI = database.mongoURI
        let pipeline = SyncPipeline(
            databaseURL: url, slot: slot, mongo: MongoClient(uri: mongoURI, maxConnections: 4), search: SearchClient(baseURL: settings.searchURL),
            redis: RedisClient(url: settings.redisURL), indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"))

        // Written once the stream has started, so these commits are streamed, not snapshotted.
        let writes: @Sendable () async throws -> Void = {
            let db = try PostgresConnection(url: url)
            try db.execute("UPDATE brands SET name = '스타벅스 코리아' WHERE id = 10")
            try db.execute("UPDATE users SET nickname = '판매여왕' WHERE id = 1")
            try db.execute("UPDATE tags SET name = 'iced-americano' WHERE id = 1000")
            try db.execute("UPDATE gifticon_prices SET sale_price = 4000 WHERE gifticon_id = 5")
            try db.execute("INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (51, 5, 'https://img/5b.png', 2, false)")
            try db.execute("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = 2 WHERE id = 6")
            // Two writes to one row in one transaction: the second is not a replay of the first.
            try db.execute("UPDATE gifticons SET description = 'first' WHERE id = 5; UPDATE gifticons SET description = 'second' WHERE id = 5")
            try db.execute("INSERT INTO reviews (id, gifticon_id, user_id, seller_id, rating, title, content) VALUES (900, 6, 2, 3, 4, 'good', 'tasty latte')")
            try db.execute("DELETE FROM gifticon_tags WHERE gifticon_id = 7; DELETE FROM gifticon_prices WHERE gifticon_id = 7; DELETE FROM gifticons WHERE id = 7")
            // One statement per gifticon where rows join (GifticonFolds): a registration with its price, images and
            // tags; a reprice written twice; a price deleted and written again (no join); a registration whose image
            // comes and goes in the same transaction (its lists do not join).
            try db.execute("""
                INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date) VALUES (8, 1, 10, 101, 'Tea', 'tea', 'green', '2030-01-01');
                INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES (8, 3000, 2500);
                INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (80, 8, 'https://img/8a.png', 1, true), (81, 8, 'https://img/8b.png', 2, false);
                INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (8, 1001), (8, 1000)
                """)
            try db.execute("UPDATE gifticon_prices SET sale_price = 4900 WHERE gifticon_id = 6; UPDATE gifticons SET version = version + 1 WHERE id = 6; UPDATE gifticon_prices SET sale_price = 4800 WHERE gifticon_id = 6")
            try db.execute("UPDATE gifticons SET version = version + 1 WHERE id = 5; DELETE FROM gifticon_prices WHERE gifticon_id = 5; INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES (5, 5000, 3900)")
            try db.execute("""
                INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date) VALUES (9, 3, 10, 100, 'Juice', 'juice', 'orange', '2030-01-01');
                INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (90, 9, 'https://img/9a.png', 1, true), (91, 9, 'https://img/9b.png', 2, false);
                DELETE FROM gifticon_images WHERE id = 90;
                INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (9, 1000)
                """)
        }
        try await pipeline.stream().run(stopAfter: 13, onStreaming: writes)
        let incremental = try await snapshot(pipeline)
        #expect(incremental["mongo.gifticons"]?.count == 4)
        #expect(incremental["mongo.gifticons"]?.first?["description"] == "second")
        #expect(incremental["mongo.reviews"]?.count == 1)
        #expect(incremental["search.\(name)_gifticons"]?.count == 4)
        let gifticon = { (id: Int) in incremental["mongo.gifticons"]?.first { $0["_id"] == .int(id) } }
        #expect(gifticon(8)?["images"]?.arrayValue?.count == 2 && gifticon(8)?["tags"]?.arrayValue?.count == 2)
        #expect(gifticon(8)?["tags"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["iced-americano", "latte"])
        #expect(gifticon(8)?["price"]?["salePrice"] == "2500.00")
        #expect(gifticon(6)?["price"]?["salePrice"] == "4800.00")
        #expect(gifticon(5)?["price"]?["salePrice"] == "3900.00")
        #expect(gifticon(9)?["images"]?.arrayValue?.map { $0["id"] } == [91] && gifticon(9)?["price"] == nil)
        #expect(incremental["redis.rating.3"]?.isEmpty == false)

        try await pipeline.resetReadModels()
        let emptied = try await pipeline.mongo.find("gifticons", filter: [:])
        #expect(emptied.isEmpty)
        try await pipeline.stream().run(stopAfter: 0)  // the snapshot only
        let rebuilt = try await snapshot(pipeline)
        for key in incremental.keys.sorted() {
            #expect(rebuilt[key] == incremental[key], "\(key) differs after the rebuild")
        }

        try await pipeline.dropTestReadModels()
        await client.shutdown()
    }

    /// A projector that cannot handle one table's rows (as a bug or a malformed row would make it).
    struct PoisonedProjector: Projector {
        let name = "poisoned"
        let mongo: MongoClient
        struct Poison: Error {}
        func apply(_ transaction: CommittedTransaction) async throws {
            for change in transaction.changes {
                if change.table == "tags" { throw Poison() }
                _ = try await mongo.update("applied", filter: ["_id": .string(change.table)], update: ["$inc": ["n": 1]], upsert: true)
            }
        }
    }

    @Test func poisonChangesGoToTheDeadLettersAndTheRestLands() async throws {
        let mongoURI = settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/dead_\(UInt32.random(in: 0...UInt32.max))$1", options: .regularExpression)
        let mongo = MongoClient(uri: mongoURI, maxConnections: 2)
        let counted = Mutex<[String]>([])
        let metrics = SyncMetrics(deadLetterObserver: { projector in counted.withLock { $0.append(projector) } })
        let guarded = DeadLetters(mongo: mongo, logger: Logger(label: "test"), metrics: metrics).guarding(PoisonedProjector(mongo: mongo))
        func column(_ name: String, _ value: String) -> RowChange.Column { .init(name: name, typeOID: PostgresType.int8, value: value) }
        let transaction = CommittedTransaction(xid: 7, commitLSN: .init(100), endLSN: .init(120), commitTimeMicros: 0, changes: [
            RowChange(schema: "public", table: "brands", operation: .create, before: nil, after: [column("id", "1")]),
            RowChange(schema: "public", table: "tags", operation: .create, before: nil, after: [column("id", "2")]),
            RowChange(schema: "public", table: "users", operation: .create, before: nil, after: [column("id", "3")]),
        ])
        try await guarded.apply(transaction)
        try await guarded.apply(transaction)  // a replay: still one letter
        let letters = try await mongo.find(MongoCollections.deadLetters, filter: [:])
        #expect(letters.count == 1)
        #expect(letters.first?["table"] == "tags")
        #expect(letters.first?["projector"] == "poisoned")
        #expect(letters.first?["row"]?["id"] == "2")
        #expect(letters.first?["error"]?.stringValue?.contains("Poison") == true)
        // Counted for sync_dead_letters_total: each time a letter is written (the replay wrote it again).
        #expect(counted.withLock { $0 } == ["poisoned", "poisoned"] && metrics.deadLetters == 2)
        let applied = try await mongo.find("applied", filter: [:], options: ["sort": ["_id": 1]])
        #expect(applied.compactMap { $0["_id"]?.stringValue } == ["brands", "users"], "the good changes of the transaction landed")

        // An outage is not poison: it fails the apply (the slot stays unconfirmed) and writes no letter.
        struct Down: Projector {
            let name = "down"
            func apply(_ transaction: CommittedTransaction) async throws { throw StoreError(.search, .unavailable, "connection refused") }
        }
        let down = DeadLetters(mongo: mongo, logger: Logger(label: "test")).guarding(Down())
        await #expect(throws: StoreError.self) { try await down.apply(transaction) }
        #expect(try await mongo.find(MongoCollections.deadLetters, filter: [:]).count == 1)
        _ = try? await mongo.command(["dropDatabase": 1])
        await mongo.shutdown()
    }
}
