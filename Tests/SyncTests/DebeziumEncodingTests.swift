import Foundation
import ReadModels
@testable import Sync
import Testing

@Suite struct DebeziumEncodingTests {
    /// Expected values computed with Python: int(Decimal(d) * 10**scale).to_bytes(n, "big", signed=True).
    @Test(arguments: [
        ("0", "AA=="), ("1", "AQ=="), ("127", "fw=="), ("128", "AIA="), ("-1", "/w=="), ("-128", "gA=="), ("-129", "/38="),
        ("4500.00", "Bt3Q"), ("-12.50", "+x4="), ("255", "AP8="), ("256", "AQA="),
    ])
    func decimalsAsJavaBigIntegerBytes(decimal: String, base64: String) {
        let bytes = DebeziumEnvelope.decimalBytes(decimal)
        #expect(bytes.map { Data($0).base64EncodedString() } == base64)
    }

    @Test func timesAsDebeziumEncodesThem() {
        #expect(PostgresTime.microseconds(timestamp: "1970-01-01 00:00:00") == 0)
        #expect(PostgresTime.microseconds(timestamp: "2025-01-31 12:34:56.123456") == 1_738_326_896_123_456)
        #expect(PostgresTime.microseconds(timestamp: "2025-01-31 21:34:56.5+09") == 1_738_326_896_500_000)
        #expect(PostgresTime.microseconds(timestamp: "2025-01-31 09:04:56.5-03:30") == 1_738_326_896_500_000)
        #expect(PostgresTime.days(date: "2026-12-30") == 20_817)
        #expect(PostgresTime.days(date: "1969-12-31") == -1)
        #expect(ISO8601Time.iso8601(micros: 1_738_326_896_123_456) == "2025-01-31T12:34:56.123456Z")
        #expect(PostgresTime.microseconds(timestamp: "not a time") == nil)
    }

    @Test func envelopeCarriesSourcePositionAndOperation() {
        let change = RowChange(schema: "public", table: "gifticon_prices", operation: .update,
            before: [.init(name: "gifticon_id", typeOID: PostgresType.int8, value: "7"), .init(name: "sale_price", typeOID: PostgresType.numeric, value: "5000.00")],
            after: [.init(name: "gifticon_id", typeOID: PostgresType.int8, value: "7"), .init(name: "sale_price", typeOID: PostgresType.numeric, value: "4500.00")])
        let transaction = CommittedTransaction(xid: 991, commitLSN: .init(0x1_0000_0010), endLSN: .init(0x1_0000_0040), commitTimeMicros: 1_738_326_896_123_456, changes: [change])
        let envelope = DebeziumEnvelope.encode(change, in: transaction, database: "gifticon", emittedAtMillis: 5)
        #expect(envelope["op"] == "u")
        #expect(envelope["after"]?["sale_price"] == "Bt3Q")
        #expect(envelope["before"]?["gifticon_id"] == 7)
        #expect(envelope["source"]?["table"] == "gifticon_prices")
        #expect(envelope["source"]?["txId"] == 991)
        #expect(envelope["source"]?["lsn"] == .int(0x1_0000_0010))
        #expect(envelope["source"]?["ts_ms"] == .int(1_738_326_896_123))
        #expect(envelope["__scales"]?["sale_price"] == 2)
    }
}
