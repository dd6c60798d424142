import CRdKafka
import Foundation
import Synchronization

/// A Kafka producer whose `send` returns once the broker acknowledged the record (acks=all, idempotent).
///
/// librdkafka's delivery reports arrive on a polling thread of our own; each report resumes the waiting caller.
public final class KafkaProducer: Sendable {
    /// librdkafka's handle, safe to use from any thread (librdkafka's own contract, which the compiler cannot see in
    /// a C pointer): the one member the compiler does not check.
    nonisolated(unsafe) let handle: OpaquePointer
    /// Topic handles by name, made on first use.
    private let topics = Mutex<[String: OpaquePointer]>([:])
    private let running = ManagedAtomicFlag()
    /// Signalled by the polling thread as it ends.
    private let pollerEnded = DispatchSemaphore(value: 0)

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
                waiter.complete(.success(KafkaRecordPosition(topic: topic, partition: m.partition, offset: m.offset)))
            } else {
                waiter.complete(.failure(StoreError(.kafka, .rejected, KafkaConfiguration.message(m.err))))
            }
        }
        var error = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &error, error.count) else {
            rd_kafka_conf_destroy(conf)
            throw StoreError(.kafka, .unavailable, String(cString: error))
        }
        self.handle = handle
        let running = self.running
        let pollerEnded = self.pollerEnded
        running.set(true)
        let pollHandle = UnsafeTransfer(handle)
        let poller = Thread {
            while running.get() { rd_kafka_poll(pollHandle.value, 100) }
            pollerEnded.signal()
        }
        poller.name = "kafka-producer-poll"
        poller.start()
    }

    /// Sends one record and waits for the broker's acknowledgement.
    @discardableResult
    public func send(topic: String, key: [UInt8]?, value: [UInt8]) async throws -> KafkaRecordPosition {
        try await sendAll([KafkaOutgoingRecord(topic: topic, key: key, value: value)])[0]
    }

    /// Sends records in this order (each partition keeps it) and returns once the broker acknowledged them all;
    /// throws the first failure after every report came in.
    @discardableResult
    public func sendAll(_ records: [KafkaOutgoingRecord]) async throws -> [KafkaRecordPosition] {
        guard !records.isEmpty else { return [] }
        let handles = records.map { topicHandle($0.topic) }
        return try await withCheckedThrowingContinuation { continuation in
            let batch = DeliveryBatch(count: records.count, continuation: continuation)
            for (index, record) in records.enumerated() {
                let waiter = Unmanaged.passRetained(DeliveryWaiter { batch.report(index, $0) }).toOpaque()
                let result = record.value.withUnsafeBytes { payload in
                    (record.key ?? []).withUnsafeBytes { keyBytes in
                        rd_kafka_produce(
                            handles[index], record.partition ?? gifticon_rd_kafka_partition_ua(), gifticon_rd_kafka_msg_f_copy(),
                            UnsafeMutableRawPointer(mutating: payload.baseAddress), payload.count,
                            record.key == nil ? nil : keyBytes.baseAddress, record.key == nil ? 0 : keyBytes.count, waiter)
                    }
                }
                if result != 0 {
                    Unmanaged<DeliveryWaiter>.fromOpaque(waiter).release()
                    batch.report(index, .failure(StoreError(.kafka, .rejected, KafkaConfiguration.message(rd_kafka_last_error()))))
                }
            }
        }
    }

    private func topicHandle(_ name: String) -> OpaquePointer {
        topics.withLock { topics in
            if let existing = topics[name] { return existing }
            let created = rd_kafka_topic_new(handle, name, nil)!
            topics[name] = created
            return created
        }
    }

    /// Waits for outstanding records, then stops the polling thread and frees the handle.
    public func close(timeoutMilliseconds: Int32 = 10_000) {
        rd_kafka_flush(handle, timeoutMilliseconds)
        running.set(false)
        pollerEnded.wait()
        topics.withLock { topics in
            topics.values.forEach { rd_kafka_topic_destroy($0) }
            topics.removeAll()
        }
        rd_kafka_destroy(handle)
    }

    public static var libraryVersion: String { KafkaConfiguration.libraryVersion }
}

/// A record to send.
public struct KafkaOutgoingRecord: Sendable {
    public var topic: String
    public var key: [UInt8]?
    public var value: [UInt8]
    /// nil: the partitioner picks one from the key.
    public var partition: Int32?

    public init(topic: String, key: [UInt8]?, value: [UInt8], partition: Int32? = nil) {
        self.topic = topic
        self.key = key
        self.value = value
        self.partition = partition
    }
}

/// What to do with one record's delivery report.
private final class DeliveryWaiter {
    let complete: (Result<KafkaRecordPosition, any Error>) -> Void
    init(_ complete: @escaping (Result<KafkaRecordPosition, any Error>) -> Void) { self.complete = complete }
}

/// The caller waiting for every record of a `sendAll`: resumed once, after the last report.
private final class DeliveryBatch: Sendable {
    private struct Reports {
        var positions: [KafkaRecordPosition?]
        var remaining: Int
        var failure: (any Error)?
    }

    private let reports: Mutex<Reports>
    private let continuation: CheckedContinuation<[KafkaRecordPosition], any Error>

    init(count: Int, continuation: CheckedContinuation<[KafkaRecordPosition], any Error>) {
        reports = Mutex(Reports(positions: Array(repeating: nil, count: count), remaining: count))
        self.continuation = continuation
    }

    func report(_ index: Int, _ result: Result<KafkaRecordPosition, any Error>) {
        let outcome = reports.withLock { reports -> Result<[KafkaRecordPosition], any Error>? in
            switch result {
            case .success(let position): reports.positions[index] = position
            case .failure(let error): if reports.failure == nil { reports.failure = error }
            }
            reports.remaining -= 1
            guard reports.remaining == 0 else { return nil }
            if let failure = reports.failure { return .failure(failure) }
            return .success(reports.positions.map { $0! })
        }
        // Resumed outside the lock: the caller may run at once.
        if let outcome { continuation.resume(with: outcome) }
    }
}

/// The poll loop's stop signal, shared with the polling thread.
final class ManagedAtomicFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set(_ newValue: Bool) { value.store(newValue, ordering: .releasing) }
    func get() -> Bool { value.load(ordering: .acquiring) }
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
