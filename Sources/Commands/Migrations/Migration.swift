/// One versioned step of the command database's schema: applied once, in version order, in its own transaction,
/// and recorded in `schema_migrations` with a checksum of its SQL so that an edited, already-applied step is caught.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Every migration, in the order they are applied. Adding a step touches one new file and this list.
    public static let all: [Migration] = [.v1Schema, .v2IdempotencyKeys, .v3Publication, .v4IdempotencyKeysPerCaller]
}
