import Stores
@testable import Sync

extension SyncPipeline {
    /// Drops a test's read models (its search indexes and MongoDB database) and closes the store clients.
    func dropTestReadModels() async throws {
        try await search.deleteIndex(indexes.gifticons)
        try await search.deleteIndex(indexes.reviews)
        _ = try? await mongo.command(["dropDatabase": 1])
        await mongo.shutdown()
        await search.shutdown()
        await redis.shutdown()
    }
}
