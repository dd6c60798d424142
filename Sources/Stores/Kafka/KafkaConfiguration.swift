import CRdKafka

/// librdkafka settings (`bootstrap.servers`, `group.id`, ...) turned into a `rd_kafka_conf_t`.
enum KafkaConfiguration {
    static func make(_ settings: [String: String]) throws -> OpaquePointer {
        let conf = rd_kafka_conf_new()!
        var error = [CChar](repeating: 0, count: 512)
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            if rd_kafka_conf_set(conf, key, value, &error, error.count) != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw StoreError(.kafka, .rejected, "setting \(key): \(String(cString: error))")
            }
        }
        return conf
    }

    static func message(_ code: rd_kafka_resp_err_t) -> String { String(cString: rd_kafka_err2str(code)) }

    /// The librdkafka actually loaded (the stack points the loader at a newer one than Debian's; see scripts/stack).
    static var libraryVersion: String { String(cString: rd_kafka_version_str()) }
}

/// Where one record landed.
public struct KafkaRecordPosition: Sendable, Equatable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
}

/// A record read by a consumer.
public struct KafkaRecord: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: [UInt8]?
    public var value: [UInt8]

    public init(topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8]) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
    }
}
