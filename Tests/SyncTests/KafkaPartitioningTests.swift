import Foundation
import JSON
import ReadModels
import Stores
import Testing
@testable import Sync

/// How the relay splits a transaction over partitions, how a member puts its shares back together, and the low
/// watermark the gateway reads.
@Suite struct KafkaPartitioningTests {
    let settings = StoreSettings.fromEnvironment()

    static func row(_ table: String, _ columns: [(String, String)]) -> RowChange {
        RowChange(schema: "public", table: table, operation: .update, before: nil,
                  after: columns.map { RowChange.Column(name: $0.0, typeOID: PostgresType.int8, value: $0.1) })
    }

    /// One transaction: gifticon 4's price, gifticon 5's row, a review of seller 7 and a brand rename.
    static let transaction = CommittedTransaction(xid: 9, commitLSN: .init(1_000), endLSN: .init(1_010), commitTimeMicros: 42_000, changes: [
        row("gifticon_prices", [("gifticon_id", "4")]), row("gifticons", [("id", "5"), ("brand_id", "10")]),
        row("reviews", [("id", "70"), ("seller_id", "7"), ("gifticon_id", "5")]), row("brands", [("id", "10")]),
    ])

    func records(_ relay: KafkaRelay, _ transaction: CommittedTransaction) -> [KafkaRecord] {
        relay.records(transaction, lastOfSnapshot: false).enumerated().map { index, outgoing in
            KafkaRecord(topic: outgoing.topic, partition: outgoing.partition ?? -1, offset: Int64(index), key: outgoing.key, value: outgoing.value)
        }
    }

    @Test func eachAggregateGoesToItsPartitionAndReferencedRowsToEvery() throws {
        let topics = KafkaTopics(prefix: "p", partitions: 3)
        let relay = try KafkaRelay(producer: KafkaProducer(brokers: settings.kafkaBrokers), topics: topics, database: "db")
        defer { relay.producer.close() }
        let records = records(relay, Self.transaction)
        func changes(_ partition: Int32) -> [String] {
            records.filter { $0.partition == partition && $0.topic != topics.transactions }.map { $0.topic.replacingOccurrences(of: "p.public.", with: "") }
        }
        // gifticon 4 -> 4 mod 3 = 1, gifticon 5 -> 2, seller 7 -> 1, the brand everywhere.
        #expect(changes(0) == ["brands"])
        #expect(changes(1) == ["gifticon_prices", "reviews", "brands"])
        #expect(changes(2) == ["gifticons", "brands"])
        #expect(String(decoding: records.first { $0.topic == "p.public.reviews" }!.key!, as: UTF8.self) == #"{"seller_id":7}"#)
        // Every partition gets an END counting its own share, and the topics' partition count.
        for partition: Int32 in 0..<3 {
            let ends = try records.filter { $0.partition == partition && $0.topic == topics.transactions }
                .map { try DebeziumTransactionEvent.decode(JSONReader.parse($0.value)) }.filter { $0.status == .end }
            #expect(ends.count == 1)
            #expect(ends.first?.partitionEventCount == changes(partition).count)
            #expect(ends.first?.partitionCount == 3)
            #expect(ends.first?.eventCount == 4, "Debezium's own count stays the whole transaction's")
        }
        #expect(records.allSatisfy { (0..<3).contains($0.partition) })
    }

    /// A member holding every partition merges the shares back into the transaction, each change once, in order;
    /// one holding a single partition applies its share alone.
    @Test func sharesMergeBackIntoTheTransaction() throws {
        let topics = KafkaTopics(prefix: "p", partitions: 3)
        let relay = try KafkaRelay(producer: KafkaProducer(brokers: settings.kafkaBrokers), topics: topics, database: "db")
        defer { relay.producer.close() }
        var shares: [KafkaTransactionAssembler.Ready] = []
        // The partitions' records arrive in reverse, a share's change before its END.
        for partition: Int32 in [2, 1, 0] {
            var assembler = KafkaTransactionAssembler(topics: topics)
            let own = records(relay, Self.transaction).filter { $0.partition == partition }
            for record in own.reversed() { try assembler.add(record) }
            let next = assembler.next()
            let share = try #require(next)
            #expect(share.partitionCount == 3)
            #expect(assembler.next() == nil)
            shares.append(share)
        }
        let merged = KafkaProjection.merge(shares)
        #expect(merged.count == 1)
        #expect(merged.first?.changes == Self.transaction.changes)
        #expect(merged.first?.endLSN == Self.transaction.endLSN)
        #expect(KafkaProjection.merge([shares[0]]).first?.changes.map(\.table) == ["gifticons", "brands"])
    }

