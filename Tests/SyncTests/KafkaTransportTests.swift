import Commands
import Foundation
import JSON
import Logging
import ReadModels
import Stores
@testable import Sync
import Testing
import StoreTestSupport

/// The scale-out path: relay -> Kafka -> projector, against the stack's broker, equal to the embedded sync.
@Suite struct KafkaTransportTests {
    let settings = StoreSettings.fromEnvironment()

    static func column(_ name: String, _ type: UInt32, _ value: String?) -> RowChange.Column { .init(name: name, typeOID: type, value: value) }

    @Test func envelopesDecodeBackToTheRowsTheyCameFrom() throws {
        let after: [RowChange.Column] = [
            Self.column("gifticon_id", PostgresType.int8, "7"), Self.column("base_price", PostgresType.numeric, "5000.00"),
            Self.column("sale_price", PostgresType.numeric, "-12.50"), Self.column("currency", PostgresType.text, "KRW"),
            Self.column("created_at", PostgresType.timestamptz, "2025-01-31 21:34:56.5+09"), Self.column("note", PostgresType.text, nil),
        ]
        let prices = RowChange(schema: "public", table: "gifticon_prices", operation: .update, before: after, after: after)
        let gifticon = RowChange(schema: "public", table: "gifticons", operation: .create, before: nil, after: [
            Self.column("id", PostgresType.int8, "7"), Self.column("due_date", PostgresType.date, "2030-01-01"),
            Self.column("name", PostgresType.text, "라떼"),
        ])
        let images = RowChange(schema: "public", table: "gifticon_images", operation: .read, before: nil, after: [
            Self.column("id", PostgresType.int8, "50"), Self.column("is_primary", PostgresType.bool, "t"),
        ])
        let transaction = CommittedTransaction(xid: 42, commitLSN: .init(0x16B_3748), endLSN: .init(0x16B_3780),
                                               commitTimeMicros: 1_738_326_896_123_456, changes: [prices, gifticon, images])
        for change in transaction.changes {
            let text = DebeziumEnvelope.encode(change, in: transaction, database: "gifticon", emittedAtMillis: 1).jsonString()
            let decoded = try DebeziumEnvelope.decode(try JSONReader.parse(text))
            #expect(decoded.lsn == transaction.commitLSN)
            #expect(decoded.xid == 42)
            #expect(decoded.change.operation == change.operation)
            for (original, back) in zip(change.after ?? [], decoded.change.after ?? []) {
                #expect(original.name == back.name)
                if original.typeOID == PostgresType.timestamptz {
                    #expect(back.value.flatMap(PostgresTime.microseconds(timestamp:)) == original.value.flatMap(PostgresTime.microseconds(timestamp:)))
                } else {
                    #expect(back.value == original.value, "\(change.table).\(original.name)")
                }
            }
        }
        #expect(DebeziumEnvelope.decimalText([0x00], scale: 2) == "0.00")
        #expect(DebeziumEnvelope.decimalText([0x32], scale: 2) == "0.50")
        #expect(DebeziumEnvelope.decimalText(DebeziumEnvelope.decimalBytes("123456789012.34")!, scale: 2) == "123456789012.34")
        #expect(throws: DebeziumEnvelope.DecodeError.self) { try DebeziumEnvelope.decode(["op": "c"]) }
    }

