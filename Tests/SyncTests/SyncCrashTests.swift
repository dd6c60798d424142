import Commands
import Foundation
import Testing
import Stores
@testable import Sync

/// `gifticon sync` killed with SIGKILL at random points of a burst of commits, snapshot included, and restarted each
/// time: once it has caught up, the read models equal a fresh rebuild's, field for field.
@Suite struct SyncCrashTests {
    let settings = StoreSettings.fromEnvironment()

    /// The `gifticon` binary `swift build` made beside the test bundle.
    static var binary: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/SyncTests/X.swift -> package root
        return url.appendingPathComponent(".build/debug/gifticon")
    }

    func launch(_ environment: [String: String], _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SyncCrashTests.binary.path)))
    func killedAtRandomPointsLosesAndDuplicatesNothing() async throws {
        let database = try await MigratedTestDatabase(prefix: "crash_test")
        defer { database.drop() }
        let (name, url, slot, client) = (database.name, database.url, database.slot, database.client)
        let db = try PostgresConnection(url: url)
        // Enough rows that the snapshot takes a while: kills land inside it too.
        var seed = """
            INSERT INTO users (id, username, nickname) SELECT i, 'user' || i, '닉' || i FROM generate_series(1, 40) i;
            INSERT INTO brands (id, name, slug) VALUES (10, '스타벅스', 'starbucks'), (11, '투썸', 'twosome');
            INSERT INTO categories (id, parent_id, level, name, slug) VALUES (100, NULL, 1, '카페', 'cafe');
            INSERT INTO tags (id, name, slug) VALUES (1000, 'coffee', 'coffee');
            """
        seed += "INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, description, due_date) SELECT i, 1 + i % 20, 10 + i % 2, 100, 'item ' || i, 'item-' || i, 'd', '2030-01-01' FROM generate_series(1, 150) i;"
        seed += "INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price) SELECT i, 10000, 9000 FROM generate_series(1, 150) i;"
        seed += "INSERT INTO gifticon_tags (gifticon_id, tag_id) SELECT i, 1000 FROM generate_series(1, 150, 3) i;"
        try db.execute(seed)

        let mongoURI = database.mongoURI
        let environment = ["DATABASE_URL": url, "MONGODB_URI": mongoURI, "SEARCH_URL": settings.searchURL, "REDIS_URL": settings.redisURL]
        let arguments = ["sync", "run", "--slot", slot, "--index-prefix", "\(name)_", "--redis-prefix", "\(name):"]
        let pipeline = SyncPipeline(
            databaseURL: url, slot: slot, mongo: MongoClient(uri: mongoURI, maxConnections: 4), search: SearchClient(baseURL: settings.searchURL),
            redis: RedisClient(url: settings.redisURL), indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"))

        // The burst: 60 transactions over about 3 s (prices, statuses, renames, reviews, deletes), then a sentinel.
        let writer = Task.detached {
            let db = try PostgresConnection(url: url)
            for i in 1...60 {
                switch i % 6 {
                case 0: try db.execute("UPDATE gifticon_prices SET sale_price = \(5000 + i) WHERE gifticon_id = \(i)")
                case 1: try db.execute("UPDATE gifticons SET status = 'SOLD_OUT', buyer_id = 40 WHERE id = \(i)")
                case 2: try db.execute("UPDATE users SET nickname = 'renamed\(i)' WHERE id = \(1 + i % 20)")
                case 3: try db.execute("INSERT INTO reviews (id, gifticon_id, user_id, seller_id, rating, title, content) VALUES (\(i), \(i - 2), 40, \(1 + (i - 2) % 20), \(1 + i % 5), 't\(i)', 'c\(i)')")
                case 4: try db.execute("DELETE FROM gifticon_tags WHERE gifticon_id = \(i); DELETE FROM gifticon_prices WHERE gifticon_id = \(i); DELETE FROM gifticons WHERE id = \(i)")
                default: try db.execute("UPDATE brands SET name = 'brand\(i)' WHERE id = \(10 + i % 2)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            try db.execute("INSERT INTO gifticons (id, seller_id, brand_id, category_id, name, slug, due_date) VALUES (9999, 1, 10, 100, 'sentinel', 'sentinel', '2030-01-01')")
        }

        var kills = 0
        var process = try launch(environment, arguments)
        while !writer.isCancelled, kills < 8 {
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...700)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            // A supervisor's restart delay. It also lets the servers finish the killed process's last requests: the
            // stand-in MongoDB takes up to seconds over one batch, and a write landing after the next run's reset
            // would be a write from the dead run (production servers take milliseconds).
            try await Task.sleep(for: .milliseconds(1_000))
            process = try launch(environment, arguments)
        }
        try await writer.value
        // The last run catches up: the sentinel reaches MongoDB, then the applied position reaches its commit.
        let deadline = Date().addingTimeInterval(120)
        var caughtUp = false
        while Date() < deadline {
            if !process.isRunning { process = try launch(environment, arguments) }  // a start raced a dying walsender
            if let sentinel = try? await pipeline.mongo.find("gifticons", filter: ["_id": 9999]).first,
               let position = sentinel["_lsn"]?.stringValue,
               let applied = try? await pipeline.redis.get(pipeline.keys.appliedPosition), applied.prefix(16) >= position.prefix(16) {
                caughtUp = true
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        process.terminate()
        process.waitUntilExit()
        #expect(caughtUp, "the sync caught up after \(kills) kills")
        #expect(kills == 8)

        let incremental = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        #expect(incremental["mongo.gifticons"]?.count == 141)  // 150 - 10 deleted + the sentinel
        // Before the reset below (it drops the collection): the killed runs' dead letters, if any.
        #expect(try await pipeline.mongo.find(DeadLetters.collection, filter: [:]).isEmpty, "the killed runs left no dead letters")
        try await pipeline.resetReadModels()
        try await pipeline.stream().run(stopAfter: 0)
        let rebuilt = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        let incrementalIDs = Set((incremental["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        let rebuiltIDs = Set((rebuilt["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        #expect(try db.query("SELECT count(*) FROM gifticons").rows.first?.first == "141")
        for (a, b) in zip(incremental["mongo.gifticons"] ?? [], rebuilt["mongo.gifticons"] ?? []) where a != b {
            print("crash test: incremental \(a.serialized())\n  rebuilt \(b.serialized())")
            break
        }
        if incrementalIDs != rebuiltIDs {
            print("crash test: only incremental \(incrementalIDs.subtracting(rebuiltIDs).sorted()), only rebuilt \(rebuiltIDs.subtracting(incrementalIDs).sorted())")
            for id in incrementalIDs.subtracting(rebuiltIDs) {
                print("  \((incremental["mongo.gifticons"] ?? []).first { $0["_id"]?.int64 == id }!)")
            }
        }
        for key in incremental.keys.sorted() {
            #expect(rebuilt[key] == incremental[key], "\(key) differs from a rebuild after \(kills) kills")
        }
        #expect(try await pipeline.mongo.find(DeadLetters.collection, filter: [:]).isEmpty)

        try await pipeline.dropTestReadModels()
        await client.shutdown()
    }
}
