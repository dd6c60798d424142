import Foundation
import JSON
import ReadModels
import Stores
@testable import Sync
import Testing

/// The embedded sync's snapshot, read in chunks: a stopped one resumes after its last chunk, and chunks read while
/// commits stream in give the read models a rebuild gives.
@Suite struct ChunkedSnapshotTests {
    let settings = StoreSettings.fromEnvironment()

    func pipeline(_ database: MigratedTestDatabase, rowsPerChunk: Int) -> SyncPipeline {
        var pipeline = SyncPipeline(
            databaseURL: database.url, slot: database.slot, mongo: MongoClient(uri: database.mongoURI, maxConnections: 4),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: "\(database.name)_"), keys: RedisKeys(prefix: "\(database.name):"))
        pipeline.snapshotChunkRows = rowsPerChunk
        return pipeline
    }

    /// Rows the seed writes (`CrashWorkload.seed`): 40 users, 2 brands, a category, a tag, 150 gifticons with
    /// their prices, and 50 gifticon tags.
    static let seededRows = 40 + 2 + 1 + 1 + 150 + 150 + 50

    @Test func aStoppedSnapshotResumesAfterItsLastChunk() async throws {
        let database = try await MigratedTestDatabase(prefix: "chunked_resume")
        defer { database.drop() }
        try CrashWorkload.seed(try PostgresConnection(url: database.url))
        let pipeline = pipeline(database, rowsPerChunk: 10)
        let progress = SnapshotProgress(redis: pipeline.redis, keys: pipeline.keys)

        // The first run is stopped once a few chunks are in (the gifticons' chunks carry their prices and tags).
        let first = inBackground("the sync") { try await pipeline.stream().run() }
        let deadline = ContinuousClock.now + .seconds(60)
        while (try await progress.load()?.chunks ?? 0) < 8 {
            #expect(ContinuousClock.now < deadline, "the snapshot applied 8 chunks within 60 s")
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        first.cancel()
        _ = try? await first.value
        let stopped = try #require(try await progress.load())
        #expect(stopped.chunks >= 8 && stopped.rows > 0 && stopped.rows < Self.seededRows)
        #expect(try await pipeline.redis.get(pipeline.keys.appliedPosition) == nil, "no position is published before the snapshot is complete")

        // The second run reads only what the first did not apply (a chunk applied as the first was stopped, before
        // its progress was saved, is read again), then publishes the position and clears the progress.
        let resumed = SyncMetrics()
        try await pipeline.stream(metrics: resumed).run(stopAfter: 0)
        let rowsResumed = resumed.progress.changes
        #expect(rowsResumed >= Self.seededRows - stopped.rows && rowsResumed <= Self.seededRows - stopped.rows + 2 * 10 * 3,
                "the resumed run applied \(rowsResumed) rows; the stopped one had saved \(stopped.rows) of \(Self.seededRows)")
        #expect(try await pipeline.redis.get(pipeline.keys.appliedPosition) != nil)
        #expect(try await progress.load() == nil)

        let afterResume = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        #expect(afterResume["mongo.gifticons"]?.count == 150)
        try await pipeline.resetReadModels()
        let rebuild = SyncMetrics()
        try await pipeline.stream(metrics: rebuild).run(stopAfter: 0)
        #expect(rebuild.progress.changes == Self.seededRows)
        let rebuilt = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init))
        for key in rebuilt.keys.sorted() { #expect(afterResume[key] == rebuilt[key], "\(key) differs from a rebuild") }
        try await pipeline.dropTestReadModels()
        await database.client.shutdown()
    }

    /// Commits of every kind stream in while the snapshot is read in small chunks: prices, statuses, renames that
    /// fan out, reviews, deletes, images and tags added and removed. The read models then equal a rebuild's.
    @Test func chunksReadBetweenStreamedCommitsEqualARebuild() async throws {
        let database = try await MigratedTestDatabase(prefix: "chunked_concurrent")
        defer { database.drop() }
        try CrashWorkload.seed(try PostgresConnection(url: database.url))
        let pipeline = pipeline(database, rowsPerChunk: 7)
        let url = database.url

        let stream = inBackground("the sync") { try await pipeline.stream().run() }
        let progress = BurstProgress()
        let burst = CrashWorkload.burst(url: url, pause: .milliseconds(5), progress: progress)
        let lists = Task.detached {
            let db = try PostgresConnection(url: url)
            for i in 1...60 {
                let gifticon = 61 + (i * 37) % 89  // not deleted by the burst (it deletes ids up to 60)
                try db.execute("""
                    INSERT INTO gifticon_images (id, gifticon_id, url, display_order, is_primary) VALUES (\(5000 + i), \(gifticon), 'https://img/\(i).png', \(i), false);
                    INSERT INTO gifticon_tags (gifticon_id, tag_id) VALUES (\(gifticon), 1000) ON CONFLICT DO NOTHING
                    """)
                if i % 3 == 0 { try db.execute("DELETE FROM gifticon_images WHERE id = \(5000 + i - 1); DELETE FROM gifticon_tags WHERE gifticon_id = \(gifticon)") }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        try await burst.value
        try await lists.value
        let deadline = ContinuousClock.now + .seconds(120)
        while !(await CrashWorkload.sentinelApplied(pipeline)) {
            try #require(ContinuousClock.now < deadline, "the sync caught up within 120 s")
            try await Task.sleep(for: .milliseconds(50))
        }
        // The lists' writer may commit after the sentinel: wait until the applied position passes the database's.
        let current = try #require(try PostgresConnection(url: url).query("SELECT pg_current_wal_lsn()::text").rows.first?[0].flatMap(LSN.init))
        while (try await AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys).current() ?? .zero) < current {
            try #require(ContinuousClock.now < deadline, "the sync caught up within 120 s")
            try await Task.sleep(for: .milliseconds(50))
        }
        stream.cancel()
        _ = try? await stream.value

        let streamed = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init)).mapValues { $0.map(\.sortingKeys) }
        #expect(streamed["mongo.gifticons"]?.count == CrashWorkload.gifticonsAfterBurst)
        #expect(try await pipeline.mongo.find(MongoCollections.deadLetters, filter: [:]).isEmpty)
        try await pipeline.resetReadModels()
        try await pipeline.stream().run(stopAfter: 0)
        let rebuilt = try await RebuildAndDeadLetterTests().snapshot(pipeline, sellers: (1...20).map(String.init)).mapValues { $0.map(\.sortingKeys) }
        for key in rebuilt.keys.sorted() { #expect(streamed[key] == rebuilt[key], "\(key) differs from a rebuild") }
        try await pipeline.dropTestReadModels()
        await database.client.shutdown()
    }

    /// The stand-in search server keeps its indexes in memory: restarted, it has none (or empty ones), while MongoDB
    /// and Redis say every change was applied. The next start rebuilds instead of streaming on over an empty search.
    @Test func aSyncWhoseSearchIndexesAreGoneRebuildsOnStart() async throws {
        let database = try await MigratedTestDatabase(prefix: "chunked_lost_index")
        defer { database.drop() }
        try CrashWorkload.seed(try PostgresConnection(url: database.url))
        let pipeline = pipeline(database, rowsPerChunk: 100)
        try await pipeline.stream().run(stopAfter: 0)
        try await pipeline.search.deleteIndex(pipeline.indexes.gifticons)

        let restarted = SyncMetrics()
        try await pipeline.stream(metrics: restarted).run(stopAfter: 0)
        #expect(restarted.progress.changes == Self.seededRows, "the restart read a whole new snapshot")
        try await pipeline.search.refresh(pipeline.indexes.gifticons)
        let count = { try await pipeline.search.request("GET", "/\(pipeline.indexes.gifticons)/_count")["count"]?.int64 }
        #expect(try await count() == 150)

        // Recreated empty (an earlier start's `ensure` after the search server lost it): the same.
        try await pipeline.search.deleteIndex(pipeline.indexes.gifticons)
        try await pipeline.indexes.ensure(pipeline.search)
        try await pipeline.stream().run(stopAfter: 0)
        try await pipeline.search.refresh(pipeline.indexes.gifticons)
        #expect(try await count() == 150)
        try await pipeline.dropTestReadModels()
        await database.client.shutdown()
    }

    /// Progress is saved only once everything before it is in every read model: with a chunk's later stage still
    /// running, moving past an empty step must not be saved (a kill then would skip that chunk's search entries).
    @Test func progressNeverRunsAheadOfAChunkStillInFlight() async throws {
        let database = try await MigratedTestDatabase(prefix: "chunked_ahead")
        defer { database.drop() }
        try PostgresConnection(url: database.url).execute("INSERT INTO users (id, username, nickname) SELECT i, 'u' || i, 'n' || i FROM generate_series(1, 5) i")
        let keys = RedisKeys(prefix: "\(database.name):")
        let progress = SnapshotProgress(redis: RedisClient(url: settings.redisURL), keys: keys)
        let later = HeldChunks()
        let stream = ChangeStream(url: database.url, slot: database.slot, publication: SyncPipeline.publication, tables: SyncPipeline.tables,
                                  stages: [[NoProjector()], [later]], positions: AppliedPositionPublisher(redis: progress.redis, keys: keys),
                                  snapshot: .chunked(progress, plan: SnapshotPlan([.init("users"), .init("reviews")]), rowsPerChunk: 100))
        let running = inBackground("the sync") { try await stream.run(stopAfter: 0) }
        let deadline = ContinuousClock.now + .seconds(60)
        while !later.holding, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(later.holding, "the users chunk reached the later stage")
        // The reviews step is empty and is read while the users chunk is held: give it time to be (wrongly) saved.
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await progress.load()?.step == 0, "no progress past a chunk whose later stage is still running")
        later.release()
        try await running.value
        #expect(try await progress.load() == nil, "cleared at the end")
        try await progress.clear()
        _ = try await progress.redis.command("DEL", keys.appliedPosition, keys.syncStatus)
        await database.client.shutdown()
    }

    struct NoProjector: Projector {
        let name = "none"
        func apply(_ transaction: CommittedTransaction) async throws {}
    }

    /// A later stage that holds each chunk until released.
    final class HeldChunks: Projector, @unchecked Sendable {
        let name = "held"
        private let lock = NSLock()
        private var held = false
        private var released = false
        var holding: Bool { lock.withLock { held } }
        func release() { lock.withLock { released = true } }
        func apply(_ transaction: CommittedTransaction) async throws {}
        func applyChunk(_ chunk: CommittedTransaction) async throws {
            lock.withLock { held = true }
            while !lock.withLock({ released }) { try await Task.sleep(for: .milliseconds(10)) }
        }
    }

    @Test func progressRoundTripsThroughRedis() async throws {
        let keys = RedisKeys(prefix: "chunked_progress_\(UInt32.random(in: 0...UInt32.max)):")
        let progress = SnapshotProgress(redis: RedisClient(url: settings.redisURL), keys: keys)
        #expect(try await progress.load() == nil)
        let state = SnapshotProgress.State(since: LSN(0x1_0000_0010), step: 2, after: ["2", "a,b:c", ""], chunks: 7, rows: 70)
        try await progress.save(state)
        #expect(try await progress.load() == state)
        var next = state
        next.after = nil
        next.step = 3
        try await progress.save(next)
        #expect(try await progress.load() == next, "a saved state replaces the whole previous one")
        try await progress.clear()
        #expect(try await progress.load() == nil)
        #expect(SnapshotProgress.decodeKey("3:abc2:") == nil, "a truncated key is refused")
    }
}

