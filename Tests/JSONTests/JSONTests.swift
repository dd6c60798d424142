import Testing
import JSON

@Suite("Ordered JSON reader and writer")
struct JSONTests {
    @Test("round-trips and keeps key order")
    func roundTrip() throws {
        let text = #"{"b":1,"a":[true,false,null,"x\n\"y\"",-12,1.5,1e+21],"c":{"z":{},"y":[]}}"#
        let value = try JSONReader.parse(text)
        #expect(value.jsonString() == text)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
    }

    @Test("decodes escapes and surrogate pairs")
    func escapes() throws {
        let value = try JSONReader.parse(#"["\u00e9\ud83d\ude00\t\/"]"#)
        #expect(value == .array([.string("é😀\t/")]))
        #expect(JSONValue.string("\u{01}").jsonString() == #""\u0001""#)
    }

    @Test("formats numbers as JavaScript does", arguments: [
        (1.0, "1"), (1.5, "1.5"), (-0.25, "-0.25"), (1e21, "1e+21"), (1e-7, "1e-7"), (123456789012.0, "123456789012"),
        (0.000001, "0.000001"), (2.5e-8, "2.5e-8"),
    ])
    func numbers(_ value: Double, _ expected: String) {
        #expect(JSONWriter.formatNumber(value) == expected)
    }

    @Test("rejects malformed input without crashing", arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01", "1.", "-",
        "\"\\u12\"", "{\"a\":1}x",
    ])
    func malformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONReader.parse(text) }
    }

    @Test("bounds nesting depth")
    func deepNesting() {
        #expect(throws: JSONParseError.self) { try JSONReader.parse(String(repeating: "[", count: 100_000)) }
    }

    @Test("large objects index their keys")
    func largeObject() {
        var o = JSONObject()
        for i in 0..<100 { o["k\(i)"] = .int(i) }
        #expect(o["k77"] == .int(77))
        o["k5"] = nil
        #expect(o["k6"] == .int(6) && o.count == 99 && o["k5"] == nil)
    }
}
