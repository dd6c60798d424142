import JSON
import Stores

/// A request the sync sent to a read model's store, as `SyncSteps` hands it to a recorder: the bare-store ceiling
/// benchmark sends the same requests again from a plain client, with no sync logic, to see what the stores can do.
public enum StoreOperation: Sendable {
    case mongoCommand(JSONValue)
    case mongoFind(collection: String, filter: JSONValue, options: JSONValue?)
    case searchBulk(lines: [JSONValue], refresh: Bool, tolerate: Set<Int>)
    case redisEval(script: String, keys: [String], arguments: [String])

    /// Sends it again, as it was sent.
    public func send(mongo: MongoClient, search: SearchClient, redis: RedisClient) async throws {
        switch self {
        case let .mongoCommand(command): _ = try await mongo.command(command)
        case let .mongoFind(collection, filter, options): _ = try await mongo.find(collection, filter: filter, options: options)
        case let .searchBulk(lines, refresh, tolerate): _ = try await search.bulk(lines, refresh: refresh, tolerate: tolerate)
        case let .redisEval(script, keys, arguments): _ = try await redis.eval(script, keys: keys, arguments: arguments)
        }
    }

    /// Which store it goes to, for the ceiling's per-store totals.
    public var store: String {
        switch self {
        case .mongoCommand, .mongoFind: "mongodb"
        case .searchBulk: "search"
        case .redisEval: "redis"
        }
    }
}
