import CRdKafka

extension KafkaProducer {
    /// Makes sure each topic exists with `partitions` partitions: creates the missing ones, and refuses a topic that
    /// has another count (records keyed for one count would land on the wrong partitions under another).
    public func ensureTopics(_ names: [String], partitions: Int, timeoutMilliseconds: Int32 = 10_000) async throws {
        let handle = UnsafeTransfer(self.handle)
        try await Self.onOwnThread {
            let existing = try Self.partitionCounts(handle.value, timeoutMilliseconds: timeoutMilliseconds)
            let missing = names.filter { existing[$0] == nil }
            if !missing.isEmpty { try Self.create(missing, partitions: partitions, handle.value, timeoutMilliseconds: timeoutMilliseconds) }
            let counts = missing.isEmpty ? existing : try Self.partitionCounts(handle.value, timeoutMilliseconds: timeoutMilliseconds)
            for name in names {
                guard let count = counts[name] else { throw StoreError(.kafka, .unavailable, "topic \(name) was created but the broker does not list it") }
                guard count == partitions else {
                    throw StoreError(.kafka, .rejected, "topic \(name) has \(count) partitions, not \(partitions): publish under another topic prefix, or delete the topic first")
                }
            }
        }
    }

    /// Admin calls block for up to their timeout: on a thread of their own, never the caller's.
    private static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let executor = BlockingExecutor(threads: 1)
        do {
            let value = try await executor.run(body)
            await executor.shutdown()
            return value
        } catch {
            await executor.shutdown()
            throw error
        }
    }

    /// Every topic the cluster lists, with its number of partitions.
    private static func partitionCounts(_ handle: OpaquePointer, timeoutMilliseconds: Int32) throws -> [String: Int] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(handle, 1, nil, &metadata, Int32(timeoutMilliseconds))
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw StoreError(.kafka, .unavailable, "metadata: \(KafkaConfiguration.message(code))")
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        var counts: [String: Int] = [:]
        for index in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[index]
            guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            counts[String(cString: topic.topic)] = Int(topic.partition_cnt)
        }
        return counts
    }

    private static func create(_ names: [String], partitions: Int, _ handle: OpaquePointer, timeoutMilliseconds: Int32) throws {
        var error = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for name in names {
            guard let topic = rd_kafka_NewTopic_new(name, Int32(partitions), -1, &error, error.count) else {
                throw StoreError(.kafka, .rejected, "topic \(name): \(String(cString: error))")
            }
            newTopics.append(topic)
        }
        let queue = rd_kafka_queue_new(handle)
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMilliseconds, &error, error.count)
        newTopics.withUnsafeMutableBufferPointer { topics in
            rd_kafka_CreateTopics(handle, topics.baseAddress, topics.count, options, queue)
        }
        guard let event = rd_kafka_queue_poll(queue, Int32(timeoutMilliseconds) + 2_000) else {
            throw StoreError(.kafka, .unavailable, "creating topics: no answer within \(timeoutMilliseconds) ms")
        }
        defer { rd_kafka_event_destroy(event) }
        if rd_kafka_event_error(event) != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw StoreError(.kafka, .rejected, "creating topics: \(String(cString: rd_kafka_event_error_string(event)))")
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else { return }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return }
        for index in 0..<count {
            let code = rd_kafka_topic_result_error(results[index])
            // Another relay (or the broker's own auto-creation) made it first: its count is checked next.
            if code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS { continue }
            let name = String(cString: rd_kafka_topic_result_name(results[index]))
            throw StoreError(.kafka, .rejected, "creating topic \(name): \(String(cString: rd_kafka_topic_result_error_string(results[index])))")
        }
    }
}
