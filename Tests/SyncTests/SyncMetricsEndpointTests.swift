import Foundation
import ReadModels
import Stores
@testable import Sync
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gifticon sync run --metrics-port`: a real sync process serves Prometheus text whose counters, lag histogram and
/// applied position follow what it applied.
@Suite struct SyncMetricsEndpointTests {
    let settings = StoreSettings.fromEnvironment()

    func scrape(_ port: Int) async -> String? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        request.timeoutInterval = 5
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func value(_ text: String, _ name: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    static func metricsPort(logged log: String) -> Int? {
        guard let range = log.range(of: #"url=http://127\.0\.0\.1:[0-9]+/metrics"#, options: .regularExpression) else { return nil }
        return Int(log[range].dropFirst("url=http://127.0.0.1:".count).prefix { $0.isNumber })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SyncCrashTests.binary.path)))
    func countersLagAndPositionFollowTheStream() async throws {
        let database = try await MigratedTestDatabase(prefix: "metrics_test")
        defer { database.drop() }
        let (name, url, slot) = (database.name, database.url, database.slot)
        let db = try PostgresConnection(url: url)
        try db.execute("INSERT INTO users (id, username, nickname) VALUES (1, 'seller', '판매자')")
        // Its output goes to a log whose tail a failure shows (a metrics port it could not bind, say).
        let process = SupervisedProcess(
            role: "sync", environment: ["DATABASE_URL": url, "MONGODB_URI": database.mongoURI, "SEARCH_URL": settings.searchURL, "REDIS_URL": settings.redisURL],
            arguments: ["sync", "run", "--slot", slot, "--index-prefix", "\(name)_", "--redis-prefix", "\(name):", "--metrics-port", "0"],
            log: FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-metrics-sync.log"))
        try process.start()
        let pipeline = SyncPipeline(
            databaseURL: url, slot: slot, mongo: MongoClient(uri: database.mongoURI, maxConnections: 2), search: SearchClient(baseURL: settings.searchURL),
            redis: RedisClient(url: settings.redisURL), indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"))
        defer {
            process.stop()
            try? FileManager.default.removeItem(at: process.log)
        }

        // Port 0: the system picks a free one and the sync logs it (a fixed port could be any outgoing
        // connection's, the kernel's ephemeral range being most of the high ports).
        let clock = ContinuousClock()
        var deadline = clock.now + .seconds(60)
        var logged: Int?
        while logged == nil && clock.now < deadline && process.isRunning {
            logged = Self.metricsPort(logged: (try? String(contentsOf: process.log, encoding: .utf8)) ?? "")
            if logged == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let port = try #require(logged, "the sync logs where its metrics are served:\n\(process.logTail())")

        // The snapshot (one batch, no commit time: counted, no lag), then three streamed transactions.
        var text = ""
        deadline = clock.now + .seconds(60)
        while clock.now < deadline && process.isRunning {
            if let scraped = await scrape(port), (value(scraped, "sync_transactions_applied_total") ?? 0) >= 1 { text = scraped; break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let afterSnapshot = value(text, "sync_transactions_applied_total") ?? 0
        try #require(afterSnapshot >= 1, "the snapshot is counted: \(text)\nthe sync's log:\n\(process.logTail())")
        for i in 2...4 { try db.execute("INSERT INTO users (id, username, nickname) VALUES (\(i), 'u\(i)', '닉\(i)')") }
        deadline = clock.now + .seconds(60)
        while clock.now < deadline {
            if let scraped = await scrape(port), (value(scraped, "sync_transactions_applied_total") ?? 0) >= afterSnapshot + 3 { text = scraped; break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect((value(text, "sync_transactions_applied_total") ?? 0) >= afterSnapshot + 3, "\(text)")
        #expect((value(text, "sync_row_changes_applied_total") ?? 0) >= 4)
        #expect((value(text, "sync_commit_to_applied_lag_seconds_count") ?? 0) >= 3, "streamed transactions have a lag")
        let applied = try await pipeline.redis.get(pipeline.keys.appliedPosition).flatMap { $0.split(separator: " ").last.flatMap { LSN(String($0)) } }
        let exposed = value(text, "sync_applied_lsn_bytes").map { UInt64($0) }
        #expect(exposed != nil && applied != nil && exposed! <= applied!.value, "the gauge is a position the sync applied")
        #expect(text.contains("sync_last_lag_milliseconds"))
        // Where the time went: the streamed users were written to MongoDB, decoded and confirmed, each run timed.
        for step in ["mongo_writes", "decode", "confirm", "position_publish", "run"] {
            #expect((value(text, "sync_step_duration_seconds_count{step=\"\(step)\"}") ?? 0) >= 1, "step \(step): \(text)")
        }
        #expect(value(text, "sync_step_duration_seconds_count{step=\"redis\"}") == 0, "no review changed: no rating was written")
        // Every projector's dead-letter series exists at 0 from the start, so an alert sees the first letter.
        for projector in ["mongo-documents", "redis-ratings", "search-index"] {
            #expect(value(text, "sync_dead_letters_total{projector=\"\(projector)\"}") == 0, "\(projector): \(text)")
        }

        process.stop()
        try await pipeline.dropTestReadModels()
    }
}
