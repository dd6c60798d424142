import Commands
import Foundation
import JSON
import ReadModels
import Testing
import Stores
@testable import Sync
import Testing
import StoreTestSupport

/// The Kafka path's crash test: `gifticon sync relay` and `gifticon sync project --from kafka` members run as
/// processes of their own, and the relay or a member is killed with SIGKILL at random points of the relay's snapshot
/// and of a burst of commits, and restarted at once under its member id. Once the members have caught up, the read
/// models equal a fresh rebuild's, field for field: no change lost to an offset committed too early or a slot
/// confirmed before the broker had it, none applied twice where that would show, and with several members no rename
/// lost between the members that apply its copies. Serialized: each test runs up to six processes, and two at once
/// beside the rest of the suite slowed the store-outage tests past their bounds.
@Suite(.serialized) struct KafkaCrashTests {
    let settings = StoreSettings.fromEnvironment()

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SyncCrashTests.binary.path)))
    func relayAndProjectorKilledAtRandomPointsLoseAndDuplicateNothing() async throws {
        try await crash(members: 1, joiner: false)
    }

    /// Three members share six partitions; a fourth joins at a random point of the burst (a rebalance while
    /// transactions are in flight), members and the relay are killed; consistency tokens taken during the burst are
    /// honoured on the first read once the low watermark passes them.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SyncCrashTests.binary.path)))
    func threeMembersKilledAndJoinedMidBurstSplitTheWorkExactly() async throws {
        try await crash(members: 3, joiner: true)
    }

    func crash(members memberCount: Int, joiner: Bool) async throws {
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
        let relay = SupervisedProcess(
            role: "relay", environment: environment,
            arguments: ["sync", "relay", "--slot", relaySlot, "--topic-prefix", topicPrefix, "--redis-prefix", "\(name):"],
            log: logs.appendingPathComponent("\(name)-relay.log"))
        func member(_ number: Int) -> SupervisedProcess {
            SupervisedProcess(
                role: "member \(number)", environment: environment,
                arguments: ["sync", "project", "--from", "kafka", "--group", "projector_\(name)", "--member", "m\(number)", "--topic-prefix", topicPrefix,
                            "--index-prefix", "\(name)_", "--redis-prefix", "\(name):"],
                log: logs.appendingPathComponent("\(name)-member\(number).log"))
        }
        let members = (1...memberCount).map(member)
        let joining = joiner ? member(memberCount + 1) : nil
        // The joiner counts once it was started.
        var running: [SupervisedProcess] { [relay] + members + (joining.map { $0.starts > 0 ? [$0] : [] } ?? []) }
        // A test that fails half-way leaves no member running on.
        defer { for process in running { process.stop() } }
        let pipeline = SyncPipeline(
            databaseURL: url, slot: rebuildSlot, mongo: MongoClient(uri: database.mongoURI, maxConnections: 4),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"))

        let relayPosition = RedisKeys(prefix: "\(name):relay:").appliedPosition
        func relayPublishedSnapshot() async -> Bool { ((try? await pipeline.redis.get(relayPosition)) ?? nil) != nil }
        let clock = ContinuousClock()
        // Every restart follows its kill at once, with no delay: the killed process's last requests may still land
        // on the servers and the broker while the next run works, and the read models must come out right anyway.
        var kills: [String] = []

        // The relay's snapshot length on this machine, now: a relay of its own (slot, topics, keys) from its start
        // to its published position. The snapshot kill lands at a random point of that length.
        let calibration = SupervisedProcess(
            role: "calibration relay", environment: environment,
            arguments: ["sync", "relay", "--slot", "calib_\(relaySlot)", "--topic-prefix", "calib_\(topicPrefix)", "--redis-prefix", "calib_\(name):"],
            log: logs.appendingPathComponent("\(name)-calibration.log"))
        let calibrationPosition = RedisKeys(prefix: "calib_\(name):relay:").appliedPosition
        let calibrationStart = clock.now
        try calibration.start()
        while ((try? await pipeline.redis.get(calibrationPosition)) ?? nil) == nil {
            guard clock.now - calibrationStart < .seconds(120) else {
                throw SyncCrashTests.Stuck(description: "the calibration relay never published its snapshot (log: \(calibration.log.path))")
            }
            try calibration.restartIfExited()
            try await Task.sleep(for: .milliseconds(20))
        }
        let snapshotLength = clock.now - calibrationStart
        _ = try calibration.kill()
        dropSlot("calib_\(relaySlot)", url: settings.databaseURL)
        _ = try? await pipeline.redis.command("DEL", calibrationPosition)
        try? FileManager.default.removeItem(at: calibration.log)

        // The relay killed at a random point of its snapshot; one that finished sooner than measured is started over
        // from a new slot (as the relay does itself after an interrupted snapshot) for another try.
        var snapshotKills = 0
        try relay.start()
        for _ in 0..<6 where snapshotKills < 1 {
            try relay.restartIfExited()
            try await Task.sleep(for: snapshotLength * Double.random(in: 0..<1))
            let inSnapshot = !(await relayPublishedSnapshot())
            guard try relay.kill() else { continue }
            if inSnapshot {
                snapshotKills += 1
                kills.append("relay in its snapshot")
            } else {
                dropSlot(relaySlot, url: settings.databaseURL)
                _ = try await pipeline.redis.command("DEL", relayPosition)
            }
            try relay.start()
        }

        // The burst: 60 transactions about 300 ms apart (prices, statuses, renames, reviews, deletes), then a
        // sentinel; slower than SyncCrashTests': the relay's snapshot alone takes seconds through the broker. Kills
        // at a random point of each eighth of it, whatever its length turns out to be, four of each process in a
        // random order.
        let pause = Duration.milliseconds(300)
        let progress = BurstProgress()
        for member in members { try member.start() }
        let writer = CrashWorkload.burst(url: url, pause: pause, progress: progress)
        let tokens = joiner ? Task { try await Self.checkConsistencyTokens(url: url, pipeline: pipeline, progress: progress, pause: pause) } : nil
        let victims = (Array(repeating: relay, count: 4) + (0..<4).map { _ in members.randomElement()! }).shuffled()
        let joinAt = Int.random(in: 0..<victims.count)
        var burstKills: [ContinuousClock.Instant] = []
        var lateKills = 0
        for (index, (victim, point)) in zip(victims, BurstProgress.killPoints(victims.count, of: CrashWorkload.burstLength)).enumerated() {
            try await progress.reach(point, pause: pause) {
                // A start can race the dead relay's walsender (the slot is still active): it exits, and is started again.
                for process in running { try process.restartIfExited() }
            }
            if index == joinAt, let joining {
                try joining.start()
                kills.append("member \(memberCount + 1) joined")
            }
            let applied = ((try? await pipeline.redis.get(pipeline.keys.appliedPosition)) ?? nil) ?? "none"
            guard try victim.kill() else { continue }
            if progress.ended != nil { lateKills += 1 }
            burstKills.append(clock.now)
            kills.append("\(victim.role) after \(point) commits (applied \(applied))")
            try victim.start()
        }
        try await writer.value
        let honoured = try await tokens?.value

        // All run on until the sentinel reaches MongoDB and the applied position (every partition's) passes the
        // database's last commit (the relay's heartbeats carry idle partitions there).
        let target = try LSN(#require(db.query("SELECT pg_current_wal_insert_lsn()::text").rows.first?[0] ?? nil))!
        let started = Date()
        var caughtUp = false
        while Date().timeIntervalSince(started) < 120 {
            for process in running { try process.restartIfExited() }
            let applied = try? await AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys).current()
            if await CrashWorkload.sentinelApplied(pipeline), let applied, applied >= target {
                caughtUp = true
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        for process in running { process.stop() }
        // What each member held: the work was split, not held by one member while the others stood by.
        let assignments = running.dropFirst().map { member -> [String] in
            let text = (try? String(contentsOf: member.log, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").filter { $0.contains("partitions assigned") }.map { line in
                line.split(separator: " ").first { $0.hasPrefix("partitions=") }.map { String($0.dropFirst("partitions=".count)) } ?? ""
            }
        }
        let starts = running.map { "\($0.role) \($0.starts)" }.joined(separator: ", ")
        print("kafka crash test (\(memberCount) members): relay snapshot \(snapshotLength.milliseconds) ms; kills \(kills.joined(separator: ", ")); burst kills \(progress.describe(burstKills)); tokens honoured \(honoured.map(String.init) ?? "-"); partitions held \(assignments.map { $0.joined(separator: " then ") }); caught up \(caughtUp) after \(Int(Date().timeIntervalSince(started))) s; starts: \(starts)")
        // Only kills that landed count: the process was running and died of SIGKILL.
        #expect(snapshotKills == 1, "a kill inside the relay's snapshot")
        #expect(burstKills.count == victims.count, "kills inside the burst")
        #expect(lateKills == 0, "kills after the burst had ended")
        let sharing = assignments.filter { $0.contains { !$0.isEmpty } }.count
        #expect(sharing >= memberCount, "each member held partitions at some point: \(assignments)")
        if let honoured { #expect(honoured == 3, "consistency tokens honoured on the first read") }
        #expect(caughtUp, "the members caught up after \(kills.count) kills (logs: \(running.map(\.log.path).joined(separator: ", ")))")

        let incremental = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init)).mapValues { $0.map(\.sortingKeys) }
        // The projector's own dead letters: the reset below empties them.
        let deadLetters = try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:])
        #expect(deadLetters.isEmpty, "dead letters: \(deadLetters.map { $0.jsonString() })")
        #expect(incremental["mongo.gifticons"]?.count == CrashWorkload.gifticonsAfterBurst)
        #expect(try db.query("SELECT count(*) FROM gifticons").rows.first?.first == String(CrashWorkload.gifticonsAfterBurst))

        // The reference: the embedded sync over the same database, from a snapshot of the final state.
        try await pipeline.resetReadModels()
        try await pipeline.stream().run(stopAfter: 0)
        let rebuilt = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init)).mapValues { $0.map(\.sortingKeys) }
        let incrementalIDs = Set((incremental["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        let rebuiltIDs = Set((rebuilt["mongo.gifticons"] ?? []).compactMap { $0["_id"]?.int64 })
        if incrementalIDs != rebuiltIDs {
            print("kafka crash test: only projected \(incrementalIDs.subtracting(rebuiltIDs).sorted()), only rebuilt \(rebuiltIDs.subtracting(incrementalIDs).sorted())")
        }
        var identical = caughtUp
        for key in incremental.keys.sorted() {
            if rebuilt[key] != incremental[key] { identical = false }
            if rebuilt[key] != incremental[key] {
                let ids = { (models: [JSONValue]?) in Set((models ?? []).compactMap { ($0["_id"] ?? $0["id"]).map { $0.jsonString() } }) }
                let (ours, theirs) = (ids(incremental[key]), ids(rebuilt[key]))
                print("kafka crash test: \(key): only projected \(ours.subtracting(theirs).sorted()), only rebuilt \(theirs.subtracting(ours).sorted())")
            }
            for (a, b) in zip(incremental[key] ?? [], rebuilt[key] ?? []) where a != b {
                print("kafka crash test: \(key): projected \(a.jsonString())\n  rebuilt \(b.jsonString())")
                break
            }
            let same = { #expect(rebuilt[key] == incremental[key], "\(key) differs from a rebuild after kills of \(kills.joined(separator: ", "))") }
            guard key.hasPrefix("search.") else { same(); continue }
            // Known, intermittent, not fully explained: fresh-clone CI runs found the search index different from a
            // rebuild while MongoDB and Redis were equal; the last one (2026-12-07) kept the entry of a gifticon the
            // burst deleted. One way to that is fixed (a snapshot over existing read models now removes the entries
            // of documents that are gone, `SearchProjector.snapshotApplied`); whether it is the only way is not proven.
            withKnownIssue("search differs from a rebuild after projector kills (cause not yet found)", isIntermittent: true) { same() }
        }
        #expect(try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:]).isEmpty)

        // Redis keys (the relay's too), collections, indexes and the rebuild's slot; then the database.
        try await pipeline.resetReadModels()
        try await pipeline.dropTestReadModels()
        await client.shutdown()
        if identical { for process in running { try? FileManager.default.removeItem(at: process.log) } }
    }

    /// Three times during the burst: a commit, its consistency token (the WAL insert position right after it), a
    /// wait until the applied position passes the token, then one read, which must show the commit. How many were.
    static func checkConsistencyTokens(url: String, pipeline: SyncPipeline, progress: BurstProgress, pause: Duration) async throws -> Int {
        let db = try PostgresConnection(url: url)
        let positions = AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys)
        var honoured = 0
        for (number, point) in [12, 30, 48].enumerated() {
            try await progress.reach(point, pause: pause) {}
            let id = 100 + number  // the burst leaves gifticons past 60 alone
            try db.execute("UPDATE gifticons SET description = 'token \(number)' WHERE id = \(id)")
            let token = try LSN(#require(db.query("SELECT pg_current_wal_insert_lsn()::text").rows.first?[0] ?? nil))!
            let deadline = ContinuousClock.now + .seconds(90)
            while (try? await positions.current()).flatMap({ $0 }).map({ $0 < token }) ?? true {
                try #require(ContinuousClock.now < deadline, "the applied position passed token \(number) within 90 s")
                try await Task.sleep(for: .milliseconds(20))
            }
            let document = try await pipeline.mongo.find(MongoCollections.gifticons, filter: ["_id": .int(id)]).first
            #expect(document?["description"]?.stringValue == "token \(number)", "the first read after token \(number) shows its commit")
            if document?["description"]?.stringValue == "token \(number)" { honoured += 1 }
        }
        return honoured
    }
}
