/// Redis through hiredis behind an async interface, with a bounded pool of blocking connections.
public final class RedisClient: Sendable {
    public let pool: ConnectionPool<RedisConnection>
    /// Where the pool connects (a blocking reader, such as a stream's, opens a connection of its own there).
    public let url: String

    /// `timeout` bounds each connect and each command's reply.
    public init(url: String, maxConnections: Int = 8, acquireTimeout: Duration = .seconds(5), timeout: Duration = .seconds(5)) {
        self.url = url
        pool = ConnectionPool(store: .redis, maxConnections: maxConnections, acquireTimeout: acquireTimeout) {
            try RedisConnection(url: url, timeout: timeout)
        }
    }

    public func command(_ arguments: String...) async throws -> RedisValue { try await command(arguments) }

    public func command(_ arguments: [String]) async throws -> RedisValue {
        try await pool.withConnection(operation: arguments.first ?? "command") { try $0.command(arguments) }
    }

    public func get(_ key: String) async throws -> String? { try await command("GET", key).string }

    public func set(_ key: String, _ value: String) async throws { _ = try await command("SET", key, value) }

    /// Many keys in one round trip; nil where a key is missing.
    public func mget(_ keys: [String]) async throws -> [String?] {
        guard !keys.isEmpty else { return [] }
        let reply = try await command(["MGET"] + keys)
        guard let items = reply.array, items.count == keys.count else {
            throw StoreError(.redis, .badReply, "MGET answered \(reply)")
        }
        return items.map(\.string)
    }

    /// Runs a Lua script atomically on the server.
    public func eval(_ script: String, keys: [String], arguments: [String] = []) async throws -> RedisValue {
        try await command(["EVAL", script, String(keys.count)] + keys + arguments)
    }

    public func shutdown() async { await pool.shutdown() }
}
