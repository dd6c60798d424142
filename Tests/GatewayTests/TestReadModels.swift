import ReadModels
import Stores

/// Drops what a test wrote to the read models: its MongoDB database, its search indexes and its Redis keys.
func dropTestReadModels(mongo: MongoClient, search: SearchClient, redis: RedisClient, indexes: SearchIndexes, keyPrefix: String) async {
    _ = try? await mongo.command(["dropDatabase": 1])
    try? await search.deleteIndex(indexes.gifticons)
    try? await search.deleteIndex(indexes.reviews)
    if let keys = try? await redis.command("KEYS", keyPrefix + "*").array?.compactMap(\.string), !keys.isEmpty {
        _ = try? await redis.command(["DEL"] + keys)
    }
}
