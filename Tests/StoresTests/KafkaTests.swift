import Foundation
import Testing
import Stores

@Suite struct KafkaTests {
    let brokers = TestStores.settings.kafkaBrokers

    /// Polls until `count` records arrived or the time is up.
    func collect(_ consumer: KafkaConsumer, count: Int, seconds: Double = 20) async throws -> [KafkaRecord] {
        var records: [KafkaRecord] = []
        let deadline = Date().addingTimeInterval(seconds)
        while records.count < count, Date() < deadline {
            records += try await consumer.poll(max: count - records.count, timeoutMilliseconds: 500)
        }
        return records
    }

    @Test func produceConsumeAndCommitInAGroup() async throws {
        let topic = TestStores.unique("changes")
        let group = TestStores.unique("projector")
        let producer = try KafkaProducer(brokers: brokers)
        for i in 0..<5 {
            let position = try await producer.send(topic: topic, key: Array("gifticon-1".utf8), value: Array("change \(i)".utf8))
            #expect(position.offset >= 0)
        }

        let first = try KafkaConsumer(brokers: brokers, groupID: group, topics: [topic])
        let firstThree = try await collect(first, count: 3)
        #expect(firstThree.map { String(decoding: $0.value, as: UTF8.self) } == ["change 0", "change 1", "change 2"])
        #expect(firstThree.first?.key.map { String(decoding: $0, as: UTF8.self) } == "gifticon-1")
        try await first.commit(firstThree)
        await first.close()

        // A new member of the same group resumes after the committed offset.
        let second = try KafkaConsumer(brokers: brokers, groupID: group, topics: [topic])
        let rest = try await collect(second, count: 2)
        #expect(rest.map { String(decoding: $0.value, as: UTF8.self) } == ["change 3", "change 4"])
        await second.close()
        producer.close()
    }

    /// Two members started with the same stable id: the broker fences the older one, which stops with an error that
    /// says what to change, not librdkafka's bare code.
    @Test func aMemberWhoseIdAnotherTookStopsWithAClearError() async throws {
        let topic = TestStores.unique("fenced")
        let group = TestStores.unique("projector")
        let producer = try KafkaProducer(brokers: brokers)
        _ = try await producer.send(topic: topic, key: nil, value: Array("change".utf8))
        producer.close()
        let settings = ["group.instance.id": "member-1"]
        let first = try KafkaConsumer(brokers: brokers, groupID: group, topics: [topic], settings: settings)
        #expect(try await collect(first, count: 1).count == 1)
        let second = try KafkaConsumer(brokers: brokers, groupID: group, topics: [topic], settings: settings)
        _ = try await second.poll(max: 1, timeoutMilliseconds: 500)
        var stopped: (any Error)?
        let deadline = Date().addingTimeInterval(20)
        while stopped == nil, Date() < deadline {
            do { _ = try await first.poll(max: 1, timeoutMilliseconds: 200) } catch { stopped = error }
        }
        #expect("\(stopped.map { "\($0)" } ?? "nothing")".contains("another member of the group took this member's id"))
        await first.close()
        await second.close()
    }
}
