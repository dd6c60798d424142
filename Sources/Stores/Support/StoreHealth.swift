/// A sign of life from every store, for `gifticon stores`, readiness checks and the README's status.
public struct StoreHealth: Sendable {
    public var results: [(store: StoreError.Store, error: String?)]

    public var allHealthy: Bool { results.allSatisfy { $0.error == nil } }
    public var lines: [String] {
        results.map { "\($0.store.rawValue): " + ($0.error.map { "DOWN - \($0)" } ?? "ok") }
    }

    public static func check(_ settings: StoreSettings) async -> StoreHealth {
        async let postgres = probe { let c = PostgresClient(url: settings.databaseURL, maxConnections: 1); defer { Task { await c.shutdown() } }; _ = try await c.query("SELECT 1") }
        async let mongo = probe { let c = MongoClient(uri: settings.mongoURI, maxConnections: 1); defer { Task { await c.shutdown() } }; _ = try await c.command(["ping": 1]) }
        async let search = probe { let c = SearchClient(baseURL: settings.searchURL, maxConnections: 1); defer { Task { await c.shutdown() } }; _ = try await c.request("GET", "/") }
        async let redis = probe { let c = RedisClient(url: settings.redisURL, maxConnections: 1); defer { Task { await c.shutdown() } }; _ = try await c.command("PING") }
        async let kafka = probe {
            let producer = try KafkaProducer(brokers: settings.kafkaBrokers)
            defer { producer.close(timeoutMilliseconds: 0) }
            if !producer.clusterAnswers() { throw StoreError(.kafka, .unavailable, "no broker answered at \(settings.kafkaBrokers)") }
        }
        return StoreHealth(results: [
            (.postgres, await postgres), (.mongo, await mongo), (.search, await search), (.redis, await redis), (.kafka, await kafka),
        ])
    }

    private static func probe(_ body: @Sendable () async throws -> Void) async -> String? {
        do { try await body(); return nil } catch { return "\(error)" }
    }
}