/// The watermark bookkeeping on its own: when a chunk is applied, and when it must be read again.
@Suite struct IncrementalSnapshotTests {
    static let plan = SnapshotPlan([.init("users"), .init("gifticons")])

    func chunk(step: Int = 0, last: String = "10", endsStep: Bool = false, watermark: UInt32, inProgress: Set<UInt32> = []) -> SnapshotChunk {
        SnapshotChunk(step: step, lastKey: [last], endsStep: endsStep, watermarkXID: watermark, inProgress: inProgress,
                      changes: [RowChange(schema: "public", table: "users", operation: .read, before: nil, after: [])])
    }

    func transaction(_ xid: UInt32, end: UInt64) -> CommittedTransaction {
        CommittedTransaction(xid: xid, commitLSN: LSN(end - 1), endLSN: LSN(end), commitTimeMicros: 1, changes: [])
    }

    @Test func aChunkIsAppliedAtItsWatermarkAndMovesThePlanOn() {
        let snapshot = IncrementalSnapshot(plan: Self.plan, state: .init(since: LSN(1)))
        #expect(snapshot.opened(chunk(watermark: 50)))
        #expect(!snapshot.observe(transaction(40, end: 100)))
        #expect(snapshot.observe(transaction(50, end: 120)))
        let applied = snapshot.watermarkReached(at: transaction(50, end: 120))
        #expect(applied?.endLSN == LSN(120) && applied?.changes.count == 1)
        let pending = chunk(watermark: 50)
        #expect(snapshot.applied(pending) == .init(since: LSN(1), step: 0, after: ["10"], chunks: 1, rows: 1))
        #expect(snapshot.applied(chunk(last: "12", endsStep: true, watermark: 51)).step == 1)
        #expect(!snapshot.isComplete)
        snapshot.advance(past: SnapshotChunk(step: 1, lastKey: nil, endsStep: true, watermarkXID: 0, inProgress: [], changes: []))
        #expect(snapshot.isComplete)
    }

