import Commands
import Foundation
import ReadModels
import Stores
@testable import Sync
import Testing

/// A command's consistency token can lie past its commit (the insert position includes other sessions' WAL): the
/// applied position must still reach it while nothing else commits in this database.
@Suite struct IdlePositionTests {
    let settings = StoreSettings.fromEnvironment()

    @Test func theAppliedPositionReachesATokenPastTheLastCommit() async throws {
        let database = try await MigratedTestDatabase(prefix: "idle_test")
        defer { database.drop() }
        let pipeline = SyncPipeline(
            databaseURL: database.url, slot: database.slot, mongo: MongoClient(uri: database.mongoURI, maxConnections: 2),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: "\(database.name)_"), keys: RedisKeys(prefix: "\(database.name):"))
        let stream = try await pipeline.stream()
        let started = AsyncStream<Void>.makeStream()
        let running = inBackground("the sync") { try await stream.run(onStreaming: { started.continuation.yield() }) }
        for await _ in started.stream { break }

        let db = try PostgresConnection(url: database.url)
        try db.execute("INSERT INTO users (id, username, nickname) VALUES (1, 'u1', 'n1')")
        // WAL of another database after our commit, then the token as a command reads it.
        let other = try PostgresConnection(url: settings.databaseURL)
        let noise = "idle_noise_\(database.name)"
        try other.execute("CREATE TABLE \(noise) (n int); INSERT INTO \(noise) SELECT generate_series(1, 1000); DROP TABLE \(noise)")
        let tokenText = try db.query("SELECT pg_current_wal_insert_lsn()::text").rows.first?[0] ?? nil
        let token = try #require(tokenText.flatMap(LSN.init))

        let positions = AppliedPositionPublisher(redis: pipeline.redis, keys: pipeline.keys)
        let deadline = Date().addingTimeInterval(15)
        var applied = try await positions.current()
        while Date() < deadline, applied.map({ $0 < token }) ?? true {
            try await Task.sleep(nanoseconds: 100_000_000)
            applied = try await positions.current()
        }
        running.cancel()
        _ = try? await running.value
        #expect(applied.map { $0 >= token } == true, "applied \(String(describing: applied)), token \(token)")
        let status = try await pipeline.redis.command("HGET", pipeline.keys.syncStatus, "appliedMillis").string
        #expect(status.flatMap { Int64($0) }.map { $0 > 0 } == true, "the sync status hash says when it applied")

        try await pipeline.dropTestReadModels()
        await database.client.shutdown()
    }
}

/// A snapshot that takes longer to apply than the walsender waits for a client (`wal_sender_timeout`) must not
/// lose the replication connection: the stream sends status updates while it applies.
@Suite struct SlowSnapshotTests {
    /// Takes its time over the snapshot, as a slow store would.
    struct SlowSnapshotProjector: Projector {
        let name = "slow"
        let streamed = Counter()
        func apply(_ transaction: CommittedTransaction) async throws {
            if !transaction.changes.isEmpty, transaction.changes.allSatisfy({ $0.operation == .read }) { try await Task.sleep(for: .seconds(12)) } else if transaction.changes.contains(where: { $0.operation != .read }) { streamed.add() }
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    @Test(arguments: ["exported", "chunked"])
    func aSlowSnapshotKeepsTheReplicationConnection(mode: String) async throws {
        let database = try await MigratedTestDatabase(prefix: "slow_snapshot")
        defer { database.drop() }
        let db = try PostgresConnection(url: database.url)
        try db.execute("INSERT INTO users (id, username, nickname) VALUES (1, 'u1', 'n1')")
        // The walsender gives up on a silent client after 5 s (settable per connection since PostgreSQL 12; a loaded machine needs the margin).
        let url = database.url + (database.url.contains("?") ? "&" : "?") + "options=-c%20wal_sender_timeout%3D5s"
        let projector = SlowSnapshotProjector()
        let progress = SnapshotProgress(redis: RedisClient(url: StoreSettings.fromEnvironment().redisURL), keys: RedisKeys(prefix: "\(database.name):"))
        let stream = ChangeStream(url: url, slot: database.slot, publication: SyncPipeline.publication, tables: SyncPipeline.tables,
                                  projectors: [projector], feedbackInterval: .milliseconds(500),
                                  snapshot: mode == "chunked" ? .chunked(progress, plan: .gifticon, rowsPerChunk: 100) : .exported)
        let writeURL = database.url
        try await stream.run(stopAfter: 1, onStreaming: {
            try PostgresConnection(url: writeURL).execute("INSERT INTO users (id, username, nickname) VALUES (2, 'u2', 'n2')")
        })
        #expect(projector.streamed.value == 1, "the write after a 12 s snapshot was streamed on the same connection")
        try await progress.clear()
        await database.client.shutdown()
    }
}
