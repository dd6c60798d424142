import Foundation
import JSON
import ReadModels
import Stores

/// Renders a row change as Debezium's PostgreSQL connector does (JSON converter, schemas disabled), so a real
/// Debezium connector can replace `gifticon sync relay` in production and the projector reads either.
///
/// Value encodings follow Debezium's defaults: `decimal.handling.mode=precise` (numeric as the base64 of the
/// unscaled big-endian two's-complement integer; the scale lives in Debezium's schema, which schemas-disabled
/// JSON drops, so we add `__scales` beside the row), `time.precision.mode=adaptive` (timestamp as microseconds since
/// the epoch, date as days since the epoch), timestamptz as an ISO-8601 string in UTC.
public enum DebeziumEnvelope {
    public static func encode(_ change: RowChange, in transaction: CommittedTransaction, database: String, emittedAtMillis: Int64) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("before", change.before.map(row) ?? .null),
            ("after", change.after.map(row) ?? .null),
            ("source", [
                "version": "gifticon-relay-1",
                "connector": "postgresql",
                "name": "gifticon",
                "ts_ms": .int(Int(transaction.commitTimeMicros / 1000)),
                "snapshot": change.operation == .read ? "true" : "false",
                "db": .string(database),
                "schema": .string(change.schema),
                "table": .string(change.table),
                "txId": .int(Int(transaction.xid)),
                "lsn": .int(Int(truncatingIfNeeded: transaction.commitLSN.value)),
            ]),
            ("op", .string(change.operation.rawValue)),
            ("ts_ms", .int(Int(emittedAtMillis))),
        ]
        let scales = (change.after ?? change.before ?? []).compactMap { column -> (String, JSONValue)? in
            guard column.typeOID == PostgresType.numeric, let value = column.value else { return nil }
            return (column.name, .int(DebeziumEnvelope.scale(of: value)))
        }
        if !scales.isEmpty { members.append(("__scales", .object(JSONObject(scales)))) }
        return .object(JSONObject(members))
    }

    static func row(_ columns: [RowChange.Column]) -> JSONValue {
        .object(JSONObject(columns.filter { !$0.unchangedToast }.map { ($0.name, value($0)) }))
    }

    /// One column's value in Debezium's encoding.
    public static func value(_ column: RowChange.Column) -> JSONValue {
        guard let text = column.value else { return .null }
        switch column.typeOID {
        case PostgresType.bool: return .bool(text == "t")
        case PostgresType.int2, PostgresType.int4, PostgresType.int8, PostgresType.oid:
            return Int(text).map(JSONValue.int) ?? .string(text)
        case PostgresType.float4, PostgresType.float8:
            return Double(text).map(JSONValue.double) ?? .string(text)
        case PostgresType.numeric:
            return decimalBytes(text).map { .string(Data($0).base64EncodedString()) } ?? .string(text)
        case PostgresType.timestamp:
            return PostgresTime.microseconds(timestamp: text).map { .int(Int($0)) } ?? .string(text)
        case PostgresType.timestamptz:
            return PostgresTime.microseconds(timestamp: text).map { .string(ISO8601Time.iso8601(micros: $0)) } ?? .string(text)
        case PostgresType.date:
            return PostgresTime.days(date: text).map { .int(Int($0)) } ?? .string(text)
        default:
            return .string(text)
        }
    }

    static func scale(of decimal: String) -> Int {
        guard let dot = decimal.firstIndex(of: ".") else { return 0 }
        return decimal.distance(from: dot, to: decimal.endIndex) - 1
    }

    /// "-12.50" -> the unscaled value -1250 as big-endian two's complement, minimal length (Java's BigInteger bytes).
    static func decimalBytes(_ text: String) -> [UInt8]? {
        var digits = text
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        digits.removeAll { $0 == "." }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        // Base-10 string to base-256 magnitude, most significant byte first.
        var magnitude: [UInt8] = [0]
        for digit in digits.utf8 {
            var carry = Int(digit - 48)
            for index in magnitude.indices.reversed() {
                let value = Int(magnitude[index]) * 10 + carry
                magnitude[index] = UInt8(value & 0xFF)
                carry = value >> 8
            }
            while carry > 0 {
                magnitude.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        while magnitude.count > 1 && magnitude[0] == 0 { magnitude.removeFirst() }
        if !negative {
            if magnitude[0] & 0x80 != 0 { magnitude.insert(0, at: 0) }
            return magnitude
        }
        // Two's complement: invert and add one.
        var bytes = magnitude.map { ~$0 }
        var index = bytes.count - 1
        while index >= 0 {
            let (sum, overflow) = bytes[index].addingReportingOverflow(1)
            bytes[index] = sum
            if !overflow { break }
            index -= 1
        }
        if bytes[0] & 0x80 == 0 { bytes.insert(0xFF, at: 0) }
        while bytes.count > 1 && bytes[0] == 0xFF && bytes[1] & 0x80 != 0 { bytes.removeFirst() }
        return bytes
    }
}

/// The built-in type OIDs the encoders care about (pg_type.dat).
public enum PostgresType {
    public static let bool: UInt32 = 16
    public static let text: UInt32 = 25
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let oid: UInt32 = 26
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let date: UInt32 = 1082
    public static let timestamp: UInt32 = 1114
    public static let timestamptz: UInt32 = 1184
    public static let numeric: UInt32 = 1700
}
