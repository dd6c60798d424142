import CRdKafka
import Foundation

/// A Kafka producer whose `send` returns once the broker acknowledged the record (acks=all, idempotent).
///
/// librdkafka's delivery reports arrive on a polling thread of our own; each report resumes the waiting caller.
public final class KafkaProducer: @unchecked Sendable {
    let handle: OpaquePointer
    private var topics: [String: OpaquePointer] = [:]
    private let lock = NSLock()
    private let running = ManagedAtomicFlag()
    private let poller: Thread

    public init(brokers: String, settings: [String: String] = [:]) throws {
        var all = ["bootstrap.servers": brokers, "acks": "all", "enable.idempotence": "true",
                   "linger.ms": "2", "message.timeout.ms": "30000"]
        all.merge(settings) { $1 }
        let conf = try KafkaConfiguration.make(all)
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let waiter = Unmanaged<DeliveryWaiter>.fromOpaque(opaque).takeRetainedValue()
            let m = message.pointee
            if m.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                let topic = String(cString: rd_kafka_topic_name(m.rkt))
                waiter.continuation.resume(returning: KafkaRecordPosition(topic: topic, partition: m.partition, offset: m.offset))
            } else {
                waiter.continuation.resume(throwing: StoreError(.kafka, .rejected, KafkaConfiguration.message(m.err)))
            }
        }
        var error = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &error, error.count) else {
            rd_kafka_conf_destroy(conf)
            throw StoreError(.kafka, .unavailable, String(cString: error))
        }
        self.handle = handle
        let running = self.running
        running.set(true)
        let pollHandle = UnsafeTransfer(handle)
        poller = Thread {
            while running.get() { rd_kafka_poll(pollHandle.value, 100) }
        }
        poller.name = "kafka-producer-poll"
        poller.start()
    }

    /// Sends one record and waits for the broker's acknowledgement.
    @discardableResult
    public func send(topic: String, key: [UInt8]?, value: [UInt8]) async throws -> KafkaRecordPosition {
        let topicHandle = self.topicHandle(topic)
        return try await withCheckedThrowingContinuation { continuation in
            let waiter = Unmanaged.passRetained(DeliveryWaiter(continuation)).toOpaque()
            let result = value.withUnsafeBytes { payload in
                (key ?? []).withUnsafeBytes { keyBytes in
                    rd_kafka_produce(
                        topicHandle, gifticon_rd_kafka_partition_ua(), gifticon_rd_kafka_msg_f_copy(),
                        UnsafeMutableRawPointer(mutating: payload.baseAddress), payload.count,
                        key == nil ? nil : keyBytes.baseAddress, key == nil ? 0 : keyBytes.count, waiter)
                }
            }
            if result != 0 {
                Unmanaged<DeliveryWaiter>.fromOpaque(waiter).release()
                continuation.resume(throwing: StoreError(.kafka, .rejected, KafkaConfiguration.message(rd_kafka_last_error())))
            }
        }
    }

    private func topicHandle(_ name: String) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let existing = topics[name] { return existing }
        let created = rd_kafka_topic_new(handle, name, nil)!
        topics[name] = created
        return created
    }

    /// Waits for outstanding records, then stops the polling thread and frees the handle.
    public func close(timeoutMilliseconds: Int32 = 10_000) {
        rd_kafka_flush(handle, timeoutMilliseconds)
        running.set(false)
        while !poller.isFinished { usleep(10_000) }
        lock.lock()
        topics.values.forEach { rd_kafka_topic_destroy($0) }
        topics.removeAll()
        lock.unlock()
        rd_kafka_destroy(handle)
    }

    public static var libraryVersion: String { KafkaConfiguration.libraryVersion }
}

/// The caller waiting for one record's delivery report.
private final class DeliveryWaiter {
    let continuation: CheckedContinuation<KafkaRecordPosition, any Error>
    init(_ continuation: CheckedContinuation<KafkaRecordPosition, any Error>) { self.continuation = continuation }
}

/// A lock-protected Bool (the poll loop's stop signal).
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set(_ newValue: Bool) { lock.lock(); value = newValue; lock.unlock() }
    func get() -> Bool { lock.lock(); defer { lock.unlock() }; return value }
}

extension KafkaProducer {
    /// Asks the cluster for its metadata: true when a broker answered within the timeout.
    public func clusterAnswers(timeoutMilliseconds: Int32 = 2000) -> Bool {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(handle, 0, nil, &metadata, timeoutMilliseconds)
        if let metadata { rd_kafka_metadata_destroy(metadata) }
        return code == RD_KAFKA_RESP_ERR_NO_ERROR
    }
}
