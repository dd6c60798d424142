import CLibPQ

/// The rows of a statement, copied out of libpq's result as text (libpq's text format).
public struct PostgresResult: Sendable {
    public let columns: [String]
    /// Each column's type OID (pg_type.oid), e.g. 23 for int4, 1700 for numeric.
    public let columnTypes: [UInt32]
    public let rows: [[String?]]
    /// How many rows an INSERT/UPDATE/DELETE touched.
    public let affectedRows: Int

    init(_ result: OpaquePointer?, connection: OpaquePointer) throws {
        try PostgresResult.check(result, connection: connection, expectRows: true)
        defer { PQclear(result) }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        columnTypes = (0..<columnCount).map { UInt32(PQftype(result, Int32($0))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<Int32(rowCount) {
            var row: [String?] = []
            row.reserveCapacity(columnCount)
            for c in 0..<Int32(columnCount) {
                row.append(PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c)))
            }
            rows.append(row)
        }
        self.rows = rows
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Throws the server's error (with its SQLSTATE) unless the result is a success.
    static func check(_ result: OpaquePointer?, connection: OpaquePointer, expectRows: Bool) throws {
        guard let result else {
            throw StoreError(.postgres, .unavailable, PostgresConnection.errorMessage(connection))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            return
        default:
            let message = String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines()
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let constraint = PQresultErrorField(result, Int32(UInt8(ascii: "n"))).map { String(cString: $0) }
            PQclear(result)
            let broken = PQstatus(connection) != CONNECTION_OK
            var error = StoreError(.postgres, broken ? .unavailable : .rejected, message, code: sqlState)
            if let constraint { error.constraint = constraint }
            throw error
        }
    }

    /// The value at row `row`, column named `column`.
    public subscript(row: Int, column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return rows[row][index]
    }
}