    /// A share is not ready until every change its partition's END counts has arrived.
    @Test func aShareWaitsForEveryChangeOfItsPartition() throws {
        let topics = KafkaTopics(prefix: "p", partitions: 3)
        let relay = try KafkaRelay(producer: KafkaProducer(brokers: settings.kafkaBrokers), topics: topics, database: "db")
        defer { relay.producer.close() }
        let own = records(relay, Self.transaction).filter { $0.partition == 1 }
        var assembler = KafkaTransactionAssembler(topics: topics)
        for record in own where !record.topic.hasSuffix(".reviews") { try assembler.add(record) }
        #expect(assembler.next() == nil, "the review is still missing")
        try assembler.add(try #require(own.first { $0.topic.hasSuffix(".reviews") }))
        #expect(assembler.next()?.transaction.changes.count == 3)
    }

    /// A relay killed while sending a transaction left its END without one of its changes; its successor started
    /// over from a new snapshot and never sends that change. The new snapshot's first batch supersedes the
    /// incomplete share, which would otherwise block the partition for good.
    @Test func aNewSnapshotSupersedesAShareThatCanNeverComplete() throws {
        let topics = KafkaTopics(prefix: "p", partitions: 3)
        let relay = try KafkaRelay(producer: KafkaProducer(brokers: settings.kafkaBrokers), topics: topics, database: "db")
        defer { relay.producer.close() }
        var assembler = KafkaTransactionAssembler(topics: topics)
        let torn = records(relay, Self.transaction).filter { $0.partition == 1 && !$0.topic.hasSuffix(".reviews") }
        for record in torn { try assembler.add(record) }
        #expect(assembler.next() == nil, "the review never comes")
        let snapshot = CommittedTransaction(xid: 20, commitLSN: .init(5_000), endLSN: .init(5_000), commitTimeMicros: 0, changes: [
            RowChange(schema: "public", table: "reviews", operation: .read, before: nil,
                      after: [.init(name: "id", typeOID: PostgresType.int8, value: "70"), .init(name: "seller_id", typeOID: PostgresType.int8, value: "7")]),
        ])
        let batch = relay.records(snapshot, lastOfSnapshot: true, snapshotBatch: 0).enumerated().map { index, outgoing in
            KafkaRecord(topic: outgoing.topic, partition: outgoing.partition ?? -1, offset: Int64(100 + index), key: outgoing.key, value: outgoing.value)
        }.filter { $0.partition == 1 }
        for record in batch { try assembler.add(record) }
        let next = assembler.next()
        let share = try #require(next)
        #expect(share.isSnapshot && share.endsSnapshot)
        #expect(share.records.count == torn.count + batch.count, "the torn share's records are committed with it")
        #expect(assembler.next() == nil)
    }

    /// The position readers use is the lowest over all partitions, published only once each has one, and never
    /// moves back.
    @Test func theAppliedPositionIsTheLowWatermarkOverPartitions() async throws {
        let keys = RedisKeys(prefix: "test:watermark_\(UInt32.random(in: 0...UInt32.max)):")
        let redis = RedisClient(url: settings.redisURL)
        let positions = AppliedPositionPublisher(redis: redis, keys: keys)
        defer { Task { for key in [keys.appliedPosition, keys.appliedPartitions, keys.syncStatus] { _ = try? await redis.command("DEL", key) } } }
        try await positions.publish(partitions: [0: LSN(500), 1: LSN(300)], of: 3)
        #expect(try await positions.current() == nil, "partition 2 has no position yet")
        try await positions.publish(partitions: [2: LSN(400)], of: 3)
        #expect(try await positions.current() == LSN(300))
        try await positions.publish(partitions: [1: LSN(900)], of: 3)
        #expect(try await positions.current() == LSN(400))
        // A replayed share (another member applied it again after a rebalance) moves nothing back.
        try await positions.publish(partitions: [2: LSN(100), 1: LSN(200)], of: 3)
        #expect(try await positions.current() == LSN(400))
        let status = try await redis.command("HGET", keys.syncStatus, SyncStatusHash.position).string
        #expect(status == LSN(400).description)
    }
}
