/// PostgreSQL through libpq behind an async interface: a bounded pool, statements prepared once per connection,
/// every libpq call on the pool's own threads.
public final class PostgresClient: Sendable {
    public let pool: ConnectionPool<PostgresConnection>
    public let url: String

    public init(url: String, maxConnections: Int = 8, acquireTimeout: Duration = .seconds(5)) {
        self.url = url
        pool = ConnectionPool(store: .postgres, maxConnections: maxConnections, acquireTimeout: acquireTimeout) {
            try PostgresConnection(url: url)
        }
    }

    /// Runs one statement with text parameters.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) async throws -> PostgresResult {
        try await pool.withConnection(operation: Self.statementKind(sql)) { try $0.query(sql, parameters) }
    }

    /// Runs SQL text (several statements allowed, no parameters).
    @discardableResult
    public func execute(_ sql: String) async throws -> PostgresResult {
        try await pool.withConnection(operation: Self.statementKind(sql)) { try $0.execute(sql) }
    }

    /// Runs `body` in one transaction on one connection: committed if it returns, rolled back if it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await pool.withConnection(operation: "transaction") { try $0.transaction(body) }
    }

    /// Runs `body` with a connection of its own (no transaction), in a span named for `operation`.
    public func withConnection<T: Sendable>(
        operation: String = "connection", _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await pool.withConnection(operation: operation, body)
    }

    public func shutdown() async { await pool.shutdown() }

    /// A statement's first word (`SELECT`, `INSERT`), for a span's name: never its text, which may hold values.
    static func statementKind(_ sql: String) -> String {
        String(sql.drop(while: { $0.isWhitespace }).prefix(while: { $0.isLetter })).uppercased()
    }
}