    /// Records of two transactions spread over three topics, interleaved and partly duplicated, come out as the two
    /// transactions in commit order, each once.
    @Test func theAssemblerRestoresCommitOrderFromInterleavedTopics() throws {
        let topics = KafkaTopics(prefix: "t", partitions: 1)
        let relay = try KafkaRelay(producer: KafkaProducer(brokers: settings.kafkaBrokers), topics: topics, database: "db")
        defer { relay.producer.close() }
        func change(_ table: String, _ id: String) -> RowChange {
            RowChange(schema: "public", table: table, operation: .create, before: nil, after: [Self.column(table == "gifticons" ? "id" : "gifticon_id", PostgresType.int8, id)])
        }
        let first = CommittedTransaction(xid: 1, commitLSN: .init(100), endLSN: .init(110), commitTimeMicros: 5_000,
                                         changes: [change("gifticons", "1"), change("gifticon_prices", "1")])
        let second = CommittedTransaction(xid: 2, commitLSN: .init(200), endLSN: .init(210), commitTimeMicros: 6_000,
                                          changes: [change("gifticon_prices", "1")])
        var offset: Int64 = 0
        func records(_ transaction: CommittedTransaction) -> [KafkaRecord] {
            relay.records(transaction, lastOfSnapshot: false).map { outgoing in
                offset += 1
                return KafkaRecord(topic: outgoing.topic, partition: 0, offset: offset, key: outgoing.key, value: outgoing.value)
            }
        }
        let a = records(first), b = records(second)
        #expect(a.map(\.topic) == ["t.transaction", "t.public.gifticons", "t.public.gifticon_prices", "t.transaction"])
        var assembler = KafkaTransactionAssembler(topics: topics)
        // The transaction topic runs ahead; the second transaction's price arrives before the first one's.
        for record in [a[0], a[3], b[0], b[2], b[1], a[2]] { try assembler.add(record) }
        #expect(assembler.next() == nil, "the first transaction still misses its gifticon row")
        try assembler.add(a[1])
        try assembler.add(a[1])  // a duplicate
        let nextOne = assembler.next()
        let one = try #require(nextOne)
        #expect(one.transaction.endLSN == first.endLSN)
        #expect(one.transaction.changes == first.changes)
        #expect(one.transaction.commitTimeMicros == 5_000)
        let nextTwo = assembler.next()
        let two = try #require(nextTwo)
        #expect(two.transaction.endLSN == second.endLSN)
        #expect(two.transaction.changes == second.changes)
        // The relay published the first transaction again (it crashed before confirming): ignored.
        for record in records(first) { try assembler.add(record) }
        #expect(assembler.next() == nil)
        #expect(assembler.waiting == 0)
    }

