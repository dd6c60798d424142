import Commands
import Foundation
import JSON
import ReadModels
import Testing
import Stores
@testable import Sync
import Testing

/// The Kafka path's crash test: `gifticon sync relay` and `gifticon sync project --from kafka` run as processes of
/// their own, and one or the other is killed with SIGKILL at random points of a burst of commits (the snapshot
/// included) and restarted. Once the projector has caught up, the read models equal a fresh rebuild's, field for
/// field: no change lost to an offset committed too early or a slot confirmed before the broker had it, none
/// applied twice where that would show.
@Suite struct KafkaCrashTests {
    let settings = StoreSettings.fromEnvironment()

    /// One of the two processes, restarted after each kill as a supervisor would. Its output goes to a log file
    /// (kept when the test fails: it says where each run stopped).
    final class Supervised {
        let role: String
        let environment: [String: String]
        let arguments: [String]
        let log: URL
        private(set) var process: Process?
        private(set) var starts = 0

        init(role: String, environment: [String: String], arguments: [String], log: URL) {
            (self.role, self.environment, self.arguments, self.log) = (role, environment, arguments, log)
            FileManager.default.createFile(atPath: log.path, contents: nil)
        }

        var isRunning: Bool { process?.isRunning ?? false }

        func start() throws {
            let output = try FileHandle(forWritingTo: log)
            output.seekToEndOfFile()
            output.write(Data("--- \(role) start \(starts + 1)\n".utf8))
            let process = Process()
            process.executableURL = SyncCrashTests.binary
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = output
            process.standardError = output
            try process.run()
            self.process = process
            starts += 1
        }

        /// SIGKILL: no shutdown code runs, no consumer leaves its group, no producer flushes.
        func killAbruptly() {
            guard let process else { return }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func stop() {
            guard let process, process.isRunning else { return }
            process.terminate()
            process.waitUntilExit()
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SyncCrashTests.binary.path)))
    func relayAndProjectorKilledAtRandomPointsLoseAndDuplicateNothing() async throws {
        let database = try await MigratedTestDatabase(prefix: "kafka_crash")
        defer { database.drop() }
        let (name, url, client) = (database.name, database.url, database.client)
        let relaySlot = "relay_\(name)"
        defer { dropSlot(relaySlot, url: settings.databaseURL) }
        // The rebuild's embedded stream needs a slot of its own: the relay's has its position in the WAL.
        let rebuildSlot = "rebuild_\(name)"
        defer { dropSlot(rebuildSlot, url: settings.databaseURL) }
        let db = try PostgresConnection(url: url)
        // The same seed as SyncCrashTests: a snapshot that takes a while, so kills land inside it too.
        try CrashWorkload.seed(db)

        // Everything of this run's own: topics, group, slot, MongoDB database, indexes, Redis keys. The relay shares
        // the projector's Redis prefix, as deployed: its own position lives under `<prefix>relay:`.
        let environment = ["DATABASE_URL": url, "MONGODB_URI": database.mongoURI, "SEARCH_URL": settings.searchURL,
                           "REDIS_URL": settings.redisURL, "KAFKA_BROKERS": settings.kafkaBrokers]
        let topicPrefix = "crash_\(name)"
        let logs = FileManager.default.temporaryDirectory
        let relay = Supervised(
            role: "relay", environment: environment,
            arguments: ["sync", "relay", "--slot", relaySlot, "--topic-prefix", topicPrefix, "--redis-prefix", "\(name):"],
            log: logs.appendingPathComponent("\(name)-relay.log"))
        let projector = Supervised(
            role: "projector", environment: environment,
            arguments: ["sync", "project", "--from", "kafka", "--group", "projector_\(name)", "--topic-prefix", topicPrefix,
                        "--index-prefix", "\(name)_", "--redis-prefix", "\(name):"],
            log: logs.appendingPathComponent("\(name)-projector.log"))
        let pipeline = SyncPipeline(
            databaseURL: url, slot: rebuildSlot, mongo: MongoClient(uri: database.mongoURI, maxConnections: 4),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"))

        // The burst: 60 transactions over about 18 s (prices, statuses, renames, reviews, deletes), then a sentinel.
        // Slower than SyncCrashTests' 3 s: the relay's snapshot alone takes seconds through the broker, and the
        // commits should keep coming while the later kills land.
        let writer = CrashWorkload.burst(url: url, pause: .milliseconds(300))

        // Four kills each, in a random order. The relay's first one lands at random in its snapshot, the projector's
        // first once the relay published the snapshot (while it reads it); every later one once the victim has
        // made progress since its restart, so it lands mid-stream, not in a process still starting up.
        let relayPosition = RedisKeys(prefix: "\(name):relay:").appliedPosition
        func position(of process: Supervised) async -> String? {
            (try? await pipeline.redis.get(process === relay ? relayPosition : pipeline.keys.appliedPosition)) ?? nil
        }
        let victims = (Array(repeating: relay, count: 4) + Array(repeating: projector, count: 4)).shuffled()
        var kills: [String] = []
        let begin = Date()
        try relay.start()
        try projector.start()
        var positionAtStart = [ObjectIdentifier(relay): String?.none, ObjectIdentifier(projector): String?.none]
        for victim in victims {
            let first = !kills.contains { $0.hasPrefix(victim.role) }
            let waitingSince = Date()
            while Date().timeIntervalSince(waitingSince) < 20 {
                if first && victim === relay { break }
                if first, await position(of: relay) != nil { break }
                if !first, let now = await position(of: victim), now != positionAtStart[ObjectIdentifier(victim)] ?? nil { break }
                for process in [relay, projector] where !process.isRunning { try process.start() }  // see below
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: first && victim === relay ? 150...700 : 0...700)))
            let applied = await position(of: projector) ?? "none"
            victim.killAbruptly()
            kills.append("\(victim.role) at \(Int(Date().timeIntervalSince(begin) * 1000)) ms (applied \(applied))")
            // A supervisor's restart delay; it also lets the servers finish the dead process's last requests (see
            // SyncCrashTests).
            try await Task.sleep(for: .milliseconds(1_000))
            positionAtStart[ObjectIdentifier(victim)] = await position(of: victim)
            try victim.start()
            // A start can race the dead relay's walsender (the slot is still active): it exits, and is started again.
            for other in [relay, projector] where !other.isRunning { try other.start() }
        }
        try await writer.value