    @Test func aCommittingTransactionSeenBeforeTheWatermarkMeansReadingAgain() {
        let snapshot = IncrementalSnapshot(plan: Self.plan, state: .init(since: LSN(1)))
        // Streamed before the chunk was read, yet in progress for the read's snapshot: read again at once.
        _ = snapshot.observe(transaction(30, end: 90))
        #expect(!snapshot.opened(chunk(watermark: 50, inProgress: [30])))
        #expect(snapshot.pending == nil)
        // Streamed after the read but before the watermark: the chunk is dropped when the watermark arrives.
        #expect(snapshot.opened(chunk(watermark: 60, inProgress: [55])))
        _ = snapshot.observe(transaction(55, end: 100))
        #expect(snapshot.observe(transaction(60, end: 110)))
        #expect(snapshot.watermarkReached(at: transaction(60, end: 110)) == nil)
        #expect(snapshot.rereads == 2 && snapshot.state.step == 0 && snapshot.state.after == nil)
        // In progress, but committing after the watermark: streamed after the chunk, over it.
        #expect(snapshot.opened(chunk(watermark: 70, inProgress: [65])))
        #expect(snapshot.observe(transaction(70, end: 120)))
        #expect(snapshot.watermarkReached(at: transaction(70, end: 120)) != nil)
        #expect(!snapshot.observe(transaction(65, end: 130)))
    }

    @Test func recentTransactionIDsForgetTheOldest() {
        var recent = RecentTransactionIDs(capacity: 3)
        for xid: UInt32 in [1, 2, 3, 2] { recent.insert(xid) }
        #expect(!recent.contains(1) && recent.contains(2) && recent.contains(3))
        recent.insert(4)  // evicts the first 2; the second is still held
        #expect(recent.contains(2) && recent.contains(4))
        recent.insert(5)  // evicts 3
        #expect(!recent.contains(3) && recent.contains(2))
    }
}
