import CRdKafka

/// A Kafka consumer in a consumer group. Offsets are committed only when the caller says so (after it has
/// applied the records), never automatically. Blocking calls run on a thread of its own.
public final class KafkaConsumer: Sendable {
    /// librdkafka's handle, used only on `executor`'s one thread (the compiler cannot see that in a C pointer): the
    /// one member it does not check.
    nonisolated(unsafe) private let handle: OpaquePointer
    private let executor = BlockingExecutor(threads: 1)

    public init(brokers: String, groupID: String, topics: [String], settings: [String: String] = [:]) throws {
        var all = ["bootstrap.servers": brokers, "group.id": groupID, "enable.auto.commit": "false",
                   "auto.offset.reset": "earliest", "enable.partition.eof": "false",
                   // A short session lets a group form (and fail over) in seconds: brokers may hold a JoinGroup
                   // for about half the session timeout while they wait for other members.
                   "session.timeout.ms": "6000", "heartbeat.interval.ms": "1000",
                   // A fetch the broker holds while no data arrives returns after at most this long; some brokers
                   // (tansu, the stack's broker before) held it the whole time even when data arrives, which was most of the Kafka
                   // path's commit-to-visible lag at the 500 ms default.
                   "fetch.wait.max.ms": "100"]
        all.merge(settings) { $1 }
        let conf = try KafkaConfiguration.make(all)
        var error = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(RD_KAFKA_CONSUMER, conf, &error, error.count) else {
            rd_kafka_conf_destroy(conf)
            throw StoreError(.kafka, .unavailable, String(cString: error))
        }
        self.handle = handle
        rd_kafka_poll_set_consumer(handle)
        let list = rd_kafka_topic_partition_list_new(Int32(topics.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in topics { rd_kafka_topic_partition_list_add(list, topic, -1) }
        let code = rd_kafka_subscribe(handle, list)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            rd_kafka_destroy(handle)
            throw StoreError(.kafka, .rejected, "subscribe: \(KafkaConfiguration.message(code))")
        }
    }

    /// Up to `max` records, waiting at most `timeoutMilliseconds` for the first.
    public func poll(max: Int = 500, timeoutMilliseconds: Int32 = 1000) async throws -> [KafkaRecord] {
        let handle = UnsafeTransfer(self.handle)
        return try await executor.run {
            var records: [KafkaRecord] = []
            var wait = timeoutMilliseconds
            while records.count < max, let message = rd_kafka_consumer_poll(handle.value, wait) {
                defer { rd_kafka_message_destroy(message) }
                wait = 0
                let m = message.pointee
                if m.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                    switch m.err {
                    // A subscribed topic that does not exist yet: it is picked up once it does.
                    case RD_KAFKA_RESP_ERR__PARTITION_EOF, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
                        continue
                    case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TIMED_OUT:
                        throw StoreError(.kafka, .unavailable, KafkaConfiguration.message(m.err))
                    // A member fenced by another started with the same stable id (`group.instance.id`).
                    case RD_KAFKA_RESP_ERR__FATAL:
                        var reason = [CChar](repeating: 0, count: 512)
                        let cause = rd_kafka_fatal_error(handle.value, &reason, reason.count)
                        let fenced = cause == RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID
                        throw StoreError(.kafka, .rejected, fenced
                            ? "another member of the group took this member's id: give each member an id of its own (\(String(cString: reason)))"
                            : String(cString: reason))
                    default:
                        throw StoreError(.kafka, .rejected, KafkaConfiguration.message(m.err))
                    }
                }
                let value = m.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: m.len)) } ?? []
                let key = m.key.map { Array(UnsafeRawBufferPointer(start: $0, count: m.key_len)) }
                records.append(KafkaRecord(topic: String(cString: rd_kafka_topic_name(m.rkt)), partition: m.partition,
                                           offset: m.offset, key: key, value: value))
            }
            return records
        }
    }

    /// Commits, synchronously, that every record up to and including these has been applied. Returns false when the
    /// group was rebalancing and took the commit back: the partitions' next owner reads those records again (so the
    /// caller's writes must be harmless to repeat).
    @discardableResult
    public func commit(_ records: [KafkaRecord]) async throws -> Bool {
        var next: [String: Int64] = [:]  // "topic\0partition" -> next offset
        var keys: [String: (String, Int32)] = [:]
        for record in records {
            let key = "\(record.topic)\u{0}\(record.partition)"
            next[key] = Swift.max(next[key] ?? 0, record.offset + 1)
            keys[key] = (record.topic, record.partition)
        }
        guard !next.isEmpty else { return true }
        let handle = UnsafeTransfer(self.handle)
        let offsets = next.map { (keys[$0.key]!.0, keys[$0.key]!.1, $0.value) }
        return try await executor.run {
            let list = rd_kafka_topic_partition_list_new(Int32(offsets.count))!
            defer { rd_kafka_topic_partition_list_destroy(list) }
            for (topic, partition, offset) in offsets {
                rd_kafka_topic_partition_list_add(list, topic, partition).pointee.offset = offset
            }
            let code = rd_kafka_commit(handle.value, list, 0)
            switch code {
            case RD_KAFKA_RESP_ERR_NO_ERROR: return true
            case RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS, RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION, RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID,
                 RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST, RD_KAFKA_RESP_ERR__STATE:
                return false
            default:
                throw StoreError(.kafka, .rejected, "commit: \(KafkaConfiguration.message(code))")
            }
        }
    }

    /// The partitions of `topic` this member holds now (the group may hand them over between two polls).
    public func assignedPartitions(of topic: String) async throws -> Set<Int32> {
        let handle = UnsafeTransfer(self.handle)
        return try await executor.run {
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            let code = rd_kafka_assignment(handle.value, &list)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let list else {
                throw StoreError(.kafka, .rejected, "assignment: \(KafkaConfiguration.message(code))")
            }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            var partitions: Set<Int32> = []
            for index in 0..<Int(list.pointee.cnt) where String(cString: list.pointee.elems[index].topic) == topic {
                partitions.insert(list.pointee.elems[index].partition)
            }
            return partitions
        }
    }

    /// Leaves the group (so its partitions move to the others at once) and frees the handle.
    public func close() async {
        let handle = UnsafeTransfer(self.handle)
        _ = try? await executor.run {
            rd_kafka_consumer_close(handle.value)
            rd_kafka_destroy(handle.value)
        }
        await executor.shutdown()
    }
}
