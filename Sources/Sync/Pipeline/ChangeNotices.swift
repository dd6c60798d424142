import ReadModels
import Stores

/// Tells the gateways what every applied run changed: once every read model acknowledged a run, an entry goes to a
/// capped Redis Stream with the run's position and the keys it touched (`gifticon:<id>`, `seller:<id>` for ratings,
/// `user:<id>` for a user's listings and purchases, and the catalog's `brand:`, `category:`, `tag:`). Gateways read
/// it with blocking reads and re-resolve the subscriptions those keys affect (issue 16).
///
/// An entry's stream id is its position (`<LSN as a number>-0`), so a client's last seen position is where a read
/// resumes. A run applied again after a restart is not appended twice: its id is not above the stream's last.
public struct ChangeNotices: Sendable {
    /// Entries kept (approximately: Redis trims whole nodes); older ones are past the resume window.
    public static let defaultRetention = 100_000
    let redis: RedisClient
    let key: String
    let retention: Int

    public init(redis: RedisClient, keys: RedisKeys, retention: Int = ChangeNotices.defaultRetention) {
        self.redis = redis
        key = keys.changeNotices
        self.retention = max(1, retention)
    }

    // KEYS: the stream. ARGV: retention, id, position, commit millis, keys.
    static let script = """
        local added = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], ARGV[2], 'lsn', ARGV[3], 'commitMillis', ARGV[4], 'keys', ARGV[5])
        if type(added) == 'table' and added.err then return 0 end
        return 1
        """

    /// Appends the run's notice; false if an entry at this position or later is there already (a replayed run).
    @discardableResult
    public func append(_ run: [CommittedTransaction]) async throws -> Bool {
        guard let last = run.last else { return false }
        let touched = Self.keys(run)
        guard !touched.isEmpty else { return false }
        let reply = try await redis.eval(Self.script, keys: [key], arguments: [
            String(retention), "\(last.endLSN.value)-0", last.endLSN.description, String(Self.firstCommitMillis(run)),
            touched.joined(separator: " "),
        ])
        return reply.integer == 1
    }

    /// The earliest commit time of the run (ms since 1970; 0 unknown): a gateway's delivery latency counts from
    /// it, so a run that batched many transactions is not credited with its last one's shorter wait.
    static func firstCommitMillis(_ run: [CommittedTransaction]) -> Int64 {
        (run.map(\.commitTimeMicros).filter { $0 > 0 }.min() ?? 0) / 1000
    }

    /// The keys a run touched, each once, in first-seen order.
    static func keys(_ run: [CommittedTransaction]) -> [String] {
        var seen: Set<String> = []
        var keys: [String] = []
        func add(_ kind: String, _ id: String?) {
            guard let id, !id.isEmpty else { return }
            let key = "\(kind):\(id)"
            if seen.insert(key).inserted { keys.append(key) }
        }
        for change in run.flatMap(\.changes) {
            let images = [change.before, change.after].compactMap { $0 }
            func values(_ column: String) -> [String?] { images.map { row in row.first { $0.name == column }?.value } }
            switch change.table {
            case "gifticons":
                add("gifticon", change.value("id"))
                for user in values("seller_id") + values("buyer_id") { add("user", user) }
            case "gifticon_prices", "gifticon_images", "gifticon_tags": add("gifticon", change.value("gifticon_id"))
            case "reviews":
                add("seller", change.value("seller_id"))
                add("gifticon", change.value("gifticon_id"))
            case "users": add("user", change.value("id"))
            case "brands": add("brand", change.value("id"))
            case "categories": add("category", change.value("id"))
            case "tags": add("tag", change.value("id"))
            default: continue
            }
        }
        return keys
    }
}
