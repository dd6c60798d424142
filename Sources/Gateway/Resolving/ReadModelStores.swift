import ReadModels
import Stores

/// The read side's stores and their names, shared by every request: the gateway reads nothing else (never the
/// command database).
public struct ReadModelStores: Sendable {
    public let mongo: MongoClient
    public let search: SearchClient
    public let redis: RedisClient
    /// The search indexes the sync fills (tests use prefixed ones).
    public let indexes: SearchIndexes
    /// The Redis key names the sync writes (tests use prefixed ones).
    public let keys: RedisKeys

    public init(mongo: MongoClient, search: SearchClient, redis: RedisClient, indexes: SearchIndexes = .standard,
                keys: RedisKeys = RedisKeys()) {
        self.mongo = mongo
        self.search = search
        self.redis = redis
        self.indexes = indexes
        self.keys = keys
    }
}
