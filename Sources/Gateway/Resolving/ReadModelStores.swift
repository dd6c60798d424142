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

    /// The gateway's clients for the stores at these addresses, every wait bounded by `timeout` (a reply, a connect,
    /// a free pooled connection; a whole MongoDB call by twice that): a store that hangs fails the fields that read it
    /// within about `timeout`, well inside the request's deadline, instead of holding the request until it. (The sync keeps longer bounds: its batch writes
    /// on the stand-in servers can take seconds.)
    public static func connect(mongoURI: String, searchURL: String, redisURL: String, timeout: Duration, maxConnections: Int = 16,
                               indexes: SearchIndexes = .standard, keys: RedisKeys = RedisKeys()) -> ReadModelStores {
        return ReadModelStores(
            // A retried read takes several of libmongoc's steps: the whole call gets twice the timeout.
            mongo: MongoClient(uri: MongoClient.uri(mongoURI, timeout: timeout), maxConnections: maxConnections, acquireTimeout: timeout,
                               callDeadline: timeout * 2),
            search: SearchClient(baseURL: searchURL, maxConnections: maxConnections, acquireTimeout: timeout, timeoutMilliseconds: Int(timeout.wholeMilliseconds)),
            redis: RedisClient(url: redisURL, maxConnections: maxConnections, acquireTimeout: timeout, timeout: timeout),
            indexes: indexes, keys: keys)
    }
}
