import Stores

/// Applies the pending migrations (idempotent: safe to run any number of times, also concurrently).
///
/// ```swift
/// let applied = try await Migrator(database: client).migrate()   // [] when the schema is current
/// ```
public struct Migrator: Sendable {
    public let database: PostgresClient
    public let migrations: [Migration]

    /// An arbitrary constant: the advisory lock that serialises concurrent `migrate` runs.
    static let lockKey = "727001"

    public init(database: PostgresClient, migrations: [Migration] = Migration.all) {
        self.database = database
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies what is missing and returns the versions it applied. Throws if an applied migration's SQL changed.
    @discardableResult
    public func migrate() async throws -> [Int] {
        let migrations = self.migrations
        return try await database.withConnection { db in
            try db.execute("SELECT pg_advisory_lock(\(Migrator.lockKey))")
            defer { _ = try? db.execute("SELECT pg_advisory_unlock(\(Migrator.lockKey)); RESET client_min_messages") }
            try db.execute("SET client_min_messages = warning")  // no "already exists, skipping" notices
            try db.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            var applied: [Int: String] = [:]
            for row in try db.query("SELECT version, checksum FROM schema_migrations").rows {
                if let version = row[0].flatMap({ Int($0) }), let checksum = row[1] { applied[version] = checksum }
            }
            var done: [Int] = []
            for migration in migrations {
                let checksum = try db.query("SELECT md5($1)", [migration.sql]).rows[0][0] ?? ""
                if let recorded = applied[migration.version] {
                    guard recorded == checksum else {
                        throw CommandError(.internal, "migration \(migration.version) (\(migration.name)) was changed after it was applied")
                    }
                    continue
                }
                try db.transaction { db in
                    try db.execute(migration.sql)
                    try db.query(
                        "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                        [String(migration.version), migration.name, checksum])
                }
                done.append(migration.version)
            }
            return done
        }
    }

    /// The versions recorded as applied, in order.
    public func appliedVersions() async throws -> [Int] {
        let result = try await database.query(
            "SELECT version FROM schema_migrations ORDER BY version")
        return result.rows.compactMap { $0[0].flatMap { Int($0) } }
    }
}
