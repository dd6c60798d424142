import JSON
import ReadModels
import Stores

/// Reading typed values out of a row change for documents.
extension RowChange {
    /// The row as it is now (after), or as it was (before) for a delete.
    var current: [Column] { after ?? before ?? [] }

    func text(_ column: String) -> JSONValue {
        guard let value = current.first(where: { $0.name == column })?.value else { return .null }
        return .string(value)
    }

    func integer(_ column: String) -> JSONValue {
        guard let value = current.first(where: { $0.name == column })?.value, let number = Int(value) else { return .null }
        return .int(number)
    }

    func boolean(_ column: String) -> JSONValue {
        guard let value = current.first(where: { $0.name == column })?.value else { return .null }
        return .bool(value == "t")
    }

    /// timestamptz and date columns as ISO-8601 text (UTC), as the API shows them.
    func time(_ column: String) -> JSONValue {
        guard let value = current.first(where: { $0.name == column })?.value else { return .null }
        if value.count == 10 { return .string(value) }  // a date
        return PostgresTime.microseconds(timestamp: value).map { .string(ISO8601Time.iso8601(micros: $0)) } ?? .string(value)
    }
}
