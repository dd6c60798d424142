import Foundation
import JSON
import ReadModels
import Stores

/// Reading a Debezium envelope back into a row change: the inverse of `DebeziumEnvelope.encode`, and what a real
/// Debezium PostgreSQL connector (JSON converter, schemas disabled) sends with the same value encodings.
public struct DecodedEnvelope: Sendable, Equatable {
    public var change: RowChange
    /// The commit's LSN (`source.lsn`).
    public var lsn: LSN
    public var xid: UInt32
    public var commitTimeMillis: Int64
    /// Debezium's `source.snapshot`: "true"/"first" inside the initial snapshot, "last" on its final record.
    public var snapshot: String
    /// The transaction block (`provide.transaction.metadata`): which transaction and where in it.
    public var transactionID: String?
    public var totalOrder: Int?
}

extension DebeziumEnvelope {
    public struct DecodeError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func decode(_ envelope: JSONValue) throws -> DecodedEnvelope {
        guard let source = envelope["source"], let table = source["table"]?.stringValue,
              let op = envelope["op"]?.stringValue, let operation = RowChange.Operation(rawValue: op)
        else { throw DecodeError(description: "not a Debezium change event (no source.table or op)") }
        let scales = envelope["__scales"]
        func columns(_ row: JSONValue?) -> [RowChange.Column]? {
            guard let row, case .object(let members) = row else { return nil }
            return members.map { name, value in column(name, value, table: table, scale: scales?[name]?.intValue.map(Int64.init)) }
        }
        let change = RowChange(schema: source["schema"]?.stringValue ?? "public", table: table, operation: operation,
                               before: columns(envelope["before"]), after: columns(envelope["after"]))
        let lsn = source["lsn"]?.intValue.map { LSN(UInt64(UInt(bitPattern: $0))) } ?? .zero
        let snapshot: String
        switch source["snapshot"] {
        case .string(let text): snapshot = text
        case .bool(let flag): snapshot = flag ? "true" : "false"
        default: snapshot = "false"
        }
        let transaction = envelope["transaction"]
        return DecodedEnvelope(
            change: change, lsn: lsn, xid: UInt32(truncatingIfNeeded: source["txId"]?.intValue ?? 0),
            commitTimeMillis: Int64(source["ts_ms"]?.intValue ?? 0), snapshot: snapshot,
            transactionID: transaction?["id"]?.stringValue, totalOrder: transaction?["total_order"]?.intValue)
    }

    /// One column back in PostgreSQL's text output, typed as the projectors read it.
    static func column(_ name: String, _ value: JSONValue, table: String, scale: Int64?) -> RowChange.Column {
        let kind = DebeziumColumnTypes.kind(table: table, column: name)
        switch (value, kind) {
        case (.null, _):
            return .init(name: name, typeOID: kind?.typeOID ?? PostgresType.text, value: nil)
        case (.bool(let flag), _):
            return .init(name: name, typeOID: PostgresType.bool, value: flag ? "t" : "f")
        case (.int(let days), .date?):
            return .init(name: name, typeOID: PostgresType.date, value: String(ISO8601Time.iso8601(micros: Int64(days) * 86_400_000_000).prefix(10)))
        case (.int(let micros), .timestamp?):
            let iso = ISO8601Time.iso8601(micros: Int64(micros))
            return .init(name: name, typeOID: PostgresType.timestamp, value: iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""))
        case (.int(let number), _):
            return .init(name: name, typeOID: PostgresType.int8, value: String(number))
        case (.double(let number), _):
            return .init(name: name, typeOID: PostgresType.float8, value: String(number))
        case (.string(let text), .numeric(let defaultScale)?):
            // precise mode sends base64 bytes (scale beside the row); string mode sends the decimal itself.
            if let bytes = Data(base64Encoded: text), let decimal = decimalText(Array(bytes), scale: Int(scale ?? Int64(defaultScale))) {
                return .init(name: name, typeOID: PostgresType.numeric, value: decimal)
            }
            return .init(name: name, typeOID: PostgresType.numeric, value: text)
        case (.string(let text), _):
            return .init(name: name, typeOID: kind?.typeOID ?? PostgresType.text, value: text)
        default:
            return .init(name: name, typeOID: PostgresType.text, value: value.jsonString())
        }
    }

    /// Big-endian two's-complement unscaled bytes -> "-12.50" (the inverse of `decimalBytes`).
    static func decimalText(_ bytes: [UInt8], scale: Int) -> String? {
        guard !bytes.isEmpty, scale >= 0 else { return nil }
        let negative = bytes[0] & 0x80 != 0
        var magnitude = bytes
        if negative {
            // Two's complement back to the magnitude: invert, add one.
            magnitude = magnitude.map { ~$0 }
            var index = magnitude.count - 1
            while index >= 0 {
                let (sum, overflow) = magnitude[index].addingReportingOverflow(1)
                magnitude[index] = sum
                if !overflow { break }
                index -= 1
            }
        }
        // Base-256 to base-10 by repeated division.
        var digits: [UInt8] = []
        while magnitude.contains(where: { $0 != 0 }) {
            var remainder = 0
            for index in magnitude.indices {
                let value = remainder * 256 + Int(magnitude[index])
                magnitude[index] = UInt8(value / 10)
                remainder = value % 10
            }
            digits.append(UInt8(remainder))
        }
        while digits.count <= scale { digits.append(0) }
        var text = String(digits.reversed().map { Character(String($0)) })
        if scale > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
        let isZero = !digits.contains { $0 != 0 }
        return (negative && !isZero ? "-" : "") + text
    }
}

/// Which columns a schemas-disabled envelope cannot type by itself: a date is a bare day count, a numeric is base64
/// text. Everything else reads from its JSON type (the projectors parse integers and timestamps from text).
enum DebeziumColumnTypes {
    enum Kind: Equatable {
        case date, timestamp, numeric(scale: Int)
        var typeOID: UInt32 {
            switch self {
            case .date: return PostgresType.date
            case .timestamp: return PostgresType.timestamp
            case .numeric: return PostgresType.numeric
            }
        }
    }

    /// From the command side's migrations (V1Schema): the due date and the two prices.
    static let kinds: [String: [String: Kind]] = [
        "gifticons": ["due_date": .date],
        "gifticon_prices": ["base_price": .numeric(scale: 2), "sale_price": .numeric(scale: 2)],
    ]

    static func kind(table: String, column: String) -> Kind? { kinds[table]?[column] }
}
