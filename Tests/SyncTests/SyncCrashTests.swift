import Commands
import Foundation
import JSON
import ReadModels
import Testing
import Stores
@testable import Sync
import Testing

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
        try CrashWorkload.seed(db)

        let mongoURI = database.mongoURI
        let environment = ["DATABASE_URL": url, "MONGODB_URI": mongoURI, "SEARCH_URL": settings.searchURL, "REDIS_URL": settings.redisURL]
        let arguments = ["sync", "run", "--slot", slot, "--index-prefix", "\(name)_", "--redis-prefix", "\(name):"]
        let pipeline = SyncPipeline(
            databaseURL: url, slot: slot, mongo: MongoClient(uri: mongoURI, maxConnections: 4), search: SearchClient(baseURL: settings.searchURL),
            redis: RedisClient(url: settings.redisURL), indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"))

        // The burst: 60 transactions over about 3 s (prices, statuses, renames, reviews, deletes), then a sentinel.
        let writer = CrashWorkload.burst(url: url, pause: .milliseconds(50))

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
            if await CrashWorkload.sentinelApplied(pipeline) {
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
        #expect(incremental["mongo.gifticons"]?.count == CrashWorkload.gifticonsAfterBurst)
        // Before the reset below (it drops the collection): the killed runs' dead letters, if any.
        #expect(try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:]).isEmpty, "the killed runs left no dead letters")
        try await pipeline.resetReadModels()
        try await pipeline.stream().run(stopAfter: 0)
        let rebuilt = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        let incrementalIDs = Set((incremental["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        let rebuiltIDs = Set((rebuilt["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        #expect(try db.query("SELECT count(*) FROM gifticons").rows.first?.first == String(CrashWorkload.gifticonsAfterBurst))
        for (a, b) in zip(incremental["mongo.gifticons"] ?? [], rebuilt["mongo.gifticons"] ?? []) where a != b {
            print("crash test: incremental \(a.jsonString())\n  rebuilt \(b.jsonString())")
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
        #expect(try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:]).isEmpty)

        try await pipeline.dropTestReadModels()
        await client.shutdown()
    }
}
