import Foundation
import ReadModels
import Stores
import Sync

/// A sync benchmark's own command database, slot, MongoDB database, index and key prefixes on the stack's servers,
/// created for one run and removed after it.
struct ScratchSync {
    let url: String
    let pipeline: SyncPipeline
    private let admin: PostgresClient

    static func create(base: String, name: String, refreshSearch: Bool) async throws -> ScratchSync {
        let settings = StoreSettings.fromEnvironment()
        let admin = PostgresClient(url: base, maxConnections: 1)
        try await admin.execute("CREATE DATABASE \(name)")
        let mongoURI = settings.mongoURI.replacingOccurrences(of: #"/[^/?]+(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
        let pipeline = SyncPipeline(
            databaseURL: BenchCommandsCommand.url(base, database: name), slot: name, mongo: MongoClient(uri: mongoURI, maxConnections: 8),
            search: SearchClient(baseURL: settings.searchURL), redis: RedisClient(url: settings.redisURL),
            indexes: SearchIndexes(prefix: "\(name)_"), keys: RedisKeys(prefix: "\(name):"), refreshSearch: refreshSearch)
        return ScratchSync(url: pipeline.databaseURL, pipeline: pipeline, admin: admin)
    }

    /// Runs `body`, then removes everything the run created, whatever `body` did.
    func use(_ body: (ScratchSync) async throws -> Void) async throws {
        var failure: (any Error)?
        do { try await body(self) } catch { failure = error }
        _ = try? await pipeline.mongo.command(["dropDatabase": 1])
        try? await pipeline.emptyReadModels()
        _ = try? await admin.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '\(pipeline.slot)'")
        _ = try? await admin.execute("DROP DATABASE IF EXISTS \(pipeline.slot) WITH (FORCE)")
        await admin.shutdown()
        if let failure { throw failure }
    }
}