        // Both run on until the sentinel reaches MongoDB and the projector's applied position reaches its commit.
        let started = Date()
        var caughtUp = false
        while Date().timeIntervalSince(started) < 120 {
            for process in [relay, projector] where !process.isRunning { try process.start() }
            if await CrashWorkload.sentinelApplied(pipeline) {
                caughtUp = true
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        relay.stop()
        projector.stop()
        print("kafka crash test: kills \(kills.joined(separator: ", ")); caught up \(caughtUp) after \(Int(Date().timeIntervalSince(started))) s; starts: relay \(relay.starts), projector \(projector.starts)")
        #expect(caughtUp, "the projector caught up after \(kills.count) kills (logs: \(relay.log.path), \(projector.log.path))")
        #expect(kills.count == 8)

        let incremental = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        // The projector's own dead letters: the reset below empties them.
        let deadLetters = try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:])
        #expect(deadLetters.isEmpty, "dead letters: \(deadLetters.map { $0.jsonString() })")
        #expect(incremental["mongo.gifticons"]?.count == CrashWorkload.gifticonsAfterBurst)
        #expect(try db.query("SELECT count(*) FROM gifticons").rows.first?.first == String(CrashWorkload.gifticonsAfterBurst))

        // The reference: the embedded sync over the same database, from a snapshot of the final state.
        try await pipeline.resetReadModels()
        try await pipeline.stream().run(stopAfter: 0)
        let rebuilt = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        let incrementalIDs = Set((incremental["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        let rebuiltIDs = Set((rebuilt["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        if incrementalIDs != rebuiltIDs {
            print("kafka crash test: only projected \(incrementalIDs.subtracting(rebuiltIDs).sorted()), only rebuilt \(rebuiltIDs.subtracting(incrementalIDs).sorted())")
        }
        var identical = caughtUp
        for key in incremental.keys.sorted() {
            if rebuilt[key] != incremental[key] { identical = false }
            for (a, b) in zip(incremental[key] ?? [], rebuilt[key] ?? []) where a != b {
                print("kafka crash test: \(key): projected \(a.jsonString())\n  rebuilt \(b.jsonString())")
                break
            }
            #expect(rebuilt[key] == incremental[key], "\(key) differs from a rebuild after kills of \(kills.joined(separator: ", "))")
        }
        #expect(try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:]).isEmpty)

        // Redis keys (the relay's too), collections, indexes and the rebuild's slot; then the database.
        try await pipeline.resetReadModels()
        try await pipeline.dropTestReadModels()
        await client.shutdown()
        if identical { for process in [relay, projector] { try? FileManager.default.removeItem(at: process.log) } }
    }
}
