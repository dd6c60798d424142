import Commands
import Foundation
import Testing
import Stores
@testable import Sync

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
        let running = Task { try await stream.run(onStreaming: { started.continuation.yield() }) }
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

        _ = try? await pipeline.mongo.command(["dropDatabase": 1])
        await pipeline.mongo.shutdown()
        await pipeline.search.shutdown()
        await pipeline.redis.shutdown()
        await database.client.shutdown()
    }
}
