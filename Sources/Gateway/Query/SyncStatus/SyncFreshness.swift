import ReadModels
import Stores

/// How fresh the read models are, from the hash the sync publishes beside its applied position
/// (`RedisKeys.syncStatus`, with the fields of `SyncStatusHash`). Read when `/metrics` is scraped and by
/// `Query.syncStatus`.
struct SyncFreshness: Sendable {
    /// The applied position as PostgreSQL prints it.
    var position: String?
    /// Commit time of the last applied transaction (ms since the epoch); nil when the sync last moved on an idle
    /// stream (nothing to apply) or never published.
    var commitMillis: Int64?
    /// When every read model had it (ms since the epoch, Redis's clock).
    var appliedMillis: Int64?
    /// How far the command database's WAL had come when the sync last reported, and when that was.
    var heardPosition: String?
    var reportedMillis: Int64?

    /// WAL bytes the read models are behind the command database, as of the sync's last report (0 when caught up).
    var behindBytes: UInt64? {
        guard let heard = heardPosition.flatMap(LSN.init), let applied = position.flatMap(LSN.init) else { return nil }
        return heard.value > applied.value ? heard.value - applied.value : 0
    }

    /// Commit-to-applied lag of the last applied transaction; 0 when the sync is caught up on an idle stream.
    var lagMillis: Int64? {
        guard let appliedMillis else { return nil }
        guard let commitMillis else { return 0 }
        return max(0, appliedMillis - commitMillis)
    }

    static func read(_ readModels: ReadModelStores) async throws -> SyncFreshness {
        let reply = try await readModels.redis.command("HGETALL", readModels.keys.syncStatus).array ?? []
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: reply.count - 1, by: 2) {
            if let key = reply[index].string, let value = reply[index + 1].string { fields[key] = value }
        }
        let commit = fields[SyncStatusHash.commitMillis].flatMap { Int64($0) }
        return SyncFreshness(position: fields[SyncStatusHash.position], commitMillis: commit == 0 ? nil : commit,
                             appliedMillis: fields[SyncStatusHash.appliedMillis].flatMap { Int64($0) },
                             heardPosition: fields[SyncStatusHash.heardPosition],
                             reportedMillis: fields[SyncStatusHash.reportedMillis].flatMap { Int64($0) })
    }
}
