import Foundation
import Commands
import Logging
import Stores

/// Loads the original project's dataset (`../shared/seed-dataset/V2__category.sql` ... `V11__reviews.sql`) into the
/// command side's tables, as it is, for benchmarks comparable with the original's load test.
///
/// Every price row of that data has sale_price > base_price, which our schema refuses
/// (`gifticon_prices_sale_not_above_base_check`). The loader does not drop the rule and does not drop the rows: it
/// stages the prices and stores them with the two amounts swapped (base = the larger, sale = the smaller), and
/// reports how many rows it swapped. The data's evident intent is a face value and a lower asking price; swapping
/// keeps both amounts, every gifticon keeps a price, and the report says exactly what was changed.
/// Duplicate (user, gifticon) likes (16 in the original) are skipped and counted the same way.
/// Timestamps without a zone are read as Asia/Seoul times (the original's service ran in Korea).
public struct DatasetLoader: Sendable {
    public struct Report: Sendable, Equatable {
        /// Rows per table after the load.
        public var counts: [String: Int]
        /// Price rows stored with base and sale swapped because sale > base.
        public var swappedPrices: Int
        /// Rows of the files not stored, by table, because they repeat a key (likes, gifticon tags).
        public var skippedDuplicates: [String: Int]
    }

    public let database: PostgresClient
    static let logger = Logger(label: "gifticon.seeding.dataset")

    /// The files in load order, with the table each one inserts into.
    static let files: [(file: String, table: String)] = [
        ("V2__category.sql", "categories"), ("V3__brand.sql", "brands"), ("V4__user.sql", "users"),
        ("V5__gifticon.sql", "gifticons"), ("V6__gifticon_price.sql", "gifticon_prices"),
        ("V7__gifticon_images.sql", "gifticon_images"), ("V8__gifticon_likes.sql", "gifticon_likes"),
        ("V9__tags.sql", "tags"), ("V10__gifticon_tags.sql", "gifticon_tags"), ("V11__reviews.sql", "reviews"),
    ]

    public init(database: PostgresClient) {
        self.database = database
    }

    /// Loads every file of `directory` in one transaction. The implicit ids (users, gifticons, tags) come out as
    /// 1..n because the tables are empty (or `reset` empties them and restarts their identities).
    public func load(directory: String, reset: Bool = false) async throws -> Report {
        var statements: [(table: String, sql: String)] = []
        for (file, table) in DatasetLoader.files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandError.invalid("dataset", "cannot read \(path)")
            }
            var sql = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard sql.hasPrefix("INSERT INTO \(table)") else {
                throw CommandError.invalid("dataset", "\(file) does not start with INSERT INTO \(table)")
            }
            if sql.hasSuffix(";") { sql.removeLast() }
            statements.append((table, sql))
        }
        let loaded = statements
        do {
            let report = try await database.withConnection { db in
                try db.transaction { db in
                    try MarketplaceTables.prepare(on: db, reset: reset)
                    try db.execute("SET LOCAL timezone = 'Asia/Seoul'")
                    var swapped = 0
                    var skipped: [String: Int] = [:]
                    for (table, sql) in loaded {
                        switch table {
                        case "gifticon_prices":
                            swapped = try DatasetLoader.loadPrices(sql, on: db)
                        case "gifticon_likes", "gifticon_tags":
                            let rows = DatasetLoader.valueRows(in: sql)
                            let inserted = try db.execute(sql + " ON CONFLICT DO NOTHING").affectedRows
                            if rows > inserted { skipped[table] = rows - inserted }
                        default:
                            try db.execute(sql)
                        }
                    }
                    try MarketplaceTables.advanceIdentities(on: db)
                    return Report(counts: try MarketplaceTables.counts(on: db), swappedPrices: swapped, skippedDuplicates: skipped)
                }
            }
            DatasetLoader.logger.info(
                "dataset loaded: \(report.swappedPrices) price rows swapped (sale > base), duplicates skipped: \(report.skippedDuplicates)")
            return report
        } catch {
            throw ConstraintCatalog.commandError(for: error)
        }
    }

    /// Stages the price rows in a temporary table, stores them with sale <= base, returns how many were swapped.
    static func loadPrices(_ sql: String, on db: PostgresConnection) throws -> Int {
        try db.execute("""
            CREATE TEMP TABLE dataset_prices (
                gifticon_id bigint, base_price numeric(12, 2), currency char(3), sale_price numeric(12, 2)
            ) ON COMMIT DROP
            """)
        try db.execute(sql.replacingOccurrences(of: "INSERT INTO gifticon_prices", with: "INSERT INTO pg_temp.dataset_prices"))
        let swapped = try db.execute("SELECT count(*) FROM dataset_prices WHERE sale_price > base_price")
        try db.execute("""
            INSERT INTO gifticon_prices (gifticon_id, base_price, sale_price, currency)
            SELECT gifticon_id, greatest(base_price, sale_price), least(base_price, sale_price), currency
            FROM dataset_prices
            """)
        return Int(swapped.rows.first?[0] ?? "0") ?? 0
    }

    /// How many VALUES rows the statement has (one per line starting with "(" after VALUES).
    static func valueRows(in sql: String) -> Int {
        guard let values = sql.range(of: "VALUES") else { return 0 }
        return sql[values.upperBound...].split(separator: "\n").filter { $0.drop(while: { $0 == " " }).hasPrefix("(") }.count
    }
}
