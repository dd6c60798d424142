import Stores

/// The text the sync stores at `RedisKeys.appliedPosition`: "<sortable> <printable>", the position as 16 hex
/// digits (so a Lua guard can compare text) and as PostgreSQL prints it (e.g. "0000000016B374D8 16/B374D8").
public enum AppliedPosition {
    /// The stored text for `lsn`.
    public static func text(_ lsn: LSN) -> String { "\(lsn.sortableText) \(lsn)" }

    /// The position in a stored text, nil when it is not one.
    public static func parse(_ stored: String) -> LSN? {
        stored.split(separator: " ").last.flatMap { LSN(String($0)) }
    }
}
