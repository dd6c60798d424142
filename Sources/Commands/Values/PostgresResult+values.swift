import Stores

extension PostgresResult {
    /// The integer in `column` of `row`, or INTERNAL if the server answered something else.
    func int64(_ column: String, row: Int = 0) throws -> Int64 {
        guard row < rows.count, let text = self[row, column], let value = Int64(text) else {
            throw CommandError(.internal, "the database answered no \(column)")
        }
        return value
    }

    /// Every value of `column` as integers.
    func int64s(_ column: String) -> [Int64] {
        (0..<rows.count).compactMap { self[$0, column].flatMap { Int64($0) } }
    }
}
