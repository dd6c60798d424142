import Stores

/// Writes many rows with multi-row INSERT statements of literal values, a few thousand rows per statement (one round
/// trip each, no per-row parameters): the command side's tables and constraints, in bulk.
struct BulkInsert {
    let table: String
    let columns: [String]
    /// Each row's values already written as SQL literals or expressions.
    var rows: [String] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func add(_ values: [String]) {
        rows.append("(" + values.joined(separator: ",") + ")")
    }

    func write(on db: PostgresConnection, batch: Int = 2000) throws {
        var start = 0
        while start < rows.count {
            let end = min(start + batch, rows.count)
            try db.execute(
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                    + rows[start..<end].joined(separator: ",\n"))
            start = end
        }
    }
}
