import Foundation

/// Where the stores are, read from the environment (the names `scripts/stack up` writes to `.stack/env`), with the
/// loopback defaults of the development stack.
public struct StoreSettings: Sendable {
    public var databaseURL: String
    public var mongoURI: String
    public var searchURL: String
    public var redisURL: String
    public var kafkaBrokers: String

    public static let defaults = StoreSettings(
        databaseURL: "postgresql://gifticon:gifticon@127.0.0.1:15432/gifticon",
        mongoURI: "mongodb://127.0.0.1:17017/gifticon?directConnection=true",
        searchURL: "http://127.0.0.1:19200",
        redisURL: "redis://127.0.0.1:16379/0",
        kafkaBrokers: "127.0.0.1:19092"
    )

    public init(databaseURL: String, mongoURI: String, searchURL: String, redisURL: String, kafkaBrokers: String) {
        self.databaseURL = databaseURL
        self.mongoURI = mongoURI
        self.searchURL = searchURL
        self.redisURL = redisURL
        self.kafkaBrokers = kafkaBrokers
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreSettings {
        func value(_ key: String, _ fallback: String) -> String {
            guard let value = environment[key], !value.isEmpty else { return fallback }
            return value
        }
        let d = defaults
        return StoreSettings(
            databaseURL: value("DATABASE_URL", d.databaseURL),
            mongoURI: value("MONGODB_URI", d.mongoURI),
            searchURL: value("SEARCH_URL", d.searchURL),
            redisURL: value("REDIS_URL", d.redisURL),
            kafkaBrokers: value("KAFKA_BROKERS", d.kafkaBrokers)
        )
    }
}