    @Test func relayToKafkaToProjectorEqualsTheEmbeddedSync() async throws {
        let database = try await MigratedTestDatabase(prefix: "kafka_test")
        defer { database.drop() }
        let (name, url) = (database.name, database.url)
        let db = try PostgresConnection(url: url)
        try db.execute("""
            INSERT INTO users (id, username, nickname) VALUES (1, 'seller1', '판매왕'), (2, 'buyer2', '구매자'), (3, 'seller3', '셋');
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe'), (101, 100, 2, '커피', 'coffee');
            INSERT INTO tags (id, name, slug) VALUES (1000, 'americano', 'americano'), (1001, 'latte', 'latte');
            INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date)
                VALUES (5, 1, 10, 101, 'Americano', 'americano', 'hot', '2030-01-01'), (6, 3, 10, 100, 'Latte', 'latte', 'milk', '2030-01-01');
            INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) VALUES (5, 5000, 4500), (6, 6000, 5000);
            INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (50, 5, 'https://img/5a.png', 1, true);
            INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (5, 1000), (6, 1001);
            """)
        func pipeline(_ tag: String, slot: String) -> SyncPipeline {
            let mongoURI = settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(tag)_\(name)$1", options: .regularExpression)
            return SyncPipeline(databaseURL: url, slot: slot, mongo: MongoClient(uri: mongoURI, maxConnections: 4),
                                search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
                                indexes: SearchIndexes(prefix: "\(tag)_\(name)_"), keys: RedisKeys(prefix: "\(tag)_\(name):"))
        }
        let viaKafka = pipeline("kafka", slot: "relay_\(name)")
        defer { dropSlot("relay_\(name)", url: settings.databaseURL) }
        let topics = KafkaTopics(prefix: "test_\(name)")
        let group = "projector_\(name)"
        let producer = try KafkaProducer(brokers: settings.kafkaBrokers)
        let relayStream = try await viaKafka.relay(producer: producer, topics: topics)
        let streaming = AsyncStream<Void>.makeStream()
        let relay = inBackground("the relay") { try await relayStream.run(onStreaming: { streaming.continuation.yield() }) }
        defer { relay.cancel() }

        // The first projector member takes the snapshot and two streamed transactions, then leaves mid-burst.
        let burst: @Sendable () async throws -> Void = {
            let db = try PostgresConnection(url: url)
            try db.execute("UPDATE brands SET name = '스타벅스 코리아' WHERE id = 10")
            try db.execute("UPDATE users SET nickname = '판매여왕' WHERE id = 1")
            try db.execute("UPDATE tags SET name = 'iced-americano' WHERE id = 1000")
            try db.execute("UPDATE gifticon_prices SET sale_price = 4000 WHERE gifticon_id = 5")
            try db.execute("INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (51, 5, 'https://img/5b.png', 2, false)")
            try db.execute("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = 2 WHERE id = 6")
            try db.execute("UPDATE gifticons SET description = 'first' WHERE id = 5; UPDATE gifticons SET description = 'second' WHERE id = 5")
            try db.execute("INSERT INTO reviews (id, gifticon_id, user_id, seller_id, rating, title, content) VALUES (900, 6, 2, 3, 4, 'good', 'tasty latte')")
            try db.execute("DELETE FROM gifticon_tags WHERE gifticon_id = 6; DELETE FROM gifticon_prices WHERE gifticon_id = 6; DELETE FROM reviews WHERE gifticon_id = 6; DELETE FROM gifticons WHERE id = 6")
            try db.execute("INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date) VALUES (8, 3, 10, 101, 'Mocha', 'mocha', 'sweet', '2031-02-03')")
        }
        // Written once the relay streams, so these commits are streamed, not part of its snapshot.
        let writer = Task {
            for await _ in streaming.stream { break }
            try await burst()
        }
        let firstMember = try await viaKafka.kafkaProjection(brokers: settings.kafkaBrokers, groupID: group, topics: topics)
        try await firstMember.run(stopAfter: 2)
        try await writer.value
        // What a command's consistency token is: the insert position right after the last commit (other databases'
        // WAL may lie beyond our commit; the relay's heartbeats carry the applied position past it).
        let target = try LSN(#require(db.query("SELECT pg_current_wal_insert_lsn()::text").rows.first?[0] ?? nil))!

        // A second member of the group resumes from the committed offsets and catches up.
        let secondMember = try await viaKafka.kafkaProjection(brokers: settings.kafkaBrokers, groupID: group, topics: topics)
        let positions = AppliedPositionPublisher(redis: viaKafka.redis, keys: viaKafka.keys)
        let catchUp = inBackground("the second member") { try await secondMember.run() }
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, (try await positions.current()).map({ $0 < target }) ?? true {
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        catchUp.cancel()
        _ = try? await catchUp.value
        relay.cancel()
        _ = try? await relay.value
        producer.close()
        let applied = try await positions.current()
        #expect(applied.map { $0 >= target } == true, "the projector caught up (applied \(String(describing: applied)), wanted \(target))")

        // The embedded sync on its own slot, from a snapshot of the final state, gives the same read models.
        let embedded = pipeline("embedded", slot: "embedded_\(name)")
        defer { dropSlot("embedded_\(name)", url: settings.databaseURL) }
        try await embedded.stream().run(stopAfter: 0)
        let reference = try await RebuildAndDeadLetterTests().snapshot(embedded)
        let projected = try await RebuildAndDeadLetterTests().snapshot(viaKafka)
        #expect(projected["mongo.gifticons"]?.count == 2)
        #expect(projected["mongo.gifticons"]?.first?["description"] == "second")
        #expect(projected["mongo.gifticons"]?.first?["price"]?["salePrice"] == "4000.00")
        #expect(projected["mongo.gifticons"]?.last?["dueDate"] == "2031-02-03")
        for key in reference.keys.sorted() {
            let renamed = key.replacingOccurrences(of: "embedded_", with: "kafka_")
            #expect(projected[renamed] == reference[key], "\(key) differs between the Kafka path and the embedded sync")
        }

        try await viaKafka.dropTestReadModels()
        try await embedded.dropTestReadModels()
        await database.client.shutdown()
    }
}
